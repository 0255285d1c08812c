package export

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"hygie/store"
)

// Component is the name under which the saved form's table is migrated.
const Component = "incident_export"

// migrations are the saved form's schema versions; never edit one, append.
var migrations = []string{
	`CREATE TABLE incident_export_form (
		id   INTEGER PRIMARY KEY CHECK (id = 1), -- one form: the incident in hand
		form TEXT NOT NULL                       -- Form as JSON, instants in UTC
	)`,
}

// Store keeps the form between sessions, so what the practitioner wrote
// (and the discovery time that starts the clocks) survives a restart.
type Store struct {
	db *sql.DB
}

// Open migrates the saved form's table in db.
func Open(db *sql.DB) (*Store, error) {
	if err := store.Migrate(db, Component, migrations); err != nil {
		return nil, fmt.Errorf("open incident form: %w", err)
	}
	return &Store{db: db}, nil
}

// Load returns the saved form, or an empty one when none was saved.
func (s *Store) Load() (Form, error) {
	var raw string
	err := s.db.QueryRow(`SELECT form FROM incident_export_form WHERE id = 1`).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return Form{}, nil
	}
	if err != nil {
		return Form{}, fmt.Errorf("read incident form: %w", err)
	}
	var f Form
	if err := json.Unmarshal([]byte(raw), &f); err != nil {
		return Form{}, fmt.Errorf("read incident form: %w", err)
	}
	return f, nil
}

// Save replaces the saved form with f.
func (s *Store) Save(f Form) error {
	f.Discovered, f.Started = f.Discovered.UTC(), f.Started.UTC()
	for i := range f.Calls {
		f.Calls[i].At = f.Calls[i].At.UTC()
	}
	raw, err := json.Marshal(f)
	if err != nil {
		return fmt.Errorf("save incident form: %w", err)
	}
	return store.InTx(s.db, func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO incident_export_form(id, form) VALUES(1, ?)
			ON CONFLICT(id) DO UPDATE SET form = excluded.form`, string(raw))
		if err != nil {
			return fmt.Errorf("save incident form: %w", err)
		}
		return nil
	})
}
