package training

import (
	"strings"
	"testing"

	"hygie/mail"
)

func TestQuizDataIsComplete(t *testing.T) {
	if len(Samples()) < 30 {
		t.Errorf("%d samples, want at least 30", len(Samples()))
	}
	honest := 0
	usedClue := map[string]bool{}
	seen := map[string]bool{}
	for _, s := range Samples() {
		if seen[s.ID] {
			t.Errorf("sample %s is listed twice", s.ID)
		}
		seen[s.ID] = true
		if s.Answer != Legitimate && s.Answer != Trap {
			t.Errorf("sample %s: answer %q, want legitimate or trap", s.ID, s.Answer)
		}
		if s.Answer == Legitimate {
			honest++
		}
		if !s.Lesson.Complete() {
			t.Errorf("sample %s: lesson not written in both languages", s.ID)
		}
		if len(s.Clues) == 0 {
			t.Errorf("sample %s has no clue", s.ID)
		}
		for _, c := range s.Clues {
			if _, ok := ClueByID(c); !ok {
				t.Errorf("sample %s: unknown clue %q", s.ID, c)
			}
			usedClue[c] = true
		}
	}
	files, err := data.ReadDir("data/messages")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if !seen[strings.TrimSuffix(f.Name(), ".eml")] {
			t.Errorf("data/messages/%s is listed in no sample", f.Name())
		}
	}
	if honest*3 < len(Samples()) {
		t.Errorf("%d honest samples of %d, want at least a third", honest, len(Samples()))
	}
	for _, c := range Clues() {
		if !c.Label.Complete() {
			t.Errorf("clue %s: label not written in both languages", c.ID)
		}
		if !usedClue[c.ID] {
			t.Errorf("clue %s is used by no sample", c.ID)
		}
	}
}

// TestEngineOnSamples keeps the quiz and the mail engine in step: every
// trap gets at least « caution », and every honest message « safe » unless
// it is listed in engineNotes with the reason the engine is more careful.
func TestEngineOnSamples(t *testing.T) {
	a := mail.NewAnalyzer(mail.Options{Lang: "fr"})
	for _, s := range Samples() {
		rep, err := s.Analyze(a)
		if err != nil {
			t.Errorf("Analyze(%s): %v", s.ID, err)
			continue
		}
		var ids []string
		for _, f := range rep.Findings {
			ids = append(ids, f.ID)
		}
		switch {
		case rep.Verdict == mail.Safe && engineNotes[s.ID].rule != "":
			t.Errorf("Analyze(%s) = safe now: remove its entry from engineNotes", s.ID)
		case s.Answer == Trap && rep.Verdict == mail.Safe:
			t.Errorf("Analyze(%s) = safe (score %d, %v), want at least caution for a trap", s.ID, rep.Score, ids)
		case s.Answer == Legitimate && rep.Verdict != mail.Safe:
			note, ok := engineNotes[s.ID]
			if !ok {
				t.Errorf("Analyze(%s) = %s (score %d, %v), want safe or a note in engineNotes", s.ID, rep.Verdict, rep.Score, ids)
			} else if !strings.Contains(strings.Join(ids, " "), note.rule) {
				t.Errorf("Analyze(%s): engineNotes blames rule %s, findings are %v", s.ID, note.rule, ids)
			}
		}
		t.Logf("%-34s %-10s %-10s %3d %v", s.ID, s.Answer, rep.Verdict, rep.Score, ids)
	}
}

// engineNotes lists the honest samples the engine does not call safe, with
// the rule that makes it careful and why: the engine is not tuned to the
// quiz, the quiz says where the engine errs on the side of caution.
var engineNotes = map[string]struct{ rule, why string }{
	// The display name "impots.gouv.fr" names a domain other than the
	// sender's (dgfip.finances.gouv.fr); the engine cannot tell that both
	// belong to the tax office, so it asks for a look (« prudence »).
	"impots-avis-cfe": {"display_name_address", "display name is another government domain"},
}
