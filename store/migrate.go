package store

import (
	"database/sql"
	"fmt"
)

// Migrate brings component's tables up to date by running, in order, the
// statements of migrations not yet applied. migrations[0] is version 1.
// Each migration runs in its own transaction with its version bump, so a
// failure leaves the database at the last complete version.
func Migrate(db *sql.DB, component string, migrations []string) error {
	var current int
	err := db.QueryRow("SELECT version FROM schema_version WHERE component = ?", component).Scan(&current)
	if err != nil && err != sql.ErrNoRows {
		return fmt.Errorf("read %s schema version: %w", component, err)
	}
	if current > len(migrations) {
		return fmt.Errorf("%s schema version %d is newer than this Hygie (%d): %w",
			component, current, len(migrations), ErrTooNew)
	}
	for v := current + 1; v <= len(migrations); v++ {
		if err := apply(db, component, v, migrations[v-1]); err != nil {
			return err
		}
	}
	return nil
}

func apply(db *sql.DB, component string, version int, stmt string) error {
	return InTx(db, func(tx *sql.Tx) error {
		if _, err := tx.Exec(stmt); err != nil {
			return fmt.Errorf("migrate %s to %d: %w", component, version, err)
		}
		_, err := tx.Exec(`INSERT INTO schema_version(component, version) VALUES(?, ?)
			ON CONFLICT(component) DO UPDATE SET version = excluded.version`, component, version)
		if err != nil {
			return fmt.Errorf("record %s version %d: %w", component, version, err)
		}
		return nil
	})
}

// InTx runs fn in a transaction, committing when fn returns nil and rolling
// back otherwise, so a failed write changes nothing.
func InTx(db *sql.DB, fn func(*sql.Tx) error) error {
	tx, err := db.Begin()
	if err != nil {
		return classify(fmt.Errorf("begin: %w", err))
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return classify(err)
	}
	if err := tx.Commit(); err != nil {
		return classify(fmt.Errorf("commit: %w", err))
	}
	return nil
}
