package pdfdoc

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The text comes back from the PDF as written, signs outside Latin-1
// included: the fonts are embedded UTF-8 fonts, not the core fonts.
func TestTextReadsBack(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext (poppler-utils) is not installed: `make test` installs it")
	}
	d := New("Essai", time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC), false)
	d.AddPage()
	d.Title(14, "Données de santé")
	d.Text(10, "", "« Sécurité » → 72 h, œuvre, ≠")
	d.KeepWithNext(400) // more than a page: a new one
	d.Text(10, "I", "page suivante")
	var buf bytes.Buffer
	if err := d.Output(&buf); err != nil {
		t.Fatal(err)
	}
	if d.PageNo() != 2 {
		t.Errorf("KeepWithNext: %d pages, want 2", d.PageNo())
	}
	path := filepath.Join(t.TempDir(), "essai.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Données de santé", "« Sécurité » → 72 h, œuvre, ≠", "page suivante"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("pdftotext lacks %q:\n%s", want, out)
		}
	}
}
