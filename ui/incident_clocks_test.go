package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestClocksShowOnceDiscoveredAndCountDown(t *testing.T) {
	env := newTestEnv(t)
	found := time.Date(2026, 11, 30, 8, 15, 0, 0, time.Local)
	fixIncidentNow(t, found.Add(time.Hour))
	s := newIncidentScreen(env)
	test.NewTempWindow(t, s.content())
	if n := len(s.clocks.clocks.Objects); n != 0 || !strings.Contains(s.clocks.hint.Text, "s'afficheront") {
		t.Fatalf("no discovery yet: %d clocks, hint %q; want none and why", n, s.clocks.hint.Text)
	}

	// The first journal entry starts them.
	if _, err := env.journal.Add(found, "disconnect", "Câble débranché"); err != nil {
		t.Fatal(err)
	}
	s.refreshJournal()
	got := texts(s.clocks.clocks)
	for _, want := range []string{"Notifier la violation de données à la CNIL", "Il reste 2 jours et 23 heures (échéance : 3 décembre 2026 à 08:15).",
		"Porter plainte pour être indemnisé par l'assurance cyber", "L12-10-1", "article 33"} {
		if !strings.Contains(got, want) {
			t.Errorf("clocks lack %q:\n%s", want, got)
		}
	}
	if !strings.Contains(s.clocks.hint.Text, "première entrée du journal") {
		t.Errorf("hint %q does not say the time comes from the journal", s.clocks.hint.Text)
	}

	// « Découvert le » wins over the journal, and is kept.
	test.Type(s.clocks.found, "29/11/2026 20:00")
	if got := texts(s.clocks.clocks); !strings.Contains(got, "Il reste 2 jours et 10 heures") {
		t.Errorf("after « Découvert le » 29/11 20:00 at 30/11 09:15: %s", got)
	}
	if f, _ := env.form.Load(); !f.Discovered.Equal(time.Date(2026, 11, 29, 20, 0, 0, 0, time.Local)) {
		t.Errorf("discovery saved = %v", f.Discovered)
	}

	// Once passed, the clock says so, in red.
	fixIncidentNow(t, time.Date(2026, 12, 2, 23, 0, 0, 0, time.Local))
	s.clocks.refresh()
	if got := texts(s.clocks.clocks); !strings.Contains(got, "Délai dépassé de 3 heures (échéance : 2 décembre 2026 à 20:00).") {
		t.Errorf("passed deadline: %s", got)
	}
	red := findLabel(s.clocks.clocks, "Délai dépassé de 3 heures (échéance : 2 décembre 2026 à 20:00).")
	if red == nil || red.Importance != widget.DangerImportance {
		t.Error("a passed deadline is not shown as a danger")
	}
}

func TestClocksInEnglish(t *testing.T) {
	env := newTestEnv(t)
	SetupLanguage(langEN)
	t.Cleanup(func() { SetupLanguage(langFR) })
	found := time.Date(2026, 11, 30, 8, 15, 0, 0, time.Local)
	fixIncidentNow(t, found.Add(71*time.Hour))
	if _, err := env.journal.Add(found, "disconnect", "Cable unplugged"); err != nil {
		t.Fatal(err)
	}
	s := newIncidentScreen(env)
	test.NewTempWindow(t, s.content())
	got := texts(s.clocks.clocks)
	for _, want := range []string{"Notify the data breach to the CNIL", "1 hour left (deadline: 3 December 2026 at 08:15).", "GDPR"} {
		if !strings.Contains(got, want) {
			t.Errorf("English clocks lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "heure") || strings.Contains(got, "reste") {
		t.Errorf("French in the English clocks: %s", got)
	}
}
