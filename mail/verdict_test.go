package mail

import (
	"strings"
	"testing"
)

// A warning never reads « Sûr », and the score shown always lies in the
// range of the verdict shown beside it.
func TestJudgeVerdictAgreesWithFindings(t *testing.T) {
	warn := Finding{ID: "x", Severity: "low", Weight: 10}
	reassure := Finding{ID: "y", Severity: "info", Weight: -30}
	clue := Finding{ID: "z", Severity: "info", Weight: 5}
	cases := []struct {
		name      string
		score     int
		floor     Verdict
		fs        []Finding
		want      Verdict
		wantScore int
	}{
		{"nothing", 0, Safe, nil, Safe, 0},
		{"only reassurance", 0, Safe, []Finding{reassure}, Safe, 0},
		{"warning offset by reassurance", 0, Safe, []Finding{warn, reassure}, Caution, CautionScore},
		{"small warning", 10, Safe, []Finding{warn}, Caution, CautionScore},
		{"floor raises the score", 25, Suspicious, []Finding{warn}, Suspicious, SuspiciousScore},
		{"dangerous floor", 0, Dangerous, []Finding{warn, reassure}, Dangerous, DangerousScore},
		{"score above floor kept", 55, Caution, []Finding{warn}, Suspicious, 55},
		{"clamped", 130, Safe, []Finding{warn}, Dangerous, 100},
		{"clues alone", 10, Safe, []Finding{clue, clue}, Safe, 10},
		{"clue and warning", 15, Safe, []Finding{warn, clue}, Caution, CautionScore},
		{"clues adding up", 20, Safe, []Finding{clue, clue, clue, clue}, Caution, CautionScore},
	}
	for _, c := range cases {
		v, s := judge(c.score, c.floor, c.fs)
		if v != c.want || s != c.wantScore {
			t.Errorf("%s: judge(%d, %s) = %s %d, want %s %d", c.name, c.score, c.floor, v, s, c.want, c.wantScore)
		}
		if lo, hi := ScoreRange(v); s < lo || s > hi || VerdictFor(s) != v {
			t.Errorf("%s: score %d outside %s's range %d–%d", c.name, s, v, lo, hi)
		}
	}
}

func TestSubstitutionsNameTheCharacters(t *testing.T) {
	cases := []struct{ written, target, lang, want string }{
		{"ameIi", "ameli", "fr", "un I majuscule à la place du l"},
		{"ameIi", "ameli", "en", "a capital I in place of l"},
		{"amel1", "ameli", "fr", "le chiffre 1 à la place du i"},
		{"d0ctolib", "doctolib", "fr", "le chiffre 0 à la place du o"},
		{"arneli", "ameli", "fr", "« rn » à la place du m"},
		{"аmeli", "ameli", "fr", "un а cyrillique à la place du a"},
		{"Ameli", "ameli", "fr", ""},  // a capital of the same letter
		{"amelie", "ameli", "fr", ""}, // does not line up
	}
	for _, c := range cases {
		got := strings.Join(substitutions(c.written, c.target, c.lang), ", ")
		if got != c.want {
			t.Errorf("substitutions(%q, %q, %s) = %q, want %q", c.written, c.target, c.lang, got, c.want)
		}
	}
}

// The evidence quotes the domain as the message wrote it, capital I
// included, and explains the trick in French words.
func TestLookalikeEvidenceKeepsCase(t *testing.T) {
	raw := "From: Assurance Maladie <contact@ameIi.fr>\r\nTo: cabinet@example.fr\r\nSubject: Remboursement\r\n" +
		"Content-Type: text/html; charset=utf-8\r\n\r\n<p>Voir <a href=\"https://www.ameIi.fr/compte\">votre compte</a></p>\r\n"
	rep, err := NewAnalyzer(Options{Lang: "fr"}).Analyze(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"lookalike_domain": "ameIi.fr ≈ ameli.fr (un I majuscule à la place du l)",
		"lookalike_link":   "www.ameIi.fr ≈ ameli.fr (un I majuscule à la place du l)",
	}
	for _, f := range rep.Findings {
		if w, ok := want[f.ID]; ok {
			if !strings.Contains(f.Evidence, w) {
				t.Errorf("%s evidence = %q, want it to contain %q", f.ID, f.Evidence, w)
			}
			if strings.Contains(f.Evidence, "homograph") {
				t.Errorf("%s evidence has an English word: %q", f.ID, f.Evidence)
			}
			delete(want, f.ID)
		}
	}
	for id := range want {
		t.Errorf("finding %s missing; findings: %+v", id, rep.Findings)
	}
}

// A clue is a weak sign honest mail shows every day: it informs, weighs
// little and imposes nothing, so that alone it never makes « à vérifier ».
func TestClueRules(t *testing.T) {
	n := 0
	for _, r := range Rules() {
		if !r.Clue {
			continue
		}
		n++
		if r.Weight <= 0 || r.Weight >= CautionScore/2 || r.Floor != "" {
			t.Errorf("clue %s weighs %d with floor %q: a clue adds a little and imposes nothing", r.ID, r.Weight, r.Floor)
		}
		if sev := severity(catalogue()[r.ID]); sev != "info" {
			t.Errorf("severity of clue %s = %s, want info", r.ID, sev)
		}
	}
	if n == 0 {
		t.Error("no clue in the catalogue")
	}
	// A newsletter whose only sign is its search form stays « Sûr ».
	raw := "From: La lettre <lettre@urps-exemple.fr>\r\nTo: cabinet@example.fr\r\nSubject: Les nouvelles du mois\r\n" +
		"Content-Type: text/html; charset=utf-8\r\n\r\n<p>Les nouvelles du mois.</p>" +
		"<form action=\"https://www.urps-exemple.fr/recherche\"><input name=q></form>\r\n"
	rep, err := NewAnalyzer(Options{}).Analyze(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Verdict != Safe || len(rep.Findings) != 1 || rep.Findings[0].ID != "html_form" || rep.Findings[0].Severity != "info" {
		t.Errorf("newsletter with a search form: %s %+v, want safe with one info html_form", rep.Verdict, rep.Findings)
	}
}

// A list digest whose body touches a scam theme stays below « suspect »;
// a "newsletter" whose subject is the scam theme itself is about it.
func TestListCapScamThemeInSubject(t *testing.T) {
	msg := func(subject string) string {
		return "From: Club Rencontres <lettre@club-exemple.fr>\r\nTo: membres@club-exemple.fr\r\nList-Id: <membres.club-exemple.fr>\r\n" +
			"Subject: " + subject + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
			"Au sommaire : hot singles, adult dating et les sorties du mois.\r\nhttps://www.club-exemple.fr/lettre\r\n"
	}
	cases := []struct {
		subject string
		want    Verdict
	}{
		{"La lettre du mois", Caution},
		{"Hot singles near you tonight", Suspicious},
	}
	for _, c := range cases {
		rep, err := NewAnalyzer(Options{}).Analyze(strings.NewReader(msg(c.subject)))
		if err != nil {
			t.Fatal(err)
		}
		if rep.Verdict != c.want {
			t.Errorf("list mail %q: %s %v, want %s", c.subject, rep.Verdict, ids(rep), c.want)
		}
	}
}
