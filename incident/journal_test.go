package incident

import (
	"errors"
	"strings"
	"testing"
	"time"

	"hygie/store"
)

func openJournal(t *testing.T) *Journal {
	t.Helper()
	db, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	j, err := OpenJournal(db)
	if err != nil {
		t.Fatal(err)
	}
	return j
}

func TestJournalKeepsEntriesInOrder(t *testing.T) {
	j := openJournal(t)
	t0 := time.Date(2026, 11, 22, 8, 30, 0, 0, time.FixedZone("CET", 3600))
	if _, err := j.Add(t0.Add(time.Hour), "", "Prestataire appelé"); err != nil {
		t.Fatal(err)
	}
	if _, err := j.Add(t0, "disconnect", "  Câble débranché  "); err != nil {
		t.Fatal(err)
	}
	got, err := j.Entries()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Note != "Câble débranché" || got[1].Note != "Prestataire appelé" {
		t.Fatalf("Entries() = %+v, want the two notes, oldest first, trimmed", got)
	}
	if !got[0].At.Equal(t0) {
		t.Errorf("first entry at %v, want %v", got[0].At, t0)
	}
	done, _ := j.Done()
	if !done["disconnect"] || len(done) != 1 {
		t.Errorf("Done() = %v, want only disconnect", done)
	}
	text := Render(got, time.FixedZone("CET", 3600))
	if !strings.Contains(text, "22/11/2026 08:30  Câble débranché") {
		t.Errorf("Render = %q, want the local time and note", text)
	}
}

func TestJournalRefusesEmptyNote(t *testing.T) {
	j := openJournal(t)
	if _, err := j.Add(time.Now(), "", "   "); !errors.Is(err, ErrEmptyNote) {
		t.Errorf("Add(blank) = %v, want ErrEmptyNote", err)
	}
}

func TestStepsAndContactsAreComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range Steps() {
		if s.ID == "" || s.Title.FR == "" || s.Title.EN == "" || s.Why.FR == "" || s.Why.EN == "" || seen[s.ID] {
			t.Errorf("step %q is incomplete or duplicated", s.ID)
		}
		seen[s.ID] = true
	}
	for _, c := range Contacts() {
		if c.When.FR == "" || c.When.EN == "" {
			t.Errorf("contact %s has no explanation in both languages", c.ID)
		}
		if c.URL != "" && !strings.HasPrefix(c.URL, "https://") {
			t.Errorf("contact %s: URL %q is not https", c.ID, c.URL)
		}
	}
}

func TestExerciseEntriesStayApart(t *testing.T) {
	j := openJournal(t)
	t0 := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	if _, err := j.AddKind(t0, KindExercise, "disconnect", "Exercice : câble débranché"); err != nil {
		t.Fatal(err)
	}
	if _, err := j.Add(t0.Add(time.Minute), "", "Vrai incident : écran bloqué"); err != nil {
		t.Fatal(err)
	}
	got, _ := j.Entries()
	if len(got) != 2 || got[0].Kind != KindExercise || got[1].Kind != KindIncident {
		t.Fatalf("Entries() = %+v, want an exercise then an incident", got)
	}
	if real := Of(got, KindIncident); len(real) != 1 || real[0].Note != "Vrai incident : écran bloqué" {
		t.Errorf("Of(incident) = %+v, want only the real entry", real)
	}
	if done, _ := j.Done(); done["disconnect"] {
		t.Error("Done() counts a step rehearsed in an exercise")
	}
	if text := Render(got, time.UTC); !strings.Contains(text, "09:00  [exercice] Exercice") {
		t.Errorf("Render = %q, want the exercise marked", text)
	}
}

// TestKindMigrationKeepsOldEntries opens a journal written before the kind
// column existed: its entries become real incidents.
func TestKindMigrationKeepsOldEntries(t *testing.T) {
	db, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := store.Migrate(db, "incident", migrations); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO incident_journal(at, step_id, note) VALUES('2026-11-20T08:00:00Z', 'evidence', 'Photo de l''écran')`); err != nil {
		t.Fatal(err)
	}
	j, err := OpenJournal(db)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := j.Entries()
	if len(got) != 1 || got[0].Kind != KindIncident {
		t.Errorf("Entries() after migration = %+v, want the old entry as an incident", got)
	}
	if _, err := OpenJournal(db); err != nil {
		t.Errorf("second OpenJournal: %v", err)
	}
}
