package policy

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"hygie/checks/diagnostic"
	"hygie/store"
)

func catalogue(t *testing.T) *diagnostic.Catalogue {
	t.Helper()
	c, err := diagnostic.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestTopicsUseRealQuestions keeps the policy's headings in step with the
// questionnaire.
func TestTopicsUseRealQuestions(t *testing.T) {
	c := catalogue(t)
	for _, tp := range topics {
		for _, id := range tp.questions {
			if _, ok := c.Question(id); !ok {
				t.Errorf("topic %s: question %q does not exist", tp.key, id)
			}
		}
	}
}

func TestDraftListsWhatIsMissing(t *testing.T) {
	c := catalogue(t)
	answers := map[string]diagnostic.Answer{
		"bak-offline":   {Value: diagnostic.No, Source: diagnostic.FromUser},
		"bak-frequency": {Value: diagnostic.Yes, Source: diagnostic.FromUser},
		"ws-usb":        {Value: diagnostic.NA, Source: diagnostic.FromUser},
	}
	p := Draft(c, answers, Contacts{Practitioner: "Claire Martin"})
	if p.Responsible != "Claire Martin" {
		t.Errorf("Responsible = %q, want the practitioner", p.Responsible)
	}
	offline, _ := c.Question("bak-offline")
	freq, _ := c.Question("bak-frequency")
	for _, r := range p.Rules {
		switch r.Key {
		case "backups":
			if !strings.Contains(r.Text, offline.Action.FR) || strings.Contains(r.Text, freq.Action.FR) {
				t.Errorf("backups rule = %q: want the offline copy's action only", r.Text)
			}
		case "usb":
			if strings.Contains(r.Text, "Encore") {
				t.Errorf("usb rule = %q: not applicable is nothing to do", r.Text)
			}
		}
	}
}

func pdfText(t *testing.T, b []byte) (text string, pages int) {
	t.Helper()
	in := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(in, b, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	info, err := exec.Command("pdfinfo", in).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo: no page count in %s", info)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return string(out), n
}

func TestPDFReadsBack(t *testing.T) {
	c := catalogue(t)
	answers := map[string]diagnostic.Answer{}
	for _, q := range c.Questions {
		answers[q.ID] = diagnostic.Answer{Value: diagnostic.No, Source: diagnostic.FromUser}
	}
	p := Draft(c, answers, Contacts{Practice: "Cabinet de kinésithérapie des Lilas", Practitioner: "Claire Martin",
		ITName: "Informatique Ouest Santé", ITPhone: "02 99 00 00 00", InsurerName: "MACSF", InsurerContract: "A-123"})
	p.Responsible = "Paul Durand"
	p.Version = 3
	p.Date = time.Date(2026, 12, 2, 10, 0, 0, 0, time.Local)
	var b bytes.Buffer
	if err := write(&b, p, false); err != nil {
		t.Fatal(err)
	}
	text, pages := pdfText(t, b.Bytes())
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{"Politique de sécurité du cabinet", "Cabinet de kinésithérapie des Lilas", "Version 3 du 2 décembre 2026",
		"Responsable de la sécurité informatique : Paul Durand", "Sauvegardes et rotation", "Messagerie et MSSanté",
		"Clés USB et appareils personnels", "Informatique Ouest Santé, 02 99 00 00 00", "MACSF (contrat A-123)", "17Cyber", "Encore à mettre en place"} {
		if !strings.Contains(flat, want) {
			t.Errorf("PDF text lacks %q:\n%s", want, text)
		}
	}
	if pages < 2 || pages > 4 {
		t.Errorf("policy has %d pages, want two to three (four at most with every gap listed)", pages)
	}
}

func TestVersionsIncrement(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := Open(db)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	for want := 1; want <= 2; want++ {
		v, err := s.Next()
		if err != nil || v != want {
			t.Fatalf("Next = %d, %v; want %d", v, err, want)
		}
		if err := s.Record(Policy{Version: v, Date: now, Responsible: "Claire"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Record(Policy{Version: 2, Date: now}); err == nil {
		t.Error("a version used twice must be refused")
	}
}
