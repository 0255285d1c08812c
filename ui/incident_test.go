package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"hygie/incident"
)

func TestIncidentStepsAreJournaled(t *testing.T) {
	env := newTestEnv(t)
	s := newIncidentScreen(env)
	test.NewTempWindow(t, s.content())

	test.Tap(s.checks["disconnect"])
	test.Type(s.note, "Message de rançon à l'écran")
	s.onAddNote()
	test.Tap(s.checks["disconnect"]) // unticking does not erase history

	j, _ := incident.OpenJournal(env.DB)
	entries, _ := j.Entries()
	if len(entries) != 2 || entries[0].StepID != "disconnect" {
		t.Fatalf("journal = %+v, want the step then the note", entries)
	}
	if !strings.Contains(s.list.Text, "Message de rançon") || s.note.Text != "" {
		t.Errorf("journal shows %q and entry keeps %q; want the note listed and the entry cleared", s.list.Text, s.note.Text)
	}
	again := newIncidentScreen(opened(&Env{App: env.App, DB: env.DB}))
	test.NewTempWindow(t, again.content())
	if !again.checks["disconnect"].Checked {
		t.Error("a step already in the journal is not ticked when the screen reopens")
	}
}

func TestIncidentWithoutDatabaseSaysSo(t *testing.T) {
	a := test.NewTempApp(t)
	SetupLanguage(langFR)
	s := newIncidentScreen(opened(&Env{App: a}))
	test.NewTempWindow(t, s.content())
	if !s.note.Disabled() || !strings.Contains(s.status.Text, "papier") {
		t.Errorf("without a database: note disabled=%v, status %q; want disabled and advice to write on paper", s.note.Disabled(), s.status.Text)
	}
}

func TestIncidentCopy(t *testing.T) {
	env := newTestEnv(t)
	s := newIncidentScreen(env)
	test.NewTempWindow(t, s.content())
	test.Type(s.note, "9 h 10, écran de rançon")
	s.onAddNote()
	s.onCopy()
	if got := env.App.Clipboard().Content(); !strings.Contains(got, "écran de rançon") || !strings.Contains(s.status.Text, "copié") {
		t.Errorf("clipboard %q, status %q", got, s.status.Text)
	}
	env.App.Clipboard().SetContent("")
	env.DB.Close() // the journal can no longer be read
	s.onCopy()
	if env.App.Clipboard().Content() != "" || !strings.Contains(s.status.Text, "rien n'a été copié") {
		t.Errorf("after a read failure: clipboard %q, status %q", env.App.Clipboard().Content(), s.status.Text)
	}
}
