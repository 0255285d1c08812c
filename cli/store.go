package cli

import (
	"database/sql"

	"hygie/store"
)

// openStore opens Hygie's database in its data folder ($HYGIE_HOME or the
// user's config folder). The process exits soon after, which closes it.
func openStore() (*sql.DB, error) {
	dir, err := store.Dir()
	if err != nil {
		return nil, err
	}
	return store.Open(dir)
}
