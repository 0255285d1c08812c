package export

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hygie/incident"
	"hygie/store"
)

var paris = time.FixedZone("CET", 3600)

func TestClocks(t *testing.T) {
	found := time.Date(2026, 11, 30, 8, 15, 0, 0, paris)
	cases := []struct {
		now     time.Time
		overdue bool
		words   string
		english string
	}{
		{found.Add(time.Hour), false, "2 jours et 23 heures", "2 days and 23 hours"},
		{found.Add(71*time.Hour + 20*time.Minute), false, "40 minutes", "40 minutes"},
		{found.Add(71 * time.Hour), false, "1 heure", "1 hour"},
		{found.Add(Window), false, "0 minute", "0 minutes"},
		{found.Add(75 * time.Hour), true, "délai dépassé de 3 heures", "deadline passed by 3 hours"},
		{found.Add(97*time.Hour + time.Minute), true, "délai dépassé de 1 jour et 1 heure", "deadline passed by 1 day and 1 hour"},
	}
	for _, tc := range cases {
		cl := Clocks(found, tc.now)
		if len(cl) != 2 || cl[0].ID != "cnil" || cl[1].ID != "complaint" {
			t.Fatalf("Clocks = %+v, want the CNIL and complaint clocks", cl)
		}
		for _, c := range cl {
			if !c.Deadline.Equal(time.Date(2026, 12, 3, 8, 15, 0, 0, paris)) || c.Overdue != tc.overdue {
				t.Errorf("Clocks(%v).%s = %v overdue %v, want 03/12 08:15 overdue %v", tc.now, c.ID, c.Deadline, c.Overdue, tc.overdue)
			}
			if got := Remaining(c); got != tc.words {
				t.Errorf("Remaining at %v = %q, want %q", tc.now, got, tc.words)
			}
			if got := RemainingText(c); got.FR != tc.words || got.EN != tc.english {
				t.Errorf("RemainingText at %v = %+v, want %q / %q", tc.now, got, tc.words, tc.english)
			}
			if !c.Name.Complete() || !c.Basis.Complete() {
				t.Errorf("clock %s not written in both languages", c.ID)
			}
		}
	}
	if !strings.Contains(Clocks(found, found)[1].Basis.FR, "L12-10-1") || !strings.Contains(Clocks(found, found)[0].Basis.FR, "article 33") {
		t.Error("clocks must name their legal basis")
	}
}

func pdfText(t *testing.T, b []byte) string {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "x.pdf")
	if err := os.WriteFile(in, b, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func TestPDFGathersWhatCNILAndInsurerAsk(t *testing.T) {
	found := time.Date(2026, 11, 30, 8, 15, 0, 0, paris)
	entries := []incident.Entry{
		{At: found.Add(5 * time.Minute), StepID: "disconnect", Note: "Câble réseau débranché du PC de l'accueil", Kind: incident.KindIncident},
		{At: found.Add(20 * time.Minute), StepID: "call_help", Note: "Appel à Informatique Ouest Santé", Kind: incident.KindIncident},
		{At: found.Add(-48 * time.Hour), StepID: "disconnect", Note: "Exercice du lundi", Kind: incident.KindExercise},
	}
	d := Data{Generated: found.Add(2 * time.Hour), Loc: paris, Entries: entries, Form: Form{
		Practice: "Cabinet de kinésithérapie Martin", Author: "Marie Martin", Discovered: found,
		What:           "Écran de rançon « Vos fichiers sont chiffrés » sur le PC de l'accueil.",
		DataCategories: []string{"identity", "health", "agenda papier"}, Patients: 850,
		Consequences: "Agenda et bilans inaccessibles ; risque de divulgation.",
		Measures:     "Poste isolé, mots de passe changés, sauvegarde hors ligne intacte.",
		Calls:        []Call{{Who: "Gendarmerie de Rennes", At: found.Add(3 * time.Hour), Note: "plainte"}},
	}}
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		t.Fatal(err)
	}
	// pdftotext keeps words, not runs of spaces.
	text := strings.Join(strings.Fields(pdfText(t, buf.Bytes())), " ")
	for _, want := range []string{
		"Dossier d'incident informatique", "Cabinet de kinésithérapie Martin",
		"Découverte de l'attaque : 30/11/2026 à 08:15",
		"Notifier la violation de données à la CNIL : avant le 03/12/2026 à 08:15",
		"reste 2 jours et 22 heures", "L12-10-1",
		"« Vos fichiers sont chiffrés »", "données de santé", "agenda papier", "environ 850",
		"Agenda et bilans inaccessibles", "sauvegarde hors ligne intacte",
		"Gendarmerie de Rennes : plainte", "Appel à Informatique Ouest Santé",
		"30/11/2026 08:20 Câble réseau débranché",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Exercice du lundi") {
		t.Error("PDF shows an exercise entry; exercises stay out of the incident file")
	}
}

func TestPDFWithEmptyFormSaysWhatIsMissing(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, Data{Generated: time.Date(2026, 12, 1, 9, 0, 0, 0, paris), Loc: paris}); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, buf.Bytes())
	if !strings.Contains(text, "non renseigné") || !strings.Contains(text, "ne peuvent pas être calculés") {
		t.Errorf("empty PDF = %q, want « non renseigné » and no clocks", text)
	}
}

func TestStoreKeepsTheForm(t *testing.T) {
	db, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if f, err := s.Load(); err != nil || !f.Discovered.IsZero() || f.What != "" {
		t.Fatalf("Load on a fresh database = %+v, %v; want an empty form", f, err)
	}
	found := time.Date(2026, 11, 30, 8, 15, 0, 0, paris)
	want := Form{Discovered: found, What: "Écran de rançon", DataCategories: []string{"health"}, Patients: 40,
		Calls: []Call{{Who: "Prestataire"}}}
	for range 2 { // saving twice replaces, never adds
		if err := s.Save(want); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if !got.Discovered.Equal(found) || got.What != want.What || got.Patients != 40 || len(got.DataCategories) != 1 || len(got.Calls) != 1 {
		t.Errorf("Load after Save = %+v, want %+v", got, want)
	}
}
