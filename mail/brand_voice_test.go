package mail

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBrandSpeaks: an organisation that proves it sent a message, with
// every link on its own domains, may use its everyday wording; the same
// words lead to a warning as soon as one condition is missing.
func TestBrandSpeaks(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "messages", "ham", "doctolib-reinitialisation-mot-de-passe.eml"))
	if err != nil {
		t.Fatal(err)
	}
	genuine := string(raw)
	tests := []struct {
		name     string
		msg      string
		wantLure bool
	}{
		{"authenticated, links at home", genuine, false},
		{"a link elsewhere", strings.Replace(genuine, "https://pro.doctolib.fr/password", "https://doctolib-reset.example.net/password", 1), true},
		{"not authenticated", strings.Replace(genuine, "dmarc=pass", "dmarc=fail", 1), true},
		{"from a webmail", strings.NewReplacer("header.d=doctolib.fr", "header.d=gmail.com", "smtp.mailfrom=doctolib.fr", "smtp.mailfrom=gmail.com",
			"header.from=doctolib.fr", "header.from=gmail.com", "<no-reply@doctolib.fr>", "<doctolib.noreply@gmail.com>").Replace(genuine), true},
	}
	an := NewAnalyzer(Options{AuthServID: "mx.cabinet-martin.fr"})
	for _, tt := range tests {
		rep, err := an.Analyze(strings.NewReader(tt.msg))
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, f := range rep.Findings {
			got = got || brandWording[f.ID]
		}
		if got != tt.wantLure {
			t.Errorf("%s: findings %v, want the lure wording listed: %v", tt.name, ids(rep), tt.wantLure)
		}
		if !tt.wantLure && rep.Verdict != Safe {
			t.Errorf("%s: verdict %s, want safe", tt.name, rep.Verdict)
		}
	}
}
