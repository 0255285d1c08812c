package ui

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hygie/mail"
	"hygie/training"
)

// quizFixture is the training screen alone in a window, with a seeded
// order and a fixed clock.
type quizFixture struct {
	env  *Env
	s    *trainingScreen
	root fyne.CanvasObject
}

func newQuizFixture(t *testing.T, env *Env) *quizFixture {
	t.Helper()
	old := trainingNow
	trainingNow = func() time.Time { return goldenNow }
	t.Cleanup(func() { trainingNow = old })
	s := newTrainingScreen(env, rand.New(rand.NewPCG(3, 4)))
	w := test.NewTempWindow(t, s.content())
	w.Resize(fyne.NewSize(700, 600))
	return &quizFixture{env: env, s: s, root: w.Content()}
}

// answer answers the message on screen, right or wrong, and returns it.
func (f *quizFixture) answer(t *testing.T, right bool) training.Sample {
	t.Helper()
	smp := shownSample(t, f.root)
	noHyperlink(t, f.root, smp.ID+" before the answer")
	a := smp.Answer
	if !right {
		a = training.Trap
		if smp.Answer == training.Trap {
			a = training.Legitimate
		}
	}
	tapTraining(t, f.root, map[training.Answer]string{training.Trap: "C'est un piège", training.Legitimate: "C'est légitime"}[a])
	return smp
}

// next goes on after an answer.
func (f *quizFixture) next(t *testing.T) {
	t.Helper()
	if trainingButton(f.root, "Message suivant") != nil {
		tapTraining(t, f.root, "Message suivant")
		return
	}
	tapTraining(t, f.root, "Voir le score")
}

func TestQuizSessionIsScoredSavedAndBringsBackMissed(t *testing.T) {
	f := newQuizFixture(t, newTestEnv(t))
	wantShown(t, f.root, "Pas encore de séance.")
	tapTraining(t, f.root, "Commencer")
	var missed []string
	for i := 0; i < training.SessionSize; i++ {
		wantShown(t, f.root, "Message "+string(rune('1'+i))+" sur 5")
		right := i >= 2 // the first two wrong, the rest right
		smp := f.answer(t, right)
		checkFeedback(t, f.root, smp, right)
		if !right {
			missed = append(missed, smp.ID)
		}
		f.next(t)
	}
	wantShown(t, f.root, "3 bonnes réponses sur 5")
	wantShown(t, f.root, "Score enregistré.")
	wantShown(t, f.root, "Ces messages reviendront à la prochaine séance.")
	scores, err := f.s.history.Scores()
	if err != nil || len(scores) != 1 || scores[0].Score != 3 || scores[0].Total != 5 || !scores[0].At.Equal(goldenNow) {
		t.Fatalf("Scores() = %+v, %v; want one session of 3 out of 5 at %v", scores, err, goldenNow)
	}
	slices.Sort(missed)
	if got, _ := f.s.history.Missed(); !slices.Equal(got, missed) {
		t.Errorf("Missed() = %v, want %v", got, missed)
	}

	tapTraining(t, f.root, "Recommencer")
	var seen []string
	for i := 0; i < training.SessionSize; i++ {
		seen = append(seen, f.answer(t, true).ID)
		f.next(t)
	}
	for _, id := range missed {
		if !slices.Contains(seen, id) {
			t.Errorf("missed %s did not come back in the next session %v", id, seen)
		}
	}
	wantShown(t, f.root, "5 bonnes réponses sur 5")
	if got, _ := f.s.history.Missed(); len(got) != 0 {
		t.Errorf("Missed() after all right = %v, want none", got)
	}
	tapTraining(t, f.root, "Retour à « S'entraîner »")
	wantShown(t, f.root, "Dernière séance, le 23 novembre 2026 : 5 bonnes réponses sur 5.")
}

// checkFeedback checks the page after an answer: right or wrong in words,
// the lesson, the engine's findings and their marks on the message.
func checkFeedback(t *testing.T, root fyne.CanvasObject, smp training.Sample, right bool) {
	t.Helper()
	want := map[bool]map[training.Answer]string{
		true:  {training.Trap: "Bonne réponse : c'est un piège.", training.Legitimate: "Bonne réponse : ce message est légitime."},
		false: {training.Trap: "Raté : c'était un piège.", training.Legitimate: "Raté : ce message était légitime."},
	}[right][smp.Answer]
	wantShown(t, root, want)
	wantShown(t, root, smp.Lesson.FR)
	wantShown(t, root, "Ce qu'Hygie a repéré")
	rep, err := smp.Analyze(mail.NewAnalyzer(mail.Options{Lang: langFR}))
	if err != nil {
		t.Fatal(err)
	}
	wantShown(t, root, mailVerdictText(rep.Verdict)+" — ")
	for _, fd := range rep.Findings {
		wantShown(t, root, fd.Localized(langFR).Title)
	}
	m, _ := readSample(smp)
	_, domain, _ := strings.Cut(m.fromAddr, "@")
	if !markedOnScreen(root, domain) {
		t.Errorf("%s: the sender's domain %q is not marked after the answer", smp.ID, domain)
	}
	for _, l := range m.links {
		if !markedOnScreen(root, l.Host) {
			t.Errorf("%s: the link's host %q is not marked", smp.ID, l.Host)
		}
	}
	noHyperlink(t, root, smp.ID+" after the answer")
}

// markedOnScreen tells whether a rich text on screen has s as a bold,
// coloured run: a mark of the engine's findings.
func markedOnScreen(root fyne.CanvasObject, s string) bool {
	found := false
	walkObjects(root, func(o fyne.CanvasObject) bool {
		if rt, ok := o.(*widget.RichText); ok {
			for _, sg := range rt.Segments {
				ts, ok := sg.(*widget.TextSegment)
				if ok && ts.Text == s && ts.Style.TextStyle.Bold && ts.Style.ColorName != theme.ColorNameForeground {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

func TestQuizMarksPressureWordsAndTickedClues(t *testing.T) {
	f := newQuizFixture(t, newTestEnv(t))
	smp, _ := training.SampleByID("faux-ameli-carte-vitale")
	q := &quizPage{s: f.s, session: training.NewSession([]training.Sample{smp}, nil, f.s.rng), an: mail.NewAnalyzer(mail.Options{Lang: langFR})}
	q.showQuestion()
	if markedOnScreen(f.root, "sous 48 heures") {
		t.Error("the pressure words are marked before the answer")
	}
	// The clues fold under a disclosure: open it and tick the first clue of the sample.
	acc := findObject(f.root, func(o fyne.CanvasObject) bool { _, ok := o.(*disclosure); return ok }).(*disclosure)
	acc.Open()
	clue, _ := training.ClueByID(smp.Clues[0])
	label := findObject(f.root, func(o fyne.CanvasObject) bool {
		l, ok := o.(*toggleLabel)
		return ok && l.Text == clue.Label.FR
	}).(*toggleLabel)
	test.Tap(label)
	tapTraining(t, f.root, "C'est un piège")
	for _, s := range []string{"sous 48 heures", "arrive à expiration"} {
		if !markedOnScreen(f.root, s) {
			t.Errorf("pressure words %q not marked on the message", s)
		}
	}
	wantShown(t, f.root, "• "+clue.Label.FR+" (vous l'aviez repéré)")
	wantShown(t, f.root, "« sous 48 heures »; « arrive à expiration »") // the evidence as the message wrote it
}

func TestQuizWithoutDatabase(t *testing.T) {
	a := test.NewTempApp(t)
	SetupLanguage(langFR)
	f := newQuizFixture(t, opened(&Env{App: a}))
	wantShown(t, f.root, "Les scores ne peuvent pas être enregistrés")
	tapTraining(t, f.root, "Commencer")
	var missed []string
	for i := 0; i < training.SessionSize; i++ {
		smp := f.answer(t, i != 0)
		if i == 0 {
			missed = append(missed, smp.ID)
		}
		f.next(t)
	}
	wantShown(t, f.root, "4 bonnes réponses sur 5")
	wantShown(t, f.root, "Ce score n'est pas enregistré car les données d'Hygie sont indisponibles (voir l'accueil).")
	tapTraining(t, f.root, "Recommencer")
	var seen []string
	for i := 0; i < training.SessionSize; i++ {
		seen = append(seen, f.answer(t, true).ID)
		f.next(t)
	}
	if !slices.Contains(seen, missed[0]) {
		t.Errorf("without a database, missed %s did not come back in %v", missed[0], seen)
	}
}

func TestMatchSpans(t *testing.T) {
	for _, c := range []struct {
		text    string
		phrases []string
		want    []string
	}{
		{"Sans renouvellement sous 48 heures, vos remboursements", []string{"sous 48 heures"}, []string{"sous 48 heures"}},
		{"Votre carte Vitale arrive à\nexpiration.", []string{"arrive a expiration"}, []string{"arrive à\nexpiration"}},
		{"RÉGLEZ IMMÉDIATEMENT", []string{"immediatement"}, []string{"IMMÉDIATEMENT"}},
		{"c'est urgentissime", []string{"urgent"}, nil},                              // whole words only
		{"trop-perçu", []string{"trop-percu", "trop percu"}, []string{"trop-perçu"}}, // overlaps merged
		{"rien", []string{""}, nil},
	} {
		var got []string
		for _, sp := range matchSpans(c.text, c.phrases) {
			got = append(got, c.text[sp[0]:sp[1]])
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("matchSpans(%q, %q) = %q, want %q", c.text, c.phrases, got, c.want)
		}
	}
}
