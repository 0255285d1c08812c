package cli

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestIncidentJournalRoundTrip(t *testing.T) {
	t.Setenv("HYGIE_HOME", t.TempDir())
	var out, errb bytes.Buffer
	if code := Run([]string{"incident", "log", "--step", "disconnect", "Câble", "débranché"}, &out, &errb); code != 0 {
		t.Fatalf("incident log = %d, stderr %q", code, errb.String())
	}
	out.Reset()
	if code := Run([]string{"incident", "journal"}, &out, &errb); code != 0 {
		t.Fatalf("incident journal = %d, stderr %q", code, errb.String())
	}
	if !strings.Contains(out.String(), "Câble débranché") {
		t.Errorf("journal = %q, want the logged note", out.String())
	}
}

func TestIncidentUsage(t *testing.T) {
	t.Setenv("HYGIE_HOME", t.TempDir())
	var out, errb bytes.Buffer
	for _, args := range [][]string{{"incident", "log"}, {"incident", "frobnicate"}} {
		out.Reset()
		errb.Reset()
		if code := Run(args, &out, &errb); code != 2 || !strings.Contains(errb.String(), "Usage") || out.Len() != 0 {
			t.Errorf("Run(%v) = %d, stdout %q, stderr %q; want 2 with usage on stderr", args, code, out.String(), errb.String())
		}
	}
	out.Reset()
	if code := Run([]string{"incident"}, &out, &errb); code != 0 || !strings.Contains(out.String(), "17Cyber") {
		t.Errorf("incident = %d, %q; want the playbook with 17Cyber", code, out.String())
	}
}

func TestIncidentAddListExport(t *testing.T) {
	t.Setenv("HYGIE_HOME", t.TempDir())
	var out, errb bytes.Buffer
	if code := Run([]string{"incident", "add", "--step", "call_help", "Appel", "au", "prestataire"}, &out, &errb); code != 0 {
		t.Fatalf("incident add = %d, stderr %q", code, errb.String())
	}
	out.Reset()
	if code := Run([]string{"incident", "list", "--json"}, &out, &errb); code != 0 {
		t.Fatalf("incident list --json = %d, stderr %q", code, errb.String())
	}
	var got []struct{ Kind, Step, Note string }
	if err := json.Unmarshal(out.Bytes(), &got); err != nil || len(got) != 1 || got[0].Note != "Appel au prestataire" || got[0].Kind != "incident" || got[0].Step != "call_help" {
		t.Fatalf("incident list --json = %s (%v), want the one entry", out.String(), err)
	}
	pdf := filepath.Join(t.TempDir(), "dossier.pdf")
	out.Reset()
	args := []string{"incident", "export", "--out", pdf, "--discovered", "2026-11-30 08:15", "--what", "Écran de rançon", "--data", "health,nir", "--patients", "120"}
	if code := Run(args, &out, &errb); code != 0 {
		t.Fatalf("incident export = %d, stderr %q", code, errb.String())
	}
	if !strings.Contains(out.String(), "avant le 03/12/2026 à 08:15") {
		t.Errorf("incident export said %q, want both deadlines", out.String())
	}
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	for _, want := range []string{"Écran de rançon", "numéros de sécurité sociale (NIR)", "environ 120", "Appel au prestataire"} {
		if !strings.Contains(strings.Join(strings.Fields(string(text)), " "), want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
}

func TestIncidentExportUsage(t *testing.T) {
	t.Setenv("HYGIE_HOME", t.TempDir())
	for _, args := range [][]string{
		{"incident", "export"},
		{"incident", "export", "--out", "x.pdf", "--discovered", "hier"},
		{"incident", "list", "extra"},
	} {
		var out, errb bytes.Buffer
		if code := Run(args, &out, &errb); code != 2 || !strings.Contains(errb.String(), "Usage") {
			t.Errorf("Run(%v) = %d, stderr %q; want 2 with the usage", args, code, errb.String())
		}
	}
	var out, errb bytes.Buffer
	if code := Run([]string{"incident", "export", "--out", filepath.Join(t.TempDir(), "absent", "x.pdf")}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "impossible de créer") {
		t.Errorf("export to a missing folder = %d, %q; want 1 and a French sentence", code, errb.String())
	}
}
