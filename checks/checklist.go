package checks

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"hygie/store"
)

// Component is the name under which the checklist's tables are migrated.
const Component = "checklist"

// migrations are the checklist's schema versions; never edit a published
// one, append a new one.
var migrations = []string{
	`CREATE TABLE checklist_tick (
		item TEXT NOT NULL,
		day TEXT NOT NULL,        -- local calendar date 2006-01-02
		at TEXT NOT NULL,         -- UTC RFC 3339
		PRIMARY KEY (item, day)
	);
	CREATE TABLE checklist_na (
		item TEXT PRIMARY KEY,
		reason TEXT NOT NULL,
		since TEXT NOT NULL,
		at TEXT NOT NULL
	);`,
	`ALTER TABLE checklist_tick ADD COLUMN source TEXT NOT NULL DEFAULT 'manual';
	ALTER TABLE checklist_tick ADD COLUMN evidence TEXT NOT NULL DEFAULT '';
	CREATE TABLE checklist_probe (
		probe TEXT PRIMARY KEY,
		status TEXT NOT NULL,
		evidence TEXT NOT NULL,
		why TEXT NOT NULL,
		remedy TEXT NOT NULL,
		at TEXT NOT NULL
	);
	CREATE TABLE twofa_account (
		id INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		kind TEXT NOT NULL,
		enabled INTEGER NOT NULL,
		method TEXT NOT NULL
	);`,
	// A probe result is kept as its reason (code and parameters as JSON),
	// worded when shown in the user's language; evidence holds the
	// technical details. Rows from before have an empty code.
	`ALTER TABLE checklist_probe ADD COLUMN code TEXT NOT NULL DEFAULT '';
	ALTER TABLE checklist_probe ADD COLUMN params TEXT NOT NULL DEFAULT '';`,
}

// ErrUnknownItem is returned for an id that is not in the catalogue.
var ErrUnknownItem = errors.New("checks: unknown item")

// ErrInvalid is returned for an account or reason that cannot be stored.
var ErrInvalid = errors.New("checks: invalid input")

// Checklist is the checklist's state in the database. Each write is one
// transaction, so a failure changes nothing and another process (the
// command line) writing at the same time loses nothing.
type Checklist struct {
	db *sql.DB
}

// Open migrates the checklist's tables in db and returns the checklist.
func Open(db *sql.DB) (*Checklist, error) {
	if err := store.Migrate(db, Component, migrations); err != nil {
		return nil, err
	}
	return &Checklist{db: db}, nil
}

// write runs fn in a transaction, retrying a few times when another
// process holds the database beyond the busy timeout.
func (c *Checklist) write(fn func(*sql.Tx) error) error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		err = store.InTx(c.db, fn)
		if !errors.Is(err, store.ErrLocked) {
			return err
		}
		time.Sleep(time.Duration(attempt+1) * 50 * time.Millisecond)
	}
	return err
}

func known(id string) error {
	if _, ok := Find(id); !ok {
		return fmt.Errorf("%q: %w", id, ErrUnknownItem)
	}
	return nil
}

// Tick records that the practitioner did item id on now's local day.
// Ticking twice the same day keeps the first time.
func (c *Checklist) Tick(id string, now time.Time) error {
	if err := known(id); err != nil {
		return err
	}
	return c.write(func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO checklist_tick(item, day, at, source, evidence) VALUES(?, ?, ?, 'manual', '')
			ON CONFLICT(item, day) DO NOTHING`, id, DayOf(now), now.UTC().Format(time.RFC3339))
		if err != nil {
			return fmt.Errorf("tick %s: %w", id, err)
		}
		return nil
	})
}

// Untick removes the tick of item id on now's local day and reports
// whether there was one.
func (c *Checklist) Untick(id string, now time.Time) (bool, error) {
	if err := known(id); err != nil {
		return false, err
	}
	var n int64
	err := c.write(func(tx *sql.Tx) error {
		res, err := tx.Exec(`DELETE FROM checklist_tick WHERE item = ? AND day = ?`, id, DayOf(now))
		if err != nil {
			return fmt.Errorf("untick %s: %w", id, err)
		}
		n, err = res.RowsAffected()
		return err
	})
	return n > 0, err
}

// SetNotApplicable marks item id as not concerning the practice; the
// reason is required, so the report can say why.
func (c *Checklist) SetNotApplicable(id, reason string, now time.Time) error {
	if err := known(id); err != nil {
		return err
	}
	reason = strings.TrimSpace(reason)
	if reason == "" || len(reason) > 500 {
		return fmt.Errorf("not-applicable reason for %s: %w", id, ErrInvalid)
	}
	return c.write(func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO checklist_na(item, reason, since, at) VALUES(?, ?, ?, ?)
			ON CONFLICT(item) DO UPDATE SET reason = excluded.reason, at = excluded.at`,
			id, reason, DayOf(now), now.UTC().Format(time.RFC3339))
		if err != nil {
			return fmt.Errorf("mark %s not applicable: %w", id, err)
		}
		return nil
	})
}

// ClearNotApplicable puts item id back in the checklist.
func (c *Checklist) ClearNotApplicable(id string) error {
	if err := known(id); err != nil {
		return err
	}
	return c.write(func(tx *sql.Tx) error {
		if _, err := tx.Exec(`DELETE FROM checklist_na WHERE item = ?`, id); err != nil {
			return fmt.Errorf("clear not applicable %s: %w", id, err)
		}
		return nil
	})
}
