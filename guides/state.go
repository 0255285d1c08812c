package guides

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"hygie/store"
)

// Component is this package's name in the database's schema_version table.
const Component = "guides"

// migrations create and evolve the guides' tables; migrations[0] is
// version 1. Never edit a released migration: append a new one.
var migrations = []string{
	`CREATE TABLE guide_marks (
		guide_id  TEXT PRIMARY KEY,
		favorite  INTEGER NOT NULL DEFAULT 0,
		read_at   TEXT,             -- UTC instant (instantLayout), NULL when unread
		opened_at TEXT,             -- UTC instant of the last opening
		section   TEXT NOT NULL DEFAULT '' -- anchor last shown, to resume
	)`,
}

// Mark is what the practitioner did with one guide.
type Mark struct {
	Favorite bool
	Read     bool
	ReadAt   time.Time // zero when unread
	OpenedAt time.Time // zero when never opened
	Section  string    // anchor last shown
}

// State keeps favourites, read marks and reading position in the
// database. Guide ids are not checked against the library, so marks of a
// guide removed in a later version are kept, harmlessly.
type State struct {
	db *sql.DB
}

// OpenState brings the guides' tables up to date and returns the state.
func OpenState(db *sql.DB) (*State, error) {
	if db == nil {
		return nil, errors.New("guides state: no database")
	}
	if err := store.Migrate(db, Component, migrations); err != nil {
		return nil, fmt.Errorf("guides state: %w", err)
	}
	return &State{db: db}, nil
}

// Mark returns the marks of guide id (all zero when it has none).
func (s *State) Mark(id string) (Mark, error) {
	row := s.db.QueryRow(`SELECT `+markColumns+` FROM guide_marks WHERE guide_id = ?`, id)
	m, err := scanMark(row)
	if errors.Is(err, sql.ErrNoRows) {
		return Mark{}, nil
	}
	if err != nil {
		return Mark{}, fmt.Errorf("read marks of %s: %w", id, err)
	}
	return m, nil
}

// Marks returns the marks of every guide that has some, by guide id.
func (s *State) Marks() (map[string]Mark, error) {
	rows, err := s.db.Query(`SELECT guide_id, ` + markColumns + ` FROM guide_marks WHERE guide_id IS NOT NULL`)
	if err != nil {
		return nil, fmt.Errorf("read guide marks: %w", err)
	}
	defer rows.Close()
	out := map[string]Mark{}
	for rows.Next() {
		var id string
		m, err := scanMark(rows, &id)
		if err != nil {
			return nil, fmt.Errorf("read guide marks: %w", err)
		}
		out[id] = m
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read guide marks: %w", err)
	}
	return out, nil
}

// markColumns reads a mark so that a damaged row (a favourite written as
// text, a date that is a blob, a missing section) reads as "not set"
// instead of failing the whole list of marks.
const markColumns = `COALESCE(favorite = 1, 0), CAST(read_at AS TEXT), CAST(opened_at AS TEXT), COALESCE(CAST(section AS TEXT), '')`

type scanner interface{ Scan(dest ...any) error }

// scanMark reads favorite, read_at, opened_at, section, after any extra
// leading columns given in head.
func scanMark(r scanner, head ...any) (Mark, error) {
	var m Mark
	var readAt, openedAt sql.NullString
	if err := r.Scan(append(head, &m.Favorite, &readAt, &openedAt, &m.Section)...); err != nil {
		return Mark{}, err
	}
	m.ReadAt, m.Read = parseInstant(readAt)
	m.OpenedAt, _ = parseInstant(openedAt)
	return m, nil
}

func parseInstant(s sql.NullString) (time.Time, bool) {
	if !s.Valid {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339, s.String) // also reads instantLayout
	if err != nil {
		return time.Time{}, true // the mark is set even if its date is unreadable
	}
	return t, true
}

// SetFavorite marks or unmarks guide id as a favourite.
func (s *State) SetFavorite(id string, on bool) error {
	return s.upsert(id, "favorite", on)
}

// SetRead marks guide id as read at now, or as unread.
func (s *State) SetRead(id string, on bool, now time.Time) error {
	var v any
	if on {
		v = instant(now)
	}
	return s.upsert(id, "read_at", v)
}

// Opened records that guide id was shown at section, now, so the
// dashboard can offer to resume reading.
func (s *State) Opened(id, section string, now time.Time) error {
	return store.InTx(s.db, func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO guide_marks(guide_id, opened_at, section) VALUES(?, ?, ?)
			ON CONFLICT(guide_id) DO UPDATE SET opened_at = excluded.opened_at, section = excluded.section`,
			id, instant(now), section)
		if err != nil {
			return fmt.Errorf("record opening of %s: %w", id, err)
		}
		return nil
	})
}

// upsert sets one column of guide id's marks; column is one of ours,
// never user input.
func (s *State) upsert(id, column string, v any) error {
	return store.InTx(s.db, func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO guide_marks(guide_id, `+column+`) VALUES(?, ?)
			ON CONFLICT(guide_id) DO UPDATE SET `+column+` = excluded.`+column, id, v)
		if err != nil {
			return fmt.Errorf("set %s of %s: %w", column, id, err)
		}
		return nil
	})
}

// Resume returns the guide to offer under "reprendre la lecture": the
// one opened last that is not marked read, with its section, or ok false.
func (s *State) Resume() (id, section string, ok bool, err error) {
	err = s.db.QueryRow(`SELECT guide_id, COALESCE(CAST(section AS TEXT), '') FROM guide_marks
		WHERE guide_id IS NOT NULL AND opened_at IS NOT NULL AND read_at IS NULL
		ORDER BY opened_at DESC LIMIT 1`).Scan(&id, &section)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", false, nil
	}
	if err != nil {
		return "", "", false, fmt.Errorf("find guide to resume: %w", err)
	}
	return id, section, true, nil
}

// instantLayout is RFC 3339 in UTC with fixed milliseconds, so that
// stored instants sort as text.
const instantLayout = "2006-01-02T15:04:05.000Z"

func instant(t time.Time) string {
	return t.UTC().Format(instantLayout)
}
