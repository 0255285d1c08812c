package training

import (
	"database/sql"
	"fmt"
	"sort"
	"time"

	"hygie/store"
)

// Component is the name under which the training tables are migrated.
const Component = "training"

// migrations are the training tables' schema versions; never edit one that
// has shipped, append.
var migrations = []string{
	`CREATE TABLE training_session (
		id    INTEGER PRIMARY KEY,
		at    TEXT NOT NULL,    -- UTC instant, RFC 3339
		score INTEGER NOT NULL,
		total INTEGER NOT NULL
	);
	CREATE TABLE training_answer (
		session_id INTEGER NOT NULL REFERENCES training_session(id) ON DELETE CASCADE,
		sample_id  TEXT NOT NULL,
		correct    INTEGER NOT NULL,
		PRIMARY KEY (session_id, sample_id)
	)`,
}

// History is the quiz's score history, one row per finished session.
type History struct {
	db *sql.DB
}

// OpenHistory migrates the training tables in db.
func OpenHistory(db *sql.DB) (*History, error) {
	if err := store.Migrate(db, Component, migrations); err != nil {
		return nil, fmt.Errorf("open training history: %w", err)
	}
	return &History{db: db}, nil
}

// Score is one finished session as the history shows it.
type Score struct {
	At    time.Time
	Score int
	Total int
}

// Save records a finished session and each of its answers in one
// transaction: a session is either kept whole or not at all.
func (h *History) Save(at time.Time, r Result) error {
	ids := make([]string, 0, len(r.Correct))
	for id := range r.Correct {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return store.InTx(h.db, func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO training_session(at, score, total) VALUES(?, ?, ?)`,
			at.UTC().Format(time.RFC3339), r.Score(), len(ids))
		if err != nil {
			return fmt.Errorf("save quiz session: %w", err)
		}
		sid, err := res.LastInsertId()
		if err != nil {
			return fmt.Errorf("save quiz session: %w", err)
		}
		for _, id := range ids {
			if _, err := tx.Exec(`INSERT INTO training_answer(session_id, sample_id, correct) VALUES(?, ?, ?)`,
				sid, id, r.Correct[id]); err != nil {
				return fmt.Errorf("save quiz answer %s: %w", id, err)
			}
		}
		return nil
	})
}

// Scores returns the finished sessions, oldest first.
func (h *History) Scores() ([]Score, error) {
	rows, err := h.db.Query(`SELECT at, score, total FROM training_session ORDER BY at, id`)
	if err != nil {
		return nil, fmt.Errorf("read quiz history: %w", err)
	}
	defer rows.Close()
	var out []Score
	for rows.Next() {
		var s Score
		var at string
		if err := rows.Scan(&at, &s.Score, &s.Total); err != nil {
			return nil, fmt.Errorf("read quiz history: %w", err)
		}
		s.At, _ = time.Parse(time.RFC3339, at)
		out = append(out, s)
	}
	return out, rows.Err()
}

// Missed returns the ids of the samples whose latest answer was wrong, for
// NewSession to bring them back.
func (h *History) Missed() ([]string, error) {
	rows, err := h.db.Query(`SELECT a.sample_id FROM training_answer a
		JOIN training_session s ON s.id = a.session_id
		WHERE s.id = (SELECT MAX(a2.session_id) FROM training_answer a2 WHERE a2.sample_id = a.sample_id)
		  AND a.correct = 0
		ORDER BY a.sample_id`)
	if err != nil {
		return nil, fmt.Errorf("read missed quiz samples: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("read missed quiz samples: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
