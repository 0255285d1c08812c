package diagnostic

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"hygie/store"
)

// Component is the name under which the diagnostic's tables are migrated.
const Component = "diagnostic"

// migrations are the diagnostic's schema versions; never edit a published
// one, append a new one.
var migrations = []string{
	`CREATE TABLE diagnostic_assessment (
		id INTEGER PRIMARY KEY,
		day TEXT NOT NULL,        -- local calendar date 2006-01-02
		at TEXT NOT NULL          -- UTC RFC 3339
	);
	CREATE TABLE diagnostic_answer (
		assessment INTEGER NOT NULL REFERENCES diagnostic_assessment(id) ON DELETE CASCADE,
		question TEXT NOT NULL,
		value TEXT NOT NULL,
		source TEXT NOT NULL,
		evidence TEXT NOT NULL,
		PRIMARY KEY (assessment, question)
	);
	CREATE TABLE diagnostic_plan (
		question TEXT PRIMARY KEY,
		state TEXT NOT NULL,      -- planned or done
		at TEXT NOT NULL
	);`,
}

// The states of a plan item; PlanTodo is never stored.
const (
	PlanTodo    = "todo"
	PlanPlanned = "planned"
	PlanDone    = "done"
)

// Assessment is one dated, saved set of answers.
type Assessment struct {
	ID      int64
	Day     string    // local calendar date
	At      time.Time // UTC
	Answers map[string]Answer
}

// Store keeps assessments and plan marks in Hygie's database. Each write
// is one transaction, so a failure changes nothing.
type Store struct {
	db  *sql.DB
	cat *Catalogue
}

// Open migrates the diagnostic's tables in db and returns the store.
func Open(db *sql.DB, cat *Catalogue) (*Store, error) {
	if err := store.Migrate(db, Component, migrations); err != nil {
		return nil, fmt.Errorf("diagnostic tables: %w", err)
	}
	return &Store{db: db, cat: cat}, nil
}

// Save records answers as a new assessment dated now and returns its id.
func (s *Store) Save(answers map[string]Answer, now time.Time) (int64, error) {
	if err := s.cat.Check(answers); err != nil {
		return 0, err
	}
	var id int64
	err := store.InTx(s.db, func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO diagnostic_assessment(day, at) VALUES(?, ?)`,
			now.Format(time.DateOnly), now.UTC().Format(time.RFC3339))
		if err != nil {
			return fmt.Errorf("save assessment: %w", err)
		}
		if id, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("save assessment: %w", err)
		}
		for q, a := range answers {
			if _, err := tx.Exec(`INSERT INTO diagnostic_answer(assessment, question, value, source, evidence)
				VALUES(?, ?, ?, ?, ?)`, id, q, string(a.Value), a.Source, a.Evidence); err != nil {
				return fmt.Errorf("save answer %s: %w", q, err)
			}
		}
		return nil
	})
	return id, err
}

// Latest returns the most recent assessment; ok is false when none was saved.
func (s *Store) Latest() (a Assessment, ok bool, err error) {
	var id int64
	err = s.db.QueryRow(`SELECT id FROM diagnostic_assessment ORDER BY id DESC LIMIT 1`).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return Assessment{}, false, nil
	}
	if err != nil {
		return Assessment{}, false, fmt.Errorf("read latest assessment: %w", err)
	}
	a, err = s.assessment(id)
	return a, err == nil, err
}

func (s *Store) answers(id int64) (map[string]Answer, error) {
	rows, err := s.db.Query(`SELECT question, value, source, evidence FROM diagnostic_answer WHERE assessment = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("read answers of %d: %w", id, err)
	}
	defer rows.Close()
	out := map[string]Answer{}
	for rows.Next() {
		var q, v string
		var a Answer
		if err := rows.Scan(&q, &v, &a.Source, &a.Evidence); err != nil {
			return nil, fmt.Errorf("read answers of %d: %w", id, err)
		}
		a.Value = Value(v)
		out[q] = a
	}
	return out, rows.Err()
}

// History returns the date and overall percent of every assessment, oldest
// first, for a progress curve.
func (s *Store) History() ([]Assessment, error) {
	rows, err := s.db.Query(`SELECT id FROM diagnostic_assessment ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read assessments: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read assessments: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	out := make([]Assessment, 0, len(ids))
	for _, id := range ids {
		a, err := s.assessment(id)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

func (s *Store) assessment(id int64) (Assessment, error) {
	a := Assessment{ID: id}
	var at string
	if err := s.db.QueryRow(`SELECT day, at FROM diagnostic_assessment WHERE id = ?`, id).Scan(&a.Day, &at); err != nil {
		return a, fmt.Errorf("read assessment %d: %w", id, err)
	}
	a.At, _ = time.Parse(time.RFC3339, at)
	var err error
	a.Answers, err = s.answers(id)
	return a, err
}

// SetPlanState marks the plan item of question id as planned or done, or
// back to to-do.
func (s *Store) SetPlanState(id, state string, now time.Time) error {
	if _, ok := s.cat.Question(id); !ok {
		return fmt.Errorf("plan item %q: %w", id, ErrInvalid)
	}
	return store.InTx(s.db, func(tx *sql.Tx) error {
		var err error
		switch state {
		case PlanTodo:
			_, err = tx.Exec(`DELETE FROM diagnostic_plan WHERE question = ?`, id)
		case PlanPlanned, PlanDone:
			_, err = tx.Exec(`INSERT INTO diagnostic_plan(question, state, at) VALUES(?, ?, ?)
				ON CONFLICT(question) DO UPDATE SET state = excluded.state, at = excluded.at`,
				id, state, now.UTC().Format(time.RFC3339))
		default:
			return fmt.Errorf("plan state %q: %w", state, ErrInvalid)
		}
		if err != nil {
			return fmt.Errorf("set plan state of %s: %w", id, err)
		}
		return nil
	})
}

// PlanStates returns the stored plan marks by question id.
func (s *Store) PlanStates() (map[string]string, error) {
	rows, err := s.db.Query(`SELECT question, state FROM diagnostic_plan`)
	if err != nil {
		return nil, fmt.Errorf("read plan: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var q, st string
		if err := rows.Scan(&q, &st); err != nil {
			return nil, fmt.Errorf("read plan: %w", err)
		}
		out[q] = st
	}
	return out, rows.Err()
}

// Progress is Catalogue.Progress of the latest assessment and the stored
// plan marks, as checks.Records.Diagnostic wants it: nil before the first
// assessment.
func (s *Store) Progress() (*float64, error) {
	a, ok, err := s.Latest()
	if err != nil || !ok {
		return nil, err
	}
	states, err := s.PlanStates()
	if err != nil {
		return nil, err
	}
	r, ok := s.cat.Progress(a.Answers, states)
	if !ok {
		return nil, nil
	}
	return &r, nil
}
