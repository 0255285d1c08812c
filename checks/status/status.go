// Package status builds Hygie's status document: one stable, versioned
// JSON summary of the practice's hygiene (score, checklist, probes,
// diagnostic levels, last mail scan, last backup check) for the tools a
// group practice already runs (osquery/Fleet, Wazuh, Intune, GLPI). It is
// printed by `hygie status --json` and kept, written atomically, as
// status.json (and status.db, one SQLite table for osquery's automatic
// table construction) in the data folder. See docs/fleet.md and
// docs/status.schema.json.
package status

import (
	"database/sql"
	"fmt"
	"time"

	"hygie/checks"
	"hygie/checks/diagnostic"
	"hygie/checks/probe"
	"hygie/mail/mailbox"
	"hygie/version"
)

// SchemaVersion is the version of the document's shape. A field may be
// added without changing it; removing or changing one bumps it.
const SchemaVersion = 1

// Document is the status document; docs/status.schema.json describes it.
type Document struct {
	SchemaVersion int             `json:"schema_version"`
	HygieVersion  string          `json:"hygie_version"`
	GeneratedAt   string          `json:"generated_at"` // UTC RFC 3339
	Day           string          `json:"day"`          // the practice's local date
	Score         Score           `json:"score"`
	Checklist     []ChecklistItem `json:"checklist"`
	Probes        []Probe         `json:"probes"`
	Diagnostic    Diagnostic      `json:"diagnostic"`
	Mail          Mail            `json:"mail"`
	Backup        *Probe          `json:"backup"` // the backup probe's latest result; null when never checked
}

// Score is the hygiene score of checks.Records.Score.
type Score struct {
	Total     int     `json:"total"`
	Checklist float64 `json:"checklist"`
	Inventory float64 `json:"inventory"`
}

// ChecklistItem is one item of the hygiene checklist on Day.
type ChecklistItem struct {
	ID       string  `json:"id"`
	Status   string  `json:"status"`    // done, due, failed, not_applicable
	LastDone *string `json:"last_done"` // local date of the latest tick; null when never
	Source   *string `json:"source"`    // manual or automatic, for the latest tick
}

// Probe is the latest recorded result of one computer check.
type Probe struct {
	ID        string `json:"id"`
	Status    string `json:"status"` // pass, fail, unknown
	Code      string `json:"code"`
	CheckedAt string `json:"checked_at"` // UTC RFC 3339
}

// Diagnostic is the latest self-assessment; every field is null before the first.
type Diagnostic struct {
	AssessedOn *string      `json:"assessed_on"`
	Percent    *int         `json:"percent"`
	Level      *int         `json:"level"`
	Themes     []ThemeLevel `json:"themes"`
}

// ThemeLevel is the level of one theme; null when the theme was not answered.
type ThemeLevel struct {
	Theme   string `json:"theme"`
	Percent *int   `json:"percent"`
	Level   *int   `json:"level"`
}

// Mail is what the last mailbox scan counted. The account's name is left
// out: the document leaves the practice for the group's tools.
type Mail struct {
	LastScan *Scan `json:"last_scan"`
}

// Scan is one finished mailbox scan.
type Scan struct {
	At      string `json:"at"` // UTC RFC 3339
	Scanned int    `json:"scanned"`
	New     int    `json:"new"`
	Flagged int    `json:"flagged"`
}

var statusNames = map[checks.Status]string{
	checks.Failed:              "failed",
	checks.Due:                 "due",
	checks.Done:                "done",
	checks.NotApplicableStatus: "not_applicable",
}

// Build reads the checklist, the probes, the diagnostic and the mail scans
// from db and assembles the document for now.
func Build(db *sql.DB, now time.Time) (Document, error) {
	doc := Document{SchemaVersion: SchemaVersion, HygieVersion: version.Version,
		GeneratedAt: now.UTC().Format(time.RFC3339), Day: checks.DayOf(now)}
	if err := doc.addChecklist(db); err != nil {
		return doc, err
	}
	if err := doc.addDiagnostic(db); err != nil {
		return doc, err
	}
	return doc, doc.addMail(db)
}

func (d *Document) addChecklist(db *sql.DB) error {
	c, err := checks.Open(db)
	if err != nil {
		return fmt.Errorf("status: %w", err)
	}
	rec, err := c.Load()
	if err != nil {
		return fmt.Errorf("status: read checklist: %w", err)
	}
	if rec.Diagnostic, err = diagnosticProgress(db); err != nil {
		return err
	}
	s := rec.Score(d.Day)
	d.Score = Score{Total: s.Total, Checklist: round(s.Checklist), Inventory: round(s.Inventory)}
	d.Checklist = []ChecklistItem{}
	for _, st := range rec.States(d.Day) {
		it := ChecklistItem{ID: st.Item.ID, Status: statusNames[st.Status]}
		if st.Ticked() {
			day, src := st.Last.Day, string(st.Last.Source)
			it.LastDone, it.Source = &day, &src
		}
		d.Checklist = append(d.Checklist, it)
	}
	d.Probes = []Probe{}
	for _, id := range probe.IDs() {
		r, ok := rec.Probes[id]
		if !ok {
			continue
		}
		p := Probe{ID: id, Status: string(r.Status), Code: string(r.Code), CheckedAt: r.At.UTC().Format(time.RFC3339)}
		d.Probes = append(d.Probes, p)
		if id == probe.Backup {
			d.Backup = &p
		}
	}
	return nil
}

// diagnosticProgress is what the self-assessment adds to the score, as the
// window counts it.
func diagnosticProgress(db *sql.DB) (*float64, error) {
	cat, err := diagnostic.Builtin()
	if err != nil {
		return nil, fmt.Errorf("status: %w", err)
	}
	s, err := diagnostic.Open(db, cat)
	if err != nil {
		return nil, fmt.Errorf("status: %w", err)
	}
	p, err := s.Progress()
	if err != nil {
		return nil, fmt.Errorf("status: %w", err)
	}
	return p, nil
}

func (d *Document) addDiagnostic(db *sql.DB) error {
	cat, err := diagnostic.Builtin()
	if err != nil {
		return fmt.Errorf("status: %w", err)
	}
	s, err := diagnostic.Open(db, cat)
	if err != nil {
		return fmt.Errorf("status: %w", err)
	}
	a, ok, err := s.Latest()
	if err != nil {
		return fmt.Errorf("status: %w", err)
	}
	res := cat.Score(nil)
	if ok {
		res = cat.Score(a.Answers)
		d.Diagnostic.AssessedOn = &a.Day
		if res.Level != nil {
			d.Diagnostic.Percent, d.Diagnostic.Level = ptr(res.Percent), ptr(int(*res.Level))
		}
	}
	d.Diagnostic.Themes = []ThemeLevel{}
	for _, t := range res.Themes {
		tl := ThemeLevel{Theme: t.Theme}
		if t.Level != nil {
			tl.Percent, tl.Level = ptr(t.Percent), ptr(int(*t.Level))
		}
		d.Diagnostic.Themes = append(d.Diagnostic.Themes, tl)
	}
	return nil
}

func (d *Document) addMail(db *sql.DB) error {
	m, err := mailbox.Open(db)
	if err != nil {
		return fmt.Errorf("status: %w", err)
	}
	rec, ok, err := m.LastScan()
	if err != nil {
		return fmt.Errorf("status: %w", err)
	}
	if ok {
		d.Mail.LastScan = &Scan{At: rec.Started.UTC().Format(time.RFC3339), Scanned: rec.Scanned, New: rec.New, Flagged: rec.Flagged}
	}
	return nil
}

// Failed lists the probes whose latest result is a failure.
func (d Document) Failed() []string {
	var out []string
	for _, p := range d.Probes {
		if p.Status == string(probe.Fail) {
			out = append(out, p.ID)
		}
	}
	return out
}

func ptr[T any](v T) *T { return &v }

// round keeps two decimals, so the document does not change with float noise.
func round(f float64) float64 { return float64(int(f*100+0.5)) / 100 }
