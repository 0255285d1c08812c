package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hygie/incident"
)

func init() {
	// The clocks count down on a ticker in the app; the tests move
	// incidentNow instead, so no goroutine touches a screen behind them.
	clockEvery = 0
}

// fixIncidentNow sets the incident screen's clock to now for the test.
func fixIncidentNow(t *testing.T, now time.Time) {
	t.Helper()
	old := incidentNow
	incidentNow = func() time.Time { return now }
	t.Cleanup(func() { incidentNow = old })
}

// pdfWords is the text of a PDF file as pdftotext reads it, runs of
// spaces and line ends made one space.
func pdfWords(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// overlayButton is the button with text in the dialog on top of w.
func overlayButton(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog open")
	}
	b, _ := asButton(findObject(top, func(o fyne.CanvasObject) bool {
		b, ok := asButton(o)
		return ok && b.Text == text
	}))
	if b == nil {
		t.Fatalf("no button %q in the dialog", text)
	}
	return b
}

func TestExportWritesJournalAndForm(t *testing.T) {
	env := newTestEnv(t)
	found := time.Date(2026, 11, 30, 8, 15, 0, 0, time.Local)
	fixIncidentNow(t, found.Add(2*time.Hour))
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(env.journal.SavePractice(incident.Practice{Cabinet: "Cabinet de kinésithérapie Martin", Practitioner: "Marie Martin"}))
	_, err := env.journal.Add(found.Add(5*time.Minute), "disconnect", "Câble réseau débranché du PC de l'accueil")
	must(err)
	_, err = env.journal.Add(found.Add(20*time.Minute), "call_help", "Appel à Informatique Ouest Santé")
	must(err)

	s := newIncidentScreen(env)
	w := test.NewTempWindow(t, s.content())
	w.Resize(goldenSize)
	env.Win = w
	out := filepath.Join(t.TempDir(), "dossier.pdf")
	var offered string
	s.export.save = func(_ fyne.Window, name string, write func(fyne.URIWriteCloser)) {
		offered = name
		wc, err := storage.Writer(storage.NewFileURI(out))
		must(err)
		write(wc)
	}

	tapButton(t, w.Content(), "Préparer le dossier PDF…")
	f := s.export.form
	if f == nil {
		t.Fatal("no form after « Préparer le dossier PDF… »")
	}
	if f.practice.Text != "Cabinet de kinésithérapie Martin" || f.author.Text != "Marie Martin" {
		t.Errorf("form names = %q, %q; want those of Réglages", f.practice.Text, f.author.Text)
	}
	if f.found.Text != "30/11/2026 08:20" {
		t.Errorf("discovery offered = %q, want the first journal entry's time", f.found.Text)
	}
	f.found.SetText("")
	test.Type(f.found, "30/11/2026 08:15")
	test.Type(f.what, "Écran de rançon « Vos fichiers sont chiffrés » sur le PC de l'accueil.")
	test.Tap(f.cats["health"])
	test.Type(f.other, "agenda papier")
	test.Type(f.patients, "850")
	test.Type(f.consequences, "Agenda et bilans inaccessibles.")
	test.Type(f.measures, "Poste isolé, sauvegarde hors ligne intacte.")
	test.Type(f.calls, "10 h 05, gendarmerie de Rennes, plainte")
	test.Tap(overlayButton(t, w, "Enregistrer le PDF…"))

	if offered != "incident-2026-11-30.pdf" {
		t.Errorf("file name offered = %q, want the day's", offered)
	}
	if _, err := os.Stat(out); err != nil {
		t.Fatalf("no PDF written: %v (status %q)", err, s.export.status.Text)
	}
	text := pdfWords(t, out)
	for _, want := range []string{
		"Cabinet de kinésithérapie Martin", "Marie Martin", "Découverte de l'attaque : 30/11/2026 à 08:15",
		"« Vos fichiers sont chiffrés »", "données de santé", "agenda papier", "environ 850",
		"Agenda et bilans inaccessibles", "sauvegarde hors ligne intacte", "10 h 05, gendarmerie de Rennes, plainte",
		"30/11/2026 08:20 Câble réseau débranché du PC de l'accueil", "Appel à Informatique Ouest Santé",
		"reste 2 jours et 22 heures",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q:\n%s", want, text)
		}
	}
	if !strings.HasPrefix(s.export.status.Text, "Dossier enregistré : ") || len(s.export.saved.Objects) != 2 {
		t.Errorf("after saving: status %q, %d buttons; want « Dossier enregistré » with Ouvrir and Afficher le dossier",
			s.export.status.Text, len(s.export.saved.Objects))
	}
	// What was typed is kept for next time, and the clocks follow it.
	saved, err := env.form.Load()
	must(err)
	if saved.Patients != 850 || !saved.Discovered.Equal(found) || len(saved.Calls) != 1 {
		t.Errorf("saved form = %+v", saved)
	}
	if s.clocks.found.Text != "30/11/2026 08:15" {
		t.Errorf("clocks' « Découvert le » = %q after the form", s.clocks.found.Text)
	}
}

func TestExportFormSaysWhatToCorrect(t *testing.T) {
	env := newTestEnv(t)
	s := newIncidentScreen(env)
	w := test.NewTempWindow(t, s.content())
	w.Resize(goldenSize)
	env.Win = w
	wrote := false
	s.export.save = func(fyne.Window, string, func(fyne.URIWriteCloser)) { wrote = true }
	tapButton(t, w.Content(), "Préparer le dossier PDF…")
	test.Type(s.export.form.found, "lundi matin")
	test.Tap(overlayButton(t, w, "Enregistrer le PDF…"))
	if wrote {
		t.Error("a PDF was offered with a discovery time nobody can read")
	}
	if p := s.export.form.problem; !p.Visible() || !strings.Contains(p.Text, "30/11/2026 08:15") {
		t.Errorf("problem shown = %v %q, want how to write the time", p.Visible(), p.Text)
	}
	overlayButton(t, w, "Enregistrer le PDF…") // the form is back on screen
}
