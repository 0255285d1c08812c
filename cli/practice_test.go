package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestPracticeCommand adds, lists and removes the practice's people and
// suppliers, and checks that `hygie inspect` judges with them.
func TestPracticeCommand(t *testing.T) {
	t.Setenv("HYGIE_HOME", t.TempDir())
	fraud := filepath.Join(msgDir, "phish", "bec-associe-virement-gmail.eml")
	// Before the associate is listed: a pressing request from a webmail.
	if code, out, _ := runCLI(t, "inspect", "--json", fraud); code != 0 || !strings.Contains(out, `"verdict":"suspicious"`) {
		t.Fatalf("inspect before = %d %s", code, out)
	}
	for _, c := range []struct {
		args   []string
		code   int
		outHas string
		errHas string
	}{
		{[]string{"practice"}, 2, "", "Usage"},
		{[]string{"practice", "--help"}, 0, "Usage", ""},
		{[]string{"practice", "frobnicate"}, 2, "", "sous-commande inconnue"},
		{[]string{"practice", "add-person", "Hélène Garcia"}, 2, "", "au moins une adresse"},
		{[]string{"practice", "add-person", "Hélène Garcia", "pas-une-adresse"}, 1, "", "n'est pas une adresse e-mail valable"},
		{[]string{"practice", "add-person", "Hélène Garcia", "helene.garcia@cabinet-martin.fr", "--role", "associée"}, 0, "Personne n° 1", ""},
		{[]string{"practice", "add-supplier", "Kiné Matériel Pro", "https://www.kine-materiel-pro.fr/", "--kind", "fournisseur"}, 0, "Fournisseur n° 1", ""},
		{[]string{"practice", "list"}, 0, "1. Hélène Garcia (associée) : helene.garcia@cabinet-martin.fr", ""},
		{[]string{"practice", "list", "--json"}, 0, `"domains":["kine-materiel-pro.fr"]`, ""},
		{[]string{"inspect", "--json", fraud}, 0, `"id":"payment_request_known_name"`, ""},
		{[]string{"inspect", "--json", filepath.Join(msgDir, "phish", "bec-new-bank-details-lookalike-en.eml")}, 0, `"id":"lookalike_known_domain"`, ""},
		{[]string{"practice", "remove-person", "7"}, 1, "", "aucune entrée n° 7"},
		{[]string{"practice", "remove-person", "x"}, 2, "", "n'est pas un numéro"},
		{[]string{"practice", "remove-person", "1"}, 0, "N° 1 retiré", ""},
		{[]string{"practice", "list"}, 0, "(aucune)", ""},
	} {
		code, out, errOut := runCLI(t, c.args...)
		if code != c.code || !strings.Contains(out, c.outHas) || !strings.Contains(errOut, c.errHas) {
			t.Errorf("hygie %v = %d\nstdout: %s\nstderr: %s", c.args, code, out, errOut)
		}
	}
	if _, out, _ := runCLI(t, "inspect", "--json", fraud); !strings.Contains(out, `"verdict":"suspicious"`) {
		t.Errorf("inspect after removing the associate = %s, want the webmail verdict again", out)
	}
}
