package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"hygie/checks"
	"hygie/store"
)

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func listJSON(t *testing.T) map[string]map[string]any {
	t.Helper()
	code, out, errs := runCLI(t, "checks", "list", "--json")
	if code != 0 {
		t.Fatalf("checks list --json = %d: %s", code, errs)
	}
	var entries []map[string]any
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatalf("list output is not a JSON array: %v\n%s", err, out)
	}
	byID := map[string]map[string]any{}
	for _, e := range entries {
		byID[e["id"].(string)] = e
	}
	return byID
}

func TestChecksListJSON(t *testing.T) {
	t.Setenv("HYGIE_HOME", t.TempDir())
	got := listJSON(t)
	if len(got) != len(checks.Catalogue()) {
		t.Fatalf("%d entries, want %d", len(got), len(checks.Catalogue()))
	}
	freqs := map[string]bool{"daily": true, "weekly": true, "monthly": true, "yearly": true, "once": true}
	for id, e := range got {
		if len(e) != 6 || e["not_applicable"] != false {
			t.Errorf("%s: keys %v, want id, title, frequency, done_today, source, not_applicable", id, e)
		}
		if !freqs[e["frequency"].(string)] || e["title"] == "" || e["done_today"] != false {
			t.Errorf("%s: entry %v", id, e)
		}
		if s := e["source"]; s != "manual" && s != "automatic" {
			t.Errorf("%s: source %v", id, s)
		}
	}
	if got["firewall-on"]["source"] != "automatic" || got["lock-session"]["source"] != "manual" {
		t.Errorf("sources: firewall %v, lock-session %v", got["firewall-on"]["source"], got["lock-session"]["source"])
	}
}

func TestChecksTickAndUndo(t *testing.T) {
	t.Setenv("HYGIE_HOME", t.TempDir())
	if code, out, errs := runCLI(t, "checks", "tick", "lock-session"); code != 0 || !strings.Contains(out, "Verrouiller la session") {
		t.Fatalf("tick = %d, %q, %q", code, out, errs)
	}
	if e := listJSON(t)["lock-session"]; e["done_today"] != true || e["source"] != "manual" {
		t.Errorf("after tick: %v", e)
	}
	if code, out, _ := runCLI(t, "checks", "tick", "lock-session", "--undo"); code != 0 || !strings.Contains(out, "retirée") {
		t.Fatalf("undo = %d, %q", code, out)
	}
	if e := listJSON(t)["lock-session"]; e["done_today"] != false {
		t.Errorf("after undo: %v", e)
	}
	if code, out, _ := runCLI(t, "checks", "tick", "--undo", "lock-session"); code != 0 || !strings.Contains(out, "Aucune coche") {
		t.Errorf("second undo = %d, %q", code, out)
	}
}

func TestChecksBadInput(t *testing.T) {
	t.Setenv("HYGIE_HOME", t.TempDir())
	cases := [][]string{
		{"checks", "tick", "no-such-item"},
		{"checks", "tick"},
		{"checks", "tick", "a", "b"},
		{"checks", "list", "--yaml"},
		{"checks", "report"},
		{"checks", "report", "--out"},
		{"checks", "frobnicate"},
	}
	for _, args := range cases {
		code, _, errs := runCLI(t, args...)
		if code != 2 || errs == "" {
			t.Errorf("%v = %d (stderr %q), want 2 with a message", args, code, errs)
		}
	}
	_, _, errs := runCLI(t, "checks", "tick", "no-such-item")
	if !strings.Contains(errs, "« no-such-item » n'est pas un geste de la liste") {
		t.Errorf("unknown id message = %q", errs)
	}
}

func TestChecksReport(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HYGIE_HOME", home)
	runCLI(t, "checks", "tick", "firewall-on")
	out := filepath.Join(t.TempDir(), "rapport.pdf")
	if code, _, errs := runCLI(t, "checks", "report", "--out", out); code != 0 {
		t.Fatalf("report = %d: %s", code, errs)
	}
	data, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("report file: %v, starts %q", err, data[:min(len(data), 8)])
	}
	if code, _, _ := runCLI(t, "checks", "report", "--out", filepath.Join(home, "absent", "x.pdf")); code != 1 {
		t.Errorf("report into a missing folder = %d, want 1", code)
	}
}

// TestChecksConcurrentWriters: command-line ticks (each opening its own
// connection, as separate processes do) and the app's writes at once lose
// nothing.
func TestChecksConcurrentWriters(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HYGIE_HOME", home)
	db, err := store.Open(home)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	app, err := checks.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	items := checks.Catalogue()
	var wg sync.WaitGroup
	for i, it := range items {
		wg.Add(1)
		go func(i int, id string) {
			defer wg.Done()
			if i%2 == 0 {
				if code, _, errs := runCLI(t, "checks", "tick", id); code != 0 {
					t.Errorf("cli tick %s = %d: %s", id, code, errs)
				}
				return
			}
			if err := app.Tick(id, checklistNow()); err != nil {
				t.Errorf("app tick %s: %v", id, err)
			}
		}(i, it.ID)
	}
	wg.Wait()
	rec, err := app.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Ticks) != len(items) {
		t.Errorf("%d ticks stored, want %d", len(rec.Ticks), len(items))
	}
}

// TestChecksListSpeaksFrench: the table says how often in words and shows
// an item marked not applicable as such, not as « à faire ».
func TestChecksListSpeaksFrench(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HYGIE_HOME", home)
	db, err := store.Open(home)
	if err != nil {
		t.Fatal(err)
	}
	app, err := checks.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := app.SetNotApplicable("2fa-doctolib", "pas de compte Doctolib", checklistNow()); err != nil {
		t.Fatal(err)
	}
	db.Close()
	code, out, errs := runCLI(t, "checks", "list")
	if code != 0 {
		t.Fatalf("checks list = %d: %s", code, errs)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "2fa-doctolib ") && !strings.Contains(line, "non applicable") {
			t.Errorf("not applicable item shown as %q", line)
		}
		for _, en := range []string{"daily", "weekly", "monthly", "yearly", " once "} {
			if strings.Contains(line, en) {
				t.Errorf("English frequency %q in %q", en, line)
			}
		}
	}
	for _, fr := range []string{"chaque jour", "chaque semaine", "chaque mois"} {
		if !strings.Contains(out, fr) {
			t.Errorf("no %q in the list:\n%s", fr, out)
		}
	}
	if e := listJSON(t)["2fa-doctolib"]; e["not_applicable"] != true || e["reason"] != "pas de compte Doctolib" {
		t.Errorf("JSON of a not applicable item: %v", e)
	}
}

// TestChecksErrorsInFrench: a report written to a folder that does not
// exist says so in French, without Go's English error.
func TestChecksErrorsInFrench(t *testing.T) {
	t.Setenv("HYGIE_HOME", t.TempDir())
	code, _, errs := runCLI(t, "checks", "report", "--out", filepath.Join(t.TempDir(), "absent", "r.pdf"))
	if code != 1 || !strings.Contains(errs, "n'existe pas") || strings.Contains(errs, "no such file") {
		t.Errorf("report into a missing folder = %d, %q", code, errs)
	}
}
