package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"hygie/incident"
	"hygie/training"
)

func TestExerciseWalkedToDebriefIsNotedAsExercise(t *testing.T) {
	env := newTestEnv(t)
	f := newQuizFixture(t, env)
	sc, _ := training.ScenarioByID("ransomware-accueil")
	tapStartExercise(t, f.root, sc, langFR)
	walkExercise(t, f.root, sc, langFR, func(page string) {
		switch page {
		case "screen":
			wantShown(t, f.root, "Situation 1 sur 6")
			wantShown(t, f.root, sc.Situations[0].Text.FR)
		case "screen feedback": // a wrong move first
			wantShown(t, f.root, "Pas le bon réflexe.")
			wantShown(t, f.root, sc.Situations[0].Choices[1].Feedback.FR)
			wantShown(t, f.root, "Étape 1 : "+incident.Steps()[0].Title.FR)
		case "call feedback": // the right one, with whom to call
			wantShown(t, f.root, "Bon réflexe.")
			wantShown(t, f.root, "17Cyber")
		}
	})
	wantShown(t, f.root, "Bilan de l'exercice : "+sc.Title.FR)
	wantShown(t, f.root, "5 bons réflexes sur 6")
	wantShown(t, f.root, "• "+training.GoodChoice(sc.Situations[0]).Text.FR)
	wantShown(t, f.root, "Exercice noté dans le journal")
	for _, p := range sc.Debrief {
		wantShown(t, f.root, p.Text.FR)
	}
	wantShown(t, f.root, "Pas encore noté dans Réglages.")
	if trainingButton(f.root, "Ouvrir Réglages") == nil {
		t.Error("no way to Réglages while the IT provider's number is missing")
	}
	entries, err := env.journal.Entries()
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Kind != incident.KindExercise || !strings.Contains(entries[0].Note, "5 bonnes réponses sur 6") {
		t.Fatalf("journal = %+v, want one exercise entry with the score", entries)
	}
	if done, _ := env.journal.Done(); len(done) != 0 {
		t.Errorf("an exercise ticked incident steps: %v", done)
	}

	// With the provider's number saved, the debrief says it is ready.
	if err := env.journal.SavePractice(incident.Practice{ITName: "Informatique Ouest Santé", ITPhone: "02 41 00 00 00"}); err != nil {
		t.Fatal(err)
	}
	tapTraining(t, f.root, "Refaire l'exercice")
	walkExercise(t, f.root, sc, langFR, func(string) {})
	wantShown(t, f.root, "Déjà noté dans Réglages : Informatique Ouest Santé, 02 41 00 00 00.")
}

func TestExerciseWithoutDatabaseSaysSo(t *testing.T) {
	a := test.NewTempApp(t)
	SetupLanguage(langFR)
	f := newQuizFixture(t, opened(&Env{App: a}))
	wantShown(t, f.root, "Le résultat ne pourra pas être noté dans le journal")
	sc, _ := training.ScenarioByID("mailbox-invoices")
	tapStartExercise(t, f.root, sc, langFR)
	walkExercise(t, f.root, sc, langFR, func(string) {})
	wantShown(t, f.root, "4 bons réflexes sur 5")
	wantShown(t, f.root, "Cet exercice n'est pas noté dans le journal car les données d'Hygie sont indisponibles (voir l'accueil).")
	if shows(f.root, "Pas encore noté dans Réglages.") {
		t.Error("without a database the debrief claims to know Réglages")
	}
}
