package ui

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hygie/mail"
	"hygie/training"
)

// tapTraining taps the visible button under root whose text is text; a
// wrapping button (an exercise's choice) is found by its label.
func tapTraining(t *testing.T, root fyne.CanvasObject, text string) {
	t.Helper()
	if b := trainingButton(root, text); b != nil {
		test.Tap(b)
		return
	}
	t.Fatalf("no button %q on screen; texts: %v", text, screenTexts(root))
}

func trainingButton(root fyne.CanvasObject, text string) *button {
	var found *button
	walkVisible(root, func(o fyne.CanvasObject) bool {
		if found != nil {
			return false
		}
		switch v := o.(type) {
		case *button:
			if v.Text == text && !v.Disabled() {
				found = v
			}
		case *fyne.Container: // wrappingButton: a button under a label
			if len(v.Objects) == 2 {
				b, ok1 := v.Objects[0].(*button)
				l, ok2 := v.Objects[1].(*widget.Label)
				if ok1 && ok2 && b.Text == "" && l.Text == text {
					found = b
				}
			}
		}
		return true
	})
	return found
}

// walkVisible is walkObjects that skips hidden objects and closed
// accordion items.
func walkVisible(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) {
	walkObjects(o, func(o fyne.CanvasObject) bool {
		return o.Visible() && visit(o)
	})
}

// screenTexts is every text on screen under root, joined per widget.
func screenTexts(root fyne.CanvasObject) []string {
	var out []string
	for _, pt := range collectTexts(root) {
		out = append(out, pt.text)
	}
	return out
}

// shows tells whether some text on screen under root contains s.
func shows(root fyne.CanvasObject, s string) bool {
	for _, txt := range screenTexts(root) {
		if strings.Contains(txt, s) {
			return true
		}
	}
	return false
}

func wantShown(t *testing.T, root fyne.CanvasObject, s string) {
	t.Helper()
	if !shows(root, s) {
		t.Errorf("%q not on screen; texts: %q", s, screenTexts(root))
	}
}

// noHyperlink fails when anything under root could open an address.
func noHyperlink(t *testing.T, root fyne.CanvasObject, where string) {
	t.Helper()
	walkObjects(root, func(o fyne.CanvasObject) bool {
		switch v := o.(type) {
		case *widget.Hyperlink:
			t.Errorf("%s: a hyperlink widget %q", where, v.Text)
		case *widget.RichText:
			for _, s := range v.Segments {
				if h, ok := s.(*widget.HyperlinkSegment); ok {
					t.Errorf("%s: a hyperlink segment %q", where, h.Text)
				}
			}
		}
		return true
	})
}

// sampleData is what a sample shows that is the message's own text,
// French in either language, and the engine's evidence, which quotes it.
func sampleData(t *testing.T, smp training.Sample, lg string) []string {
	t.Helper()
	m, err := readSample(smp)
	if err != nil {
		t.Fatal(err)
	}
	out := []string{m.subject, m.fromName, m.fromAddr, m.replyTo, m.body}
	out = append(out, m.attachments...)
	out = append(out, strings.Split(m.body, "\n")...)
	for _, l := range m.links {
		out = append(out, visibleName(l.Text), l.Dest)
	}
	rep, err := smp.Analyze(mail.NewAnalyzer(mail.Options{Lang: lg}))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Findings {
		shown := restoreQuotes(f.Evidence, m.subject, m.body)
		out = append(out, shown, f.Evidence, fontSafe(shown), fontSafe(f.Evidence))
	}
	return out
}

// checkTrainingPage checks the page on screen as the walk test checks a
// section: it fits the window at 900 px, no label is cut, and in English
// nothing is French but data (the French practice messages).
func checkTrainingPage(t *testing.T, env *Env, w fyne.Window, lg, page string, data []string) {
	t.Helper()
	tabs := env.nav.tabs
	stack := tabs.Selected().Content
	room := tabs.Size().Width - stack.Position().X
	if min := stack.MinSize().Width; min > room+0.5 {
		t.Errorf("%s (%s): needs %.0f px, the window leaves it %.0f px", page, lg, min, room)
	}
	for _, c := range cutLabels(w.Canvas().Content()) {
		t.Errorf("cut label: %s (%s): %q, %s", page, lg, c.text, c.measure)
	}
	if lg != langEN {
		return
	}
	// Longest first, so a line goes before the words it contains.
	data = slices.Clone(data)
	sort.Slice(data, func(i, j int) bool { return len(data[i]) > len(data[j]) })
	for _, pt := range collectTexts(stack) {
		s := pt.text
		if isData(s, data) { // a run of a message cut by the marks
			continue
		}
		for _, d := range data {
			if d != "" {
				s = strings.ReplaceAll(s, d, "")
			}
		}
		s = urlRE.ReplaceAllString(s, "")
		for _, n := range properNames {
			s = strings.ReplaceAll(s, n, "")
		}
		if why := frenchMarker(s); why != "" {
			t.Errorf("French in the English UI: %s, %s %q (%s)", page, pt.kind, pt.text, why)
		}
	}
}

// isData tells whether s is a piece of one of data.
func isData(s string, data []string) bool {
	s = strings.TrimSpace(s)
	for _, d := range data {
		if s != "" && strings.Contains(d, s) {
			return true
		}
	}
	return false
}

// trainingWindow is Hygie's window at 900 × 600 in lg on data in state,
// showing « S'entraîner » with the quiz's order fixed.
func trainingWindow(t *testing.T, state, lg string) (*Env, fyne.Window) {
	t.Helper()
	t.Setenv("HYGIE_TRAINING_SEED", "7")
	env, w := goldenWindow(t, state, lg)
	if !env.nav.show("training") {
		t.Fatal("no training section")
	}
	return env, w
}

func TestTrainingPagesFitAndSpeakTheirLanguage(t *testing.T) {
	for _, lg := range []string{langFR, langEN} {
		t.Run(lg, func(t *testing.T) {
			env, w := trainingWindow(t, stateEmpty, lg)
			root := w.Canvas().Content()
			checkTrainingPage(t, env, w, lg, "home", nil)
			tapTraining(t, root, inLang(lg, "Commencer", "Start"))
			for i := 0; i < training.SessionSize; i++ {
				smp := shownSample(t, root)
				data := sampleData(t, smp, lg)
				checkTrainingPage(t, env, w, lg, fmt.Sprintf("quiz %d question", i+1), data)
				tapTraining(t, root, inLang(lg, "C'est un piège", "It is a trap"))
				checkTrainingPage(t, env, w, lg, fmt.Sprintf("quiz %d answer (%s)", i+1, smp.ID), data)
				next := inLang(lg, "Message suivant", "Next message")
				if i == training.SessionSize-1 {
					next = inLang(lg, "Voir le score", "See the score")
				}
				tapTraining(t, root, next)
			}
			checkTrainingPage(t, env, w, lg, "quiz end", allSampleData(t, lg))
			for _, sc := range training.Scenarios() {
				tapTraining(t, root, inLang(lg, "Retour à « S'entraîner »", "Back to “Training”"))
				tapStartExercise(t, root, sc, lg)
				walkExercise(t, root, sc, lg, func(page string) { checkTrainingPage(t, env, w, lg, sc.ID+" "+page, nil) })
			}
		})
	}
}

// TestEverySampleReadsInEnglish answers each sample in the English
// interface: its chrome, lesson and findings are English, and nothing in
// it is a link.
func TestEverySampleReadsInEnglish(t *testing.T) {
	env, w := trainingWindow(t, stateEmpty, langEN)
	s := newTrainingScreen(env, trainingRand())
	stack := env.nav.tabs.Selected().Content.(*fyne.Container)
	stack.Objects = []fyne.CanvasObject{s.content()}
	stack.Refresh()
	an := mail.NewAnalyzer(mail.Options{Lang: langEN})
	for _, smp := range training.Samples() {
		q := &quizPage{s: s, session: training.NewSession([]training.Sample{smp}, nil, trainingRand()), an: an}
		q.showQuestion()
		noHyperlink(t, stack, smp.ID+" question")
		q.onAnswer(training.Trap)
		noHyperlink(t, stack, smp.ID+" answer")
		checkTrainingPage(t, env, w, langEN, smp.ID, sampleData(t, smp, langEN))
		if !shows(stack, smp.Lesson.EN) {
			t.Errorf("%s: lesson not shown", smp.ID)
		}
	}
}

func allSampleData(t *testing.T, lg string) []string {
	var out []string
	for _, smp := range training.Samples() {
		out = append(out, sampleData(t, smp, lg)...)
	}
	return out
}

// inLang picks the French or English text of a button for lg.
func inLang(lg, fr, en string) string {
	if lg == langEN {
		return en
	}
	return fr
}

// shownSample is the sample whose subject is on screen.
func shownSample(t *testing.T, root fyne.CanvasObject) training.Sample {
	t.Helper()
	var found []training.Sample
	for _, smp := range training.Samples() {
		m, err := readSample(smp)
		if err != nil {
			t.Fatal(err)
		}
		for _, txt := range screenTexts(root) {
			if txt == m.subject {
				found = append(found, smp)
				break
			}
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d samples match the subject on screen, want 1; texts: %q", len(found), screenTexts(root))
	}
	return found[0]
}

// walkExercise plays sc from its first situation, the right move in
// every situation but the first, calling check on each page.
func walkExercise(t *testing.T, root fyne.CanvasObject, sc training.Scenario, lg string, check func(page string)) {
	t.Helper()
	for i, sit := range sc.Situations {
		check(sit.ID)
		choice := training.GoodChoice(sit)
		if i == 0 {
			for _, c := range sit.Choices {
				if !c.Good {
					choice = c
					break
				}
			}
		}
		tapTraining(t, root, choice.Text.In(lg))
		check(sit.ID + " feedback")
		next := inLang(lg, "Situation suivante", "Next situation")
		if i == len(sc.Situations)-1 {
			next = inLang(lg, "Voir le bilan", "See the debrief")
		}
		tapTraining(t, root, next)
	}
	check("debrief")
}

// tapStartExercise taps « Commencer cet exercice » under sc's title.
func tapStartExercise(t *testing.T, root fyne.CanvasObject, sc training.Scenario, lg string) {
	t.Helper()
	var btn *button
	walkVisible(root, func(o fyne.CanvasObject) bool {
		c, ok := o.(*fyne.Container)
		if !ok || btn != nil || len(c.Objects) != 3 {
			return btn == nil
		}
		if l, ok := c.Objects[0].(*widget.Label); ok && l.Text == sc.Title.In(lg) {
			btn = trainingButton(c.Objects[2], inLang(lg, "Commencer cet exercice", "Start this exercise"))
		}
		return btn == nil
	})
	if btn == nil {
		t.Fatalf("no start button for %s", sc.ID)
	}
	test.Tap(btn)
}
