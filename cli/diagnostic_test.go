package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiagnosticCommand answers, marks a plan item done, shows the levels
// and writes the security policy twice, with increasing versions.
func TestDiagnosticCommand(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HYGIE_HOME", home)
	pdf := filepath.Join(t.TempDir(), "politique.pdf")
	for _, c := range []struct {
		args   []string
		code   int
		outHas string
		errHas string
	}{
		{[]string{"diagnostic"}, 2, "", "Usage"},
		{[]string{"diagnostic", "--help"}, 0, "Usage", ""},
		{[]string{"diagnostic", "frobnicate"}, 2, "", "sous-commande inconnue"},
		{[]string{"diagnostic", "show"}, 0, "Aucune évaluation", ""},
		{[]string{"diagnostic", "answer", "bak-offline=peut-être"}, 1, "", "attendu QUESTION=oui"},
		{[]string{"diagnostic", "answer", "gov-referent=oui", "bak-offline=non", "bak-frequency=oui", "--date", "2026-11-12"}, 0, "Évaluation du 12 novembre 2026 enregistrée", ""},
		{[]string{"diagnostic", "mark", "bak-offline", "peut-être"}, 2, "", "à-faire, prévu ou fait"},
		{[]string{"diagnostic", "mark", "bak-offline", "fait"}, 0, "bak-offline : fait.", ""},
		{[]string{"diagnostic", "show"}, 0, "[fait] ", ""},
		{[]string{"diagnostic", "show"}, 0, "Évaluation du 12 novembre 2026", ""},
		{[]string{"diagnostic", "show", "--json"}, 0, `"state":"done"`, ""},
		{[]string{"diagnostic", "policy"}, 2, "", "--out"},
		{[]string{"diagnostic", "policy", "--out", pdf, "--responsible", "Claire Martin"}, 0, "version 1", ""},
		{[]string{"diagnostic", "policy", "--out", pdf}, 0, "version 2", ""},
	} {
		code, out, errOut := runCLI(t, c.args...)
		if code != c.code || !strings.Contains(out, c.outHas) || !strings.Contains(errOut, c.errHas) {
			t.Errorf("hygie %v = %d\nstdout: %s\nstderr: %s", c.args, code, out, errOut)
		}
	}
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	if flat := strings.Join(strings.Fields(string(text)), " "); !strings.Contains(flat, "Version 2 du") || !strings.Contains(flat, "Sauvegardes et rotation") {
		t.Errorf("policy PDF:\n%s", text)
	}
	if _, err := os.Stat(filepath.Join(home, "status.json")); err != nil {
		t.Errorf("answer and mark must update the status document: %v", err)
	}
}
