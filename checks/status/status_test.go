package status

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"hygie/checks"
	"hygie/checks/diagnostic"
	"hygie/checks/probe"
	"hygie/mail/mailbox"
	"hygie/store"
)

var testNow = time.Date(2026, 12, 1, 10, 30, 0, 0, time.UTC)

// populate fills a throw-away database as a practice that has used Hygie:
// a tick, two probe results, an assessment and a mail scan.
func populate(t *testing.T, db *sql.DB) {
	t.Helper()
	c, err := checks.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Tick("lock-session", testNow); err != nil {
		t.Fatal(err)
	}
	results := []probe.Result{
		{ID: probe.Firewall, Status: probe.Pass, Code: "firewall.on", Details: "ufw: active"},
		{ID: probe.Backup, Status: probe.Fail, Code: "backup.too_old", Details: "newest file 3 days old"},
	}
	if _, err := c.RecordProbes(results, testNow); err != nil {
		t.Fatal(err)
	}
	cat, _ := diagnostic.Builtin()
	d, err := diagnostic.Open(db, cat)
	if err != nil {
		t.Fatal(err)
	}
	answers := diagnostic.Merge(cat.Prefill(results), map[string]diagnostic.Answer{"bak-offline": {Value: diagnostic.Yes, Source: diagnostic.FromUser}})
	if _, err := d.Save(answers, testNow); err != nil {
		t.Fatal(err)
	}
	if _, err := mailbox.Open(db); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO mailbox_scans (account, started_at, seconds, scanned, new, flagged)
		VALUES ('cabinet', ?, 1.5, 120, 12, 2)`, testNow.Format(time.RFC3339Nano)); err != nil {
		t.Fatal(err)
	}
}

func openDB(t *testing.T) (*sql.DB, string) {
	t.Helper()
	dir := t.TempDir()
	db, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, dir
}

// Schema compiles docs/status.schema.json; the CLI tests use the same file.
func schema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("../../docs/status.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("status.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("status.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validate(t *testing.T, name string, data []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s is not JSON: %v", name, err)
	}
	if err := schema(t).Validate(inst); err != nil {
		t.Errorf("%s does not follow docs/status.schema.json: %v", name, err)
	}
}

func TestDocumentFollowsSchema(t *testing.T) {
	for _, tc := range []struct {
		name string
		fill bool
	}{{"empty profile", false}, {"populated", true}} {
		db, dir := openDB(t)
		if tc.fill {
			populate(t, db)
		}
		doc, err := Update(db, dir, testNow)
		if err != nil {
			t.Fatalf("%s: Update: %v", tc.name, err)
		}
		data, err := os.ReadFile(Path(dir))
		if err != nil {
			t.Fatal(err)
		}
		validate(t, tc.name+" status.json", data)
		var back Document
		if err := json.Unmarshal(data, &back); err != nil || back.GeneratedAt != doc.GeneratedAt {
			t.Errorf("%s: status.json = %+v, %v; want the built document", tc.name, back, err)
		}
	}
}

func TestPopulatedDocument(t *testing.T) {
	db, dir := openDB(t)
	populate(t, db)
	doc, err := Update(db, dir, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Backup == nil || doc.Backup.Status != "fail" || doc.Backup.CheckedAt != "2026-12-01T10:30:00Z" {
		t.Errorf("Backup = %+v, want the failed backup probe with its date", doc.Backup)
	}
	if m := doc.Mail.LastScan; m == nil || m.Flagged != 2 || m.Scanned != 120 {
		t.Errorf("LastScan = %+v", m)
	}
	if doc.Diagnostic.Level == nil || *doc.Diagnostic.AssessedOn != "2026-12-01" {
		t.Errorf("Diagnostic = %+v, want a level", doc.Diagnostic)
	}
	levels := map[string]*int{}
	for _, th := range doc.Diagnostic.Themes {
		levels[th.Theme] = th.Level
	}
	if levels["backups"] == nil || levels["workstations"] == nil || levels["governance"] != nil {
		t.Errorf("theme levels = %v: answered themes have a level, the others null", levels)
	}
	if got := doc.Failed(); len(got) != 1 || got[0] != probe.Backup {
		t.Errorf("Failed() = %v, want [backup]", got)
	}
	var ticked bool
	for _, it := range doc.Checklist {
		if it.ID == "lock-session" {
			ticked = it.Status == "done" && it.LastDone != nil && *it.LastDone == "2026-12-01" && *it.Source == "manual"
		}
	}
	if !ticked {
		t.Errorf("lock-session is not done today in %+v", doc.Checklist)
	}
}

// status.db holds one row that says the same as status.json.
func TestStatusDB(t *testing.T) {
	db, dir := openDB(t)
	populate(t, db)
	doc, err := Update(db, dir, testNow)
	if err != nil {
		t.Fatal(err)
	}
	sdb, err := sql.Open("sqlite", "file:"+DBPath(dir)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	var score, failed, flagged, rows int
	var backup, firewall string
	err = sdb.QueryRow(`SELECT score, probes_failed, mail_flagged, backup_status, firewall, (SELECT COUNT(*) FROM status) FROM status`).
		Scan(&score, &failed, &flagged, &backup, &firewall, &rows)
	if err != nil {
		t.Fatal(err)
	}
	if score != doc.Score.Total || failed != 1 || flagged != 2 || backup != "fail" || firewall != "pass" || rows != 1 {
		t.Errorf("status.db = score %d, failed %d, flagged %d, backup %s, firewall %s, %d rows", score, failed, flagged, backup, firewall, rows)
	}
}

// Writing again replaces both files and leaves no temporary file behind.
func TestWriteIsAtomicAndClean(t *testing.T) {
	db, dir := openDB(t)
	if _, err := Update(db, dir, testNow); err != nil {
		t.Fatal(err)
	}
	later := testNow.Add(time.Hour)
	if _, err := Update(db, dir, later); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(Path(dir))
	var doc Document
	if err := json.Unmarshal(data, &doc); err != nil || doc.GeneratedAt != "2026-12-01T11:30:00Z" {
		t.Errorf("status.json after the second write = %s, %v", doc.GeneratedAt, err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		switch e.Name() {
		case store.FileName, FileName, DBFileName, store.FileName + "-wal", store.FileName + "-shm", store.FileName + "-journal":
		default:
			t.Errorf("left behind in the data folder: %s", e.Name())
		}
	}
	// A folder that does not exist is reported, not created.
	if err := Write(filepath.Join(dir, "missing"), doc); err == nil {
		t.Errorf("Write to a missing folder = nil error")
	}
}

// Every field of the document is described by docs/status.schema.json, and
// status.db has a column for every probe (a new probe must add one).
func TestSchemaAndTableCoverTheDocument(t *testing.T) {
	raw, err := os.ReadFile("../../docs/status.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var sch struct {
		Properties map[string]json.RawMessage `json:"properties"`
	}
	if err := json.Unmarshal(raw, &sch); err != nil {
		t.Fatal(err)
	}
	db, dir := openDB(t)
	populate(t, db)
	if _, err := Update(db, dir, testNow); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(Path(dir))
	var doc map[string]json.RawMessage
	json.Unmarshal(data, &doc)
	for k := range doc {
		if _, ok := sch.Properties[k]; !ok {
			t.Errorf("field %s is not in docs/status.schema.json", k)
		}
	}
	for _, id := range probe.IDs() {
		if !regexp.MustCompile(`\b` + id + ` TEXT\b`).MatchString(dbSchema) {
			t.Errorf("status.db has no column for probe %s", id)
		}
	}
}
