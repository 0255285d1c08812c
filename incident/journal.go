package incident

import (
	"database/sql"
	"errors"
	"fmt"
	"hygie/i18n"
	"strings"
	"time"

	"hygie/store"
)

// migrations are the journal's schema versions; never edit one, append.
var migrations = []string{
	`CREATE TABLE incident_journal (
		id      INTEGER PRIMARY KEY,
		at      TEXT NOT NULL,    -- UTC instant, RFC 3339
		step_id TEXT NOT NULL DEFAULT '',
		note    TEXT NOT NULL
	)`,
	// 2: the practice's own contacts and names, entered in Réglages (one
	// row).
	`CREATE TABLE incident_practice (
		id                INTEGER PRIMARY KEY CHECK (id = 1),
		cabinet           TEXT NOT NULL DEFAULT '',
		practitioner      TEXT NOT NULL DEFAULT '',
		it_name           TEXT NOT NULL DEFAULT '',
		it_phone          TEXT NOT NULL DEFAULT '',
		insurer_name      TEXT NOT NULL DEFAULT '',
		insurer_phone     TEXT NOT NULL DEFAULT '',
		insurer_contract  TEXT NOT NULL DEFAULT ''
	)`,
}

// kindComponent migrates the journal's kind column under its own name, so
// that other incident tables (practice contacts…) can append to the
// "incident" list without the two numberings colliding. It runs after
// "incident", which creates the table.
const kindComponent = "incident_journal_kind"

// kindMigrations are the kind column's schema versions; never edit one,
// append. Entries written before it existed were real incidents.
var kindMigrations = []string{
	`ALTER TABLE incident_journal ADD COLUMN kind TEXT NOT NULL DEFAULT 'incident'`,
}

// Kind tells a real incident's entry from a training exercise's.
type Kind string

// The kinds of journal entries.
const (
	KindIncident Kind = "incident"
	KindExercise Kind = "exercise"
)

// Entry is one line of the journal.
type Entry struct {
	ID     int64
	At     time.Time
	StepID string // the Step it records, empty for a free note
	Note   string
	Kind   Kind // KindIncident unless written by an exercise
}

// Journal is the dated record of what was done during an incident.
type Journal struct {
	db *sql.DB
}

// ErrEmptyNote is returned when an entry has no text.
var ErrEmptyNote = errors.New("incident: empty journal note")

// OpenJournal migrates the journal's tables in db.
func OpenJournal(db *sql.DB) (*Journal, error) {
	if err := store.Migrate(db, "incident", migrations); err != nil {
		return nil, fmt.Errorf("open incident journal: %w", err)
	}
	if err := store.Migrate(db, kindComponent, kindMigrations); err != nil {
		return nil, fmt.Errorf("open incident journal: %w", err)
	}
	return &Journal{db: db}, nil
}

// Add records note (and the step it completes, if any) at time at, as part
// of a real incident.
func (j *Journal) Add(at time.Time, stepID, note string) (Entry, error) {
	return j.AddKind(at, KindIncident, stepID, note)
}

// AddKind records note as Add does, with its kind: an exercise's entries
// stay apart from a real incident's in Done, the export and the clocks.
func (j *Journal) AddKind(at time.Time, kind Kind, stepID, note string) (Entry, error) {
	note = strings.TrimSpace(note)
	if note == "" {
		return Entry{}, ErrEmptyNote
	}
	if kind != KindExercise {
		kind = KindIncident
	}
	e := Entry{At: at.UTC().Truncate(time.Second), StepID: stepID, Note: note, Kind: kind}
	err := store.InTx(j.db, func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO incident_journal(at, step_id, note, kind) VALUES(?, ?, ?, ?)`,
			e.At.Format(time.RFC3339), stepID, note, string(kind))
		if err != nil {
			return fmt.Errorf("add journal entry: %w", err)
		}
		e.ID, err = res.LastInsertId()
		return err
	})
	return e, err
}

// Entries returns the journal, exercises included, oldest first.
func (j *Journal) Entries() ([]Entry, error) {
	rows, err := j.db.Query(`SELECT id, at, step_id, note, kind FROM incident_journal ORDER BY at, id`)
	if err != nil {
		return nil, fmt.Errorf("read journal: %w", err)
	}
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		var e Entry
		var at string
		var kind string
		if err := rows.Scan(&e.ID, &at, &e.StepID, &e.Note, &kind); err != nil {
			return nil, fmt.Errorf("read journal: %w", err)
		}
		e.At, _ = time.Parse(time.RFC3339, at)
		e.Kind = Kind(kind)
		out = append(out, e)
	}
	return out, rows.Err()
}

// Of returns the entries of one kind, in their order.
func Of(entries []Entry, kind Kind) []Entry {
	var out []Entry
	for _, e := range entries {
		if e.Kind == kind {
			out = append(out, e)
		}
	}
	return out
}

// Done reports which steps have a journal entry of a real incident: a step
// rehearsed in an exercise is not done.
func (j *Journal) Done() (map[string]bool, error) {
	entries, err := j.Entries()
	if err != nil {
		return nil, err
	}
	done := map[string]bool{}
	for _, e := range entries {
		if e.StepID != "" && e.Kind != KindExercise {
			done[e.StepID] = true
		}
	}
	return done, nil
}

// Render renders the journal for printing or sending to an insurer, in local
// time; it is the same in the app and on the command line.
func Render(entries []Entry, loc *time.Location) string {
	return RenderFor(Practice{}, entries, loc)
}

// RenderFor is Render headed by the practice's and practitioner's names,
// and the insurer's contract, when they are set.
func RenderFor(p Practice, entries []Entry, loc *time.Location) string {
	var b strings.Builder
	b.WriteString("Journal d'incident — Hygie\n")
	for _, l := range p.HeaderLines(i18n.FR) {
		b.WriteString(l + "\n")
	}
	b.WriteString("\n")
	if len(entries) == 0 {
		b.WriteString("(aucune entrée)\n")
	}
	for _, e := range entries {
		tag := ""
		if e.Kind == KindExercise {
			tag = "[exercice] "
		}
		fmt.Fprintf(&b, "%s  %s%s\n", e.At.In(loc).Format("02/01/2006 15:04"), tag, e.Note)
	}
	return b.String()
}
