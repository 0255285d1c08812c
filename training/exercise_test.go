package training

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"hygie/incident"
	"hygie/store"
)

func TestScenariosAreCompleteAndUseIncidentIDs(t *testing.T) {
	steps := map[string]bool{}
	for _, s := range incident.Steps() {
		steps[s.ID] = true
	}
	contacts := map[string]bool{}
	for _, c := range incident.Contacts() {
		contacts[c.ID] = true
	}
	if len(Scenarios()) < 2 {
		t.Fatalf("%d scenarios, want at least 2", len(Scenarios()))
	}
	for _, sc := range Scenarios() {
		if !sc.Title.Complete() || !sc.Intro.Complete() || len(sc.Situations) == 0 {
			t.Errorf("scenario %s: incomplete", sc.ID)
		}
		for _, sit := range sc.Situations {
			good := 0
			if !sit.Text.Complete() || len(sit.Choices) < 2 {
				t.Errorf("%s/%s: text missing or fewer than two choices", sc.ID, sit.ID)
			}
			for _, c := range sit.Choices {
				if c.Good {
					good++
				}
				if !c.Text.Complete() || !c.Feedback.Complete() || len(c.Steps) == 0 {
					t.Errorf("%s/%s/%s: text, feedback or steps missing", sc.ID, sit.ID, c.ID)
				}
				for _, id := range c.Steps {
					if !steps[id] {
						t.Errorf("%s/%s/%s: unknown incident step %q", sc.ID, sit.ID, c.ID, id)
					}
				}
				for _, id := range c.Contacts {
					if !contacts[id] {
						t.Errorf("%s/%s/%s: unknown incident contact %q", sc.ID, sit.ID, c.ID, id)
					}
				}
			}
			if good != 1 {
				t.Errorf("%s/%s: %d right choices, want exactly one", sc.ID, sit.ID, good)
			}
		}
		var preps []string
		for _, p := range sc.Debrief {
			preps = append(preps, p.ID)
			if !p.Text.Complete() {
				t.Errorf("%s: debrief %s not in both languages", sc.ID, p.ID)
			}
		}
		for _, must := range []string{"provider_number", "offline_backup", "contacts_printed"} {
			if !slices.Contains(preps, must) {
				t.Errorf("%s: debrief lacks %s", sc.ID, must)
			}
		}
	}
	for _, id := range []string{"ransomware-accueil", "mailbox-invoices"} {
		if _, ok := ScenarioByID(id); !ok {
			t.Errorf("scenario %s missing", id)
		}
	}
}

func TestExerciseRunIsRecordedAsExercise(t *testing.T) {
	db, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	j, err := incident.OpenJournal(db)
	if err != nil {
		t.Fatal(err)
	}
	sc, _ := ScenarioByID("ransomware-accueil")
	run := Start(sc)
	for _, sit := range sc.Situations {
		choice := goodChoice(sit).ID
		if sit.ID == "declare" {
			choice = "later"
		}
		c, err := run.Choose(sit.ID, choice)
		if err != nil || c.Feedback.FR == "" {
			t.Fatalf("Choose(%s, %s) = %+v, %v", sit.ID, choice, c, err)
		}
	}
	if _, err := run.Choose("screen", "dance"); !errors.Is(err, ErrUnknownChoice) {
		t.Errorf("Choose(unknown) = %v, want ErrUnknownChoice", err)
	}
	o := run.Outcome()
	if o.Good != o.Total-1 || len(o.ToReview) != 1 || o.ToReview[0].ID != "declare" {
		t.Errorf("Outcome() = %+v, want all but declare", o)
	}
	e, err := run.Record(j, time.Date(2026, 12, 7, 8, 30, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if e.Kind != incident.KindExercise || !strings.Contains(e.Note, "5 bonnes réponses sur 6") || !strings.Contains(e.Note, "À revoir : Porter plainte") {
		t.Errorf("Record = %+v, want an exercise entry with the score and what to review", e)
	}
	entries, _ := j.Entries()
	if len(incident.Of(entries, incident.KindIncident)) != 0 {
		t.Errorf("an exercise wrote a real incident entry: %+v", entries)
	}
}

func TestExerciseRecordedInTheScreensLanguage(t *testing.T) {
	db, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	j, err := incident.OpenJournal(db)
	if err != nil {
		t.Fatal(err)
	}
	sc, _ := ScenarioByID("mailbox-invoices")
	run := Start(sc)
	for _, sit := range sc.Situations[1:] {
		if _, err := run.Choose(sit.ID, GoodChoice(sit).ID); err != nil {
			t.Fatal(err)
		}
	}
	at := time.Date(2026, 12, 7, 8, 30, 0, 0, time.UTC)
	for _, c := range []struct{ lang, want string }{
		{"en", "Exercise “" + sc.Title.EN + "”: 4 right answers out of 5. To review: " + GoodChoice(sc.Situations[0]).Text.EN + "."},
		{"fr", "Exercice « " + sc.Title.FR + " » : 4 bonnes réponses sur 5. À revoir : " + GoodChoice(sc.Situations[0]).Text.FR + "."},
	} {
		e, err := run.RecordIn(j, at, c.lang)
		if err != nil {
			t.Fatal(err)
		}
		if e.Note != c.want || e.Kind != incident.KindExercise {
			t.Errorf("RecordIn(%s) = %q (%s), want %q (exercise)", c.lang, e.Note, e.Kind, c.want)
		}
	}
}
