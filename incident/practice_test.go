package incident

import (
	"strings"
	"testing"
	"time"

	"hygie/store"
)

func TestPracticeSavedAndReadBack(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	j, err := OpenJournal(db)
	if err != nil {
		t.Fatal(err)
	}
	if p, err := j.Practice(); err != nil || p != (Practice{}) {
		t.Fatalf("Practice before any save = %+v, %v; want the zero value", p, err)
	}
	want := Practice{Cabinet: "Cabinet de kinésithérapie du Port", Practitioner: "Élise Martin", ITName: "Info Services",
		ITPhone: "04 91 00 00 01", InsurerName: "MACSF", InsurerPhone: "01 71 14 32 33", InsurerContract: "RC-123456"}
	in := want
	in.Cabinet = "  " + in.Cabinet + " "
	if err := j.SavePractice(in); err != nil {
		t.Fatal(err)
	}
	want2 := want
	want2.ITPhone = "04 91 00 00 02"
	if err := j.SavePractice(want2); err != nil { // replaces, never adds a row
		t.Fatal(err)
	}
	db.Close()
	// Read back through a fresh connection: it was committed.
	db, err = store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	j, err = OpenJournal(db)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := j.Practice(); err != nil || got != want2 {
		t.Errorf("Practice = %+v, %v; want %+v", got, err, want2)
	}
	var rows int
	db.QueryRow(`SELECT COUNT(*) FROM incident_practice`).Scan(&rows)
	if rows != 1 {
		t.Errorf("%d rows in incident_practice, want 1", rows)
	}
}

// Phone numbers come first, the practice's own before the national ones,
// and websites second.
func TestDirectoryPhonesFirst(t *testing.T) {
	p := Practice{ITName: "Info Services", ITPhone: "04 91 00 00 01", InsurerName: "MACSF", InsurerPhone: "01 71 14 32 33", InsurerContract: "RC-1"}
	byPhone, online := Directory(p)
	if len(byPhone) < 3 || byPhone[0].ID != OwnIT || byPhone[1].ID != OwnInsurer {
		t.Fatalf("by phone = %+v, want the IT provider then the insurer first", byPhone)
	}
	if byPhone[0].Phone != p.ITPhone || !strings.Contains(byPhone[0].Name.FR, "Info Services") || !strings.Contains(byPhone[1].When.FR, "RC-1") {
		t.Errorf("own contacts = %+v %+v", byPhone[0], byPhone[1])
	}
	for _, c := range byPhone[2:] {
		if c.Phone == "" || c.Source == "" {
			t.Errorf("national contact %s listed by phone without a number or a source", c.ID)
		}
	}
	for _, c := range online {
		if c.ID == "assureur" || c.URL == "" && c.Phone != "" {
			t.Errorf("online list holds %s", c.ID)
		}
	}
	if len(byPhone)+len(online) < len(Contacts()) {
		t.Errorf("directory lost contacts: %d + %d < %d", len(byPhone), len(online), len(Contacts()))
	}
	if own, _ := Directory(Practice{}); own[0].Phone != "" || own[0].Name.FR != "Votre prestataire informatique" {
		t.Errorf("empty practice gives %+v", own[0])
	}
}

func TestJournalCarriesPracticeNames(t *testing.T) {
	at := time.Date(2026, 11, 22, 8, 30, 0, 0, time.UTC)
	got := RenderFor(Practice{Cabinet: "Cabinet du Port", Practitioner: "Élise Martin", InsurerName: "MACSF", InsurerContract: "RC-1"},
		[]Entry{{At: at, Note: "Réseau débranché"}}, time.UTC)
	for _, w := range []string{"Cabinet : Cabinet du Port", "Praticien : Élise Martin", "Assureur : MACSF, contrat n° RC-1", "Réseau débranché"} {
		if !strings.Contains(got, w) {
			t.Errorf("journal lacks %q:\n%s", w, got)
		}
	}
	if plain := Render(nil, time.UTC); strings.Contains(plain, "Cabinet :") {
		t.Errorf("journal without practice names one:\n%s", plain)
	}
}
