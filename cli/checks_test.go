package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// freshBackup is a backup folder whose newest file is an hour old.
func freshBackup(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	f := filepath.Join(dir, "cabinet.db")
	if err := os.WriteFile(f, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	hour := time.Now().Add(-time.Hour)
	for _, p := range []string{f, dir} {
		if err := os.Chtimes(p, hour, hour); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestChecksRunJSON(t *testing.T) {
	var out, errb bytes.Buffer
	code := Run([]string{"checks", "run", "--json", "--backup-dir", freshBackup(t)}, &out, &errb)
	if code != 0 {
		t.Fatalf("checks run --json = %d, stderr %q", code, errb.String())
	}
	var rows []map[string]any
	if err := json.Unmarshal(out.Bytes(), &rows); err != nil {
		t.Fatalf("output is not a JSON array: %v\n%s", err, out.String())
	}
	var ids []string
	for _, r := range rows {
		for _, k := range []string{"id", "status", "code", "params", "text", "evidence", "remedy", "duration_ms"} {
			if _, ok := r[k]; !ok {
				t.Errorf("row %v has no %q", r, k)
			}
		}
		if s := r["status"]; s != "pass" && s != "fail" && s != "unknown" {
			t.Errorf("row %v: status %v", r["id"], s)
		}
		if r["status"] == "unknown" && r["why"] == "" {
			t.Errorf("row %v: unknown without why", r["id"])
		}
		if r["code"] == "" || r["text"] == "" {
			t.Errorf("row %v: code %v text %v", r["id"], r["code"], r["text"])
		}
		if _, ok := r["duration_ms"].(float64); !ok {
			t.Errorf("row %v: duration_ms %v is not a number", r["id"], r["duration_ms"])
		}
		ids = append(ids, r["id"].(string))
	}
	want := []string{"firewall", "updates", "disk_encryption", "screen_lock", "antivirus", "admin_accounts", "backup"}
	if !slices.Equal(ids, want) {
		t.Errorf("ids = %v, want %v", ids, want)
	}
	if b := rows[len(rows)-1]; b["status"] != "pass" || b["code"] != "backup.fresh" || b["text"] != "Dernière sauvegarde il y a 1 h." ||
		!strings.Contains(b["evidence"].(string), "cabinet.db") {
		t.Errorf("backup row = %v, want pass « Dernière sauvegarde il y a 1 h. », cabinet.db in evidence", b)
	}
}

func TestChecksRunTable(t *testing.T) {
	var out, errb bytes.Buffer
	code := Run([]string{"checks", "run", "--backup-dir", freshBackup(t), "--backup-max-age", "30m"}, &out, &errb)
	text := out.String()
	if code != 0 || errb.Len() > 0 {
		t.Fatalf("checks run = %d, stderr %q", code, errb.String())
	}
	for _, want := range []string{"Vérifications de l'ordinateur", "Pare-feu", "Sauvegardes", "plus ancienne que 30 min", "Détails : newest entry: cabinet.db", "Guide : hygie guides show sauvegardes"} {
		if !strings.Contains(text, want) {
			t.Errorf("table lacks %q:\n%s", want, text)
		}
	}
	// Failures come before what passed.
	if f, p := strings.Index(text, "✗"), strings.Index(text, "✓"); p >= 0 && f > p {
		t.Errorf("a failure is listed after a pass:\n%s", text)
	}
}

var checksUsageCases = []struct {
	name string
	args []string
	code int
	err  string
}{
	{"no sub-command", []string{"checks"}, 2, "Usage"},
	{"unknown sub-command", []string{"checks", "walk"}, 2, "Usage"},
	{"unknown flag", []string{"checks", "run", "--bogus"}, 2, "option inconnue"},
	{"extra argument", []string{"checks", "run", "maintenant"}, 2, "argument inattendu"},
	{"bad duration", []string{"checks", "run", "--backup-max-age", "un jour"}, 2, "valeur invalide"},
	{"negative duration", []string{"checks", "run", "--backup-max-age", "-1h"}, 2, "durée positive"},
	{"missing value", []string{"checks", "run", "--backup-dir"}, 2, "il manque la valeur"},
}

func TestChecksUsageErrors(t *testing.T) {
	for _, c := range checksUsageCases {
		var out, errb bytes.Buffer
		code := Run(c.args, &out, &errb)
		if code != c.code || !strings.Contains(errb.String(), c.err) || out.Len() > 0 {
			t.Errorf("%s: code %d stdout %q stderr %q; want %d, nothing on stdout, %q on stderr",
				c.name, code, out.String(), errb.String(), c.code, c.err)
		}
	}
	var out, errb bytes.Buffer
	if code := Run([]string{"checks", "run", "--help"}, &out, &errb); code != 0 || !strings.Contains(out.String(), "--backup-dir") {
		t.Errorf("checks run --help = %d, stdout %q", code, out.String())
	}
}
