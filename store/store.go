// Package store opens Hygie's single SQLite database and applies the numbered
// schema migrations that each domain package owns.
package store

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// FileName is the database file inside the data folder.
const FileName = "hygie.db"

// Errors the UI recognises to explain, in French, why the database is unusable.
var (
	ErrCorrupt  = errors.New("store: database file is corrupted or not a database")
	ErrLocked   = errors.New("store: database is locked by another program")
	ErrReadOnly = errors.New("store: data folder or database is read-only")
	ErrTooNew   = errors.New("store: database was written by a newer Hygie")
)

// Dir is the data folder: $HYGIE_HOME when set, else the user's config folder.
func Dir() (string, error) {
	if d := os.Getenv("HYGIE_HOME"); d != "" {
		return d, nil
	}
	cfg, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("locate config dir: %w", err)
	}
	return filepath.Join(cfg, "hygie"), nil
}

// Open opens (creating if absent) the database in dir. It never replaces or
// truncates an existing file: a file it cannot use is reported, not repaired.
func Open(dir string) (*sql.DB, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, classify(fmt.Errorf("create data dir %s: %w", dir, err))
	}
	return openPath(filepath.Join(dir, FileName), "")
}

// openPath opens the database file at path; extra adds DSN parameters.
func openPath(path, extra string) (*sql.DB, error) {
	dsn := "file:" + path + "?_pragma=busy_timeout(2000)&_pragma=foreign_keys(1)&_txlock=immediate" + extra
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, classify(fmt.Errorf("open %s: %w", path, err))
	}
	// One connection: SQLite serialises writers anyway, and this keeps
	// transactions from waiting on each other inside the app.
	db.SetMaxOpenConns(1)
	if err := check(db); err != nil {
		db.Close()
		return nil, classify(fmt.Errorf("open %s: %w", path, err))
	}
	return db, nil
}

// check proves the file is a usable, writable SQLite database.
func check(db *sql.DB) error {
	var mode string
	if err := db.QueryRow("PRAGMA journal_mode=WAL").Scan(&mode); err != nil {
		return err
	}
	var res string
	if err := db.QueryRow("PRAGMA quick_check").Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return fmt.Errorf("quick_check: %s: %w", res, ErrCorrupt)
	}
	if _, err := db.Exec("CREATE TABLE IF NOT EXISTS schema_version (component TEXT PRIMARY KEY, version INTEGER NOT NULL)"); err != nil {
		return err
	}
	// Take the write lock once, so a database held by another program is
	// reported now rather than at the user's first save.
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	_, err = tx.Exec("INSERT OR REPLACE INTO schema_version(component, version) VALUES ('_write_check', 0)")
	return err
}

// classify maps SQLite and file-system failures to the package's sentinels.
func classify(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
			return fmt.Errorf("%w: %v", ErrCorrupt, err)
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return fmt.Errorf("%w: %v", ErrLocked, err)
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM:
			return fmt.Errorf("%w: %v", ErrReadOnly, err)
		}
	}
	if errors.Is(err, os.ErrPermission) || strings.Contains(err.Error(), "read-only file system") {
		return fmt.Errorf("%w: %v", ErrReadOnly, err)
	}
	return err
}
