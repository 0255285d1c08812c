package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// orderedTexts lists, in reading order, the labels and links under o.
func orderedTexts(o fyne.CanvasObject) []string {
	var out []string
	switch v := o.(type) {
	case *widget.Label:
		out = append(out, v.Text)
	case *widget.Hyperlink:
		out = append(out, v.Text)
	case *widget.Card:
		out = append(out, orderedTexts(v.Content)...)
	case *fyne.Container:
		for _, c := range v.Objects {
			out = append(out, orderedTexts(c)...)
		}
	}
	return out
}

func indexContaining(list []string, s string) int {
	for i, l := range list {
		if strings.Contains(l, s) {
			return i
		}
	}
	return -1
}

// What Réglages saves about the practice is read back, lists the practice's
// own numbers first in « Qui appeler », before the national numbers and
// their source, websites last, and heads the copied journal.
func TestPracticeContactsFromSettingsToIncident(t *testing.T) {
	env := newTestEnv(t)
	c := newPracticeCard(env)
	test.NewTempWindow(t, c.content())
	test.Type(c.cabinet, "Cabinet du Port")
	test.Type(c.practitioner, "Élise Martin")
	test.Type(c.itName, "Info Services")
	test.Type(c.itPhone, "04 91 00 00 01")
	test.Type(c.insurerName, "MACSF")
	test.Type(c.insurerPhone, "01 71 14 32 33")
	test.Type(c.insurerContract, "RC-123")
	test.Tap(c.save)
	if !strings.Contains(c.status.Text, "Enregistré") {
		t.Fatalf("status after saving: %q", c.status.Text)
	}
	again := newPracticeCard(env)
	again.content()
	if again.practice() != c.practice() {
		t.Errorf("read back %+v, want %+v", again.practice(), c.practice())
	}

	s := newIncidentScreen(env)
	test.NewTempWindow(t, s.content())
	got := orderedTexts(s.contactsCard())
	it, ins := indexContaining(got, "Info Services"), indexContaining(got, "MACSF")
	ecps, src := indexContaining(got, "Support e-CPS (ANS) — 0 806 800 213"), indexContaining(got, "Source du numéro : Ordre des pharmaciens")
	web := indexContaining(got, "https://17cyber.gouv.fr")
	if it < 0 || indexContaining(got, "Info Services — 04 91 00 00 01") != it || ins < it || ecps < ins || src < ecps || web < src {
		t.Errorf("contacts not in the order own phones, national phones with source, websites: %q", got)
	}
	if !strings.Contains(got[indexContaining(got, "RC-123")], "Contrat n° RC-123") {
		t.Errorf("insurer's contract number missing: %q", got)
	}

	test.Type(s.note, "Réseau débranché")
	s.onAddNote()
	s.onCopy()
	if clip := env.App.Clipboard().Content(); !strings.Contains(clip, "Cabinet : Cabinet du Port") || !strings.Contains(clip, "Praticien : Élise Martin") {
		t.Errorf("copied journal lacks the names:\n%s", clip)
	}
}

// Until they are entered, the practice's own contacts say where to enter
// them; without a database the card says it cannot save.
func TestPracticeContactsMissing(t *testing.T) {
	env := newTestEnv(t)
	s := newIncidentScreen(env)
	test.NewTempWindow(t, s.content())
	got := orderedTexts(s.contactsCard())
	if i := indexContaining(got, "Votre prestataire informatique"); i < 0 || !strings.Contains(got[i+1], "Réglages") {
		t.Errorf("missing IT number does not point to Réglages: %q", got)
	}
	a := test.NewTempApp(t)
	c := newPracticeCard(opened(&Env{App: a}))
	test.NewTempWindow(t, c.content())
	if !c.save.Disabled() || !strings.Contains(c.status.Text, "indisponibles") {
		t.Errorf("without a database: save disabled %v, status %q", c.save.Disabled(), c.status.Text)
	}
}

func TestRestartOfferedOnlyWhenTheLanguageChanges(t *testing.T) {
	cases := []struct {
		choice, system, running string
		want                    bool
	}{
		{langEN, "fr", langFR, true},
		{langFR, "fr", langFR, false},
		{"", "fr", langFR, false},
		{"", "en", langFR, true},
		{langFR, "en", langEN, true},
		{"", "en", langEN, false},
	}
	for _, c := range cases {
		if got := restartNeeded(c.choice, c.system, c.running); got != c.want {
			t.Errorf("restartNeeded(%q, %q, %q) = %v, want %v", c.choice, c.system, c.running, got, c.want)
		}
	}
}

func TestRestartButtonRelaunches(t *testing.T) {
	a := test.NewTempApp(t)
	SetupLanguage(langFR)
	called := 0
	saved := relaunch
	relaunch = func(fyne.App) error { called++; return nil }
	defer func() { relaunch = saved }()
	card := languageCard(&Env{App: a})
	test.NewTempWindow(t, card)
	btn := findButton(card, lang.X("settings.lang.restart.now", "Redémarrer maintenant"))
	if btn == nil || btn.Visible() {
		t.Fatal("no restart button, or shown before any choice")
	}
	findSelect(card).SetSelected("Français") // the language already spoken
	if btn.Visible() {
		t.Error("restart offered although the language does not change")
	}
	findSelect(card).SetSelected("English")
	if !btn.Visible() {
		t.Fatal("no restart offered after choosing English")
	}
	test.Tap(btn)
	if called != 1 {
		t.Errorf("relaunch called %d times, want 1", called)
	}
}

func findButton(o fyne.CanvasObject, text string) *widget.Button {
	switch v := o.(type) {
	case *widget.Button:
		if v.Text == text {
			return v
		}
	case *button:
		if v.Text == text {
			return &v.Button
		}
	case *widget.Card:
		return findButton(v.Content, text)
	case *fyne.Container:
		for _, c := range v.Objects {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}
