package mail

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"hygie/i18n"
)

// TestCatalogue checks that every rule explains itself in both languages
// and that every rule id the code fires is in the catalogue.
func TestCatalogue(t *testing.T) {
	for _, r := range Rules() {
		if !r.Title.Complete() || !r.Explanation.Complete() {
			t.Errorf("rule %s lacks a French or English title or explanation", r.ID)
		}
		for _, lang := range []string{i18n.FR, i18n.EN} {
			if len(r.Explanation.In(lang)) < 40 {
				t.Errorf("rule %s has no proper %s explanation", r.ID, lang)
			}
		}
		if _, ok := verdictRank[r.Floor]; r.Floor != "" && !ok {
			t.Errorf("rule %s has unknown floor %q", r.ID, r.Floor)
		}
	}
	used := regexp.MustCompile(`a\.add\("([a-z_]+)"`)
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range used.FindAllStringSubmatch(string(src), -1) {
			if catalogue()[m[1]] == nil {
				t.Errorf("%s fires rule %q missing from data/rules.json", f, m[1])
			}
		}
	}
	for _, f := range families() {
		if !f.Signal && catalogue()[f.rule()] == nil {
			t.Errorf("wording family %s reports unknown rule %q", f.ID, f.rule())
		}
	}
}

func TestLanguage(t *testing.T) {
	raw := "From: <x@gmail.com>\r\nTo: y@cabinet.fr\r\nSubject: ordonnance\r\n\r\nx\r\n"
	for lang, title := range map[string]string{"": "Données de santé hors MSSanté", "fr": "Données de santé hors MSSanté", "en": "Health data outside MSSanté"} {
		rep, err := NewAnalyzer(Options{Lang: lang}).Analyze(strings.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Findings) == 0 || rep.Findings[0].Title != title {
			t.Errorf("Lang %q: findings %+v, want title %q", lang, rep.Findings, title)
		}
	}
}

var verdictCases = []struct {
	score int
	want  Verdict
}{{0, Safe}, {19, Safe}, {20, Caution}, {39, Caution}, {40, Suspicious}, {69, Suspicious}, {70, Dangerous}, {100, Dangerous}}

func TestVerdictFor(t *testing.T) {
	for _, c := range verdictCases {
		if got := VerdictFor(c.score); got != c.want {
			t.Errorf("VerdictFor(%d) = %s, want %s", c.score, got, c.want)
		}
	}
}

// TestDocListsRules keeps docs/mail-analysis.md in step with the catalogue.
func TestDocListsRules(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "mail-analysis.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range Rules() {
		row := fmt.Sprintf("| `%s` | %d |", r.ID, r.Weight)
		if !strings.Contains(string(doc), row) {
			t.Errorf("docs/mail-analysis.md lacks the row %q", row)
		}
	}
}

func TestFindingLocalized(t *testing.T) {
	fr := NewAnalyzer(Options{Lang: "fr"})
	rep, err := fr.Analyze(strings.NewReader("From: \"Assurance Maladie\" <remboursement.ameli@gmail.com>\r\nSubject: Remboursement\r\n\r\nVotre remboursement est en attente.\r\n"))
	if err != nil || len(rep.Findings) == 0 {
		t.Fatalf("no finding to translate: %v", err)
	}
	for _, f := range rep.Findings {
		en := f.Localized("en")
		want := catalogue()[f.ID]
		if en.Title != want.Title.EN || en.Explanation != want.Explanation.EN || en.Evidence != f.Evidence || en.Weight != f.Weight {
			t.Errorf("%s in English = %+v", f.ID, en)
		}
		if back := en.Localized("fr"); back != f {
			t.Errorf("%s back in French = %+v, want %+v", f.ID, back, f)
		}
	}
	gone := Finding{ID: "retired_rule", Title: "Ancienne règle", Explanation: "texte stocké"}
	if gone.Localized("en") != gone {
		t.Error("a finding the catalogue no longer has must keep its stored text")
	}
}
