package status

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"hygie/checks/probe"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite"
)

// The files beside hygie.db in the data folder (store.Dir): Linux
// ~/.config/hygie, Windows %AppData%\hygie, macOS ~/Library/Application
// Support/hygie. Their names never change: the group's tools read them.
const (
	FileName   = "status.json"
	DBFileName = "status.db"
)

// Path is where status.json lives in the data folder dir.
func Path(dir string) string { return filepath.Join(dir, FileName) }

// DBPath is where status.db lives in the data folder dir.
func DBPath(dir string) string { return filepath.Join(dir, DBFileName) }

// Update builds the document from db and writes both files in dir. The
// window calls it after each change; `hygie status` calls it every time.
func Update(db *sql.DB, dir string, now time.Time) (Document, error) {
	doc, err := Build(db, now)
	if err != nil {
		return doc, err
	}
	return doc, Write(dir, doc)
}

// Marshal is the document as printed and stored: indented, with « < » and
// « & » kept as they are.
func Marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encode status: %w", err)
	}
	return b.Bytes(), nil
}

// Write replaces status.json and status.db in dir atomically: each is
// written to a temporary file in the same folder and renamed over the old
// one, so a reader sees the old document or the new one, never half.
func Write(dir string, doc Document) error {
	data, err := Marshal(doc)
	if err != nil {
		return err
	}
	if err := replace(Path(dir), func(f *os.File) error {
		if _, err := f.Write(data); err != nil {
			f.Close()
			return err
		}
		if err := f.Sync(); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}); err != nil {
		return err
	}
	return replace(DBPath(dir), func(f *os.File) error {
		if err := f.Close(); err != nil {
			return err
		}
		return writeDB(f.Name(), doc)
	})
}

// replace writes path through fill on a temporary sibling, then renames it
// over path. fill must close the file: SQLite needs it closed to open the
// name itself, and a close error must stop the rename.
func replace(path string, fill func(*os.File) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	defer os.Remove(tmp) // a no-op once renamed
	if err := fill(f); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("replace %s: %w", path, err)
	}
	return nil
}

// dbSchema is status.db's one table, one row: what an osquery policy needs,
// flat. Columns are only ever added.
const dbSchema = `CREATE TABLE status (
	schema_version INTEGER NOT NULL,
	hygie_version TEXT NOT NULL,
	generated_at TEXT NOT NULL,
	score INTEGER NOT NULL,
	probes_failed INTEGER NOT NULL,
	probes_unknown INTEGER NOT NULL,
	checklist_failed INTEGER NOT NULL,
	checklist_due INTEGER NOT NULL,
	diagnostic_level INTEGER,
	diagnostic_on TEXT,
	mail_scanned_at TEXT,
	mail_flagged INTEGER,
	backup_status TEXT,
	backup_checked_at TEXT,
	firewall TEXT, updates TEXT, disk_encryption TEXT, screen_lock TEXT,
	antivirus TEXT, admin_accounts TEXT, backup TEXT
)`

func writeDB(path string, doc Document) error {
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Exec(dbSchema); err != nil {
		return fmt.Errorf("create status table: %w", err)
	}
	cols, vals := dbRow(doc)
	q := "INSERT INTO status (" + strings.Join(cols, ", ") + ") VALUES (?" + strings.Repeat(", ?", len(cols)-1) + ")"
	if _, err := db.Exec(q, vals...); err != nil {
		return fmt.Errorf("fill status table: %w", err)
	}
	return db.Close()
}

func dbRow(doc Document) ([]string, []any) {
	count := func(status string) (n int) {
		for _, p := range doc.Probes {
			if p.Status == status {
				n++
			}
		}
		return n
	}
	items := func(status string) (n int) {
		for _, it := range doc.Checklist {
			if it.Status == status {
				n++
			}
		}
		return n
	}
	cols := []string{"schema_version", "hygie_version", "generated_at", "score", "probes_failed", "probes_unknown",
		"checklist_failed", "checklist_due", "diagnostic_level", "diagnostic_on", "mail_scanned_at", "mail_flagged",
		"backup_status", "backup_checked_at"}
	vals := []any{doc.SchemaVersion, doc.HygieVersion, doc.GeneratedAt, doc.Score.Total, count(string(probe.Fail)),
		count(string(probe.Unknown)), items("failed"), items("due"), doc.Diagnostic.Level, doc.Diagnostic.AssessedOn, nil, nil, nil, nil}
	if s := doc.Mail.LastScan; s != nil {
		vals[10], vals[11] = s.At, s.Flagged
	}
	if b := doc.Backup; b != nil {
		vals[12], vals[13] = b.Status, b.CheckedAt
	}
	for _, p := range doc.Probes {
		cols, vals = append(cols, p.ID), append(vals, p.Status)
	}
	return cols, vals
}
