package policy

import (
	"database/sql"
	"fmt"
	"time"

	"hygie/store"
)

// Component is the name under which the policy's table is migrated.
const Component = "policy"

// migrations are the policy's schema versions; never edit a published one.
var migrations = []string{
	`CREATE TABLE policy_export (
		version INTEGER PRIMARY KEY, -- 1, 2, … one per export
		day TEXT NOT NULL,           -- local calendar date 2006-01-02
		at TEXT NOT NULL,            -- UTC RFC 3339
		responsible TEXT NOT NULL
	);`,
}

// Store numbers the exports of the policy.
type Store struct{ db *sql.DB }

// Open migrates the policy's table in db.
func Open(db *sql.DB) (*Store, error) {
	if err := store.Migrate(db, Component, migrations); err != nil {
		return nil, fmt.Errorf("policy table: %w", err)
	}
	return &Store{db: db}, nil
}

// Next is the version the next export will carry.
func (s *Store) Next() (int, error) {
	var v int
	if err := s.db.QueryRow(`SELECT COALESCE(MAX(version), 0) + 1 FROM policy_export`).Scan(&v); err != nil {
		return 0, fmt.Errorf("read policy version: %w", err)
	}
	return v, nil
}

// Record keeps that p was exported; it fails if its version was already
// used (another export in between), so two documents never share one.
func (s *Store) Record(p Policy) error {
	return store.InTx(s.db, func(tx *sql.Tx) error {
		if _, err := tx.Exec(`INSERT INTO policy_export(version, day, at, responsible) VALUES(?, ?, ?, ?)`,
			p.Version, p.Date.Format(time.DateOnly), p.Date.UTC().Format(time.RFC3339), p.Responsible); err != nil {
			return fmt.Errorf("record policy version %d: %w", p.Version, err)
		}
		return nil
	})
}
