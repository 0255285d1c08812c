package guides

import (
	"database/sql"
	"errors"
	"testing"
	"time"

	"hygie/store"
)

func openDB(t *testing.T) *sql.DB {
	t.Helper()
	db, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func openState(t *testing.T, db *sql.DB) *State {
	t.Helper()
	s, err := OpenState(db)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestStateFavoriteAndRead(t *testing.T) {
	s := openState(t, openDB(t))
	now := time.Date(2026, 11, 22, 20, 0, 0, 0, time.UTC)
	if m, err := s.Mark("sauvegardes"); err != nil || m != (Mark{}) {
		t.Fatalf("Mark of an untouched guide = %+v, %v; want zero", m, err)
	}
	must(t, s.SetFavorite("sauvegardes", true))
	must(t, s.SetRead("sauvegardes", true, now))
	must(t, s.SetFavorite("pare-feu", true))
	m, err := s.Mark("sauvegardes")
	if err != nil || !m.Favorite || !m.Read || !m.ReadAt.Equal(now) {
		t.Errorf("Mark = %+v, %v; want favourite, read at %v", m, err, now)
	}
	must(t, s.SetFavorite("sauvegardes", false))
	must(t, s.SetRead("pare-feu", false, now))
	all, err := s.Marks()
	if err != nil {
		t.Fatal(err)
	}
	if m := all["sauvegardes"]; m.Favorite || !m.Read {
		t.Errorf("after unfavouriting, sauvegardes = %+v, want read and not favourite", m)
	}
	if m := all["pare-feu"]; !m.Favorite || m.Read {
		t.Errorf("pare-feu = %+v, want favourite and unread", m)
	}
}

func TestStateResume(t *testing.T) {
	s := openState(t, openDB(t))
	t0 := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	if _, _, ok, err := s.Resume(); ok || err != nil {
		t.Fatalf("Resume on an empty state = %v, %v", ok, err)
	}
	must(t, s.Opened("sauvegardes", "la-regle-3-2-1", t0))
	must(t, s.Opened("pare-feu", "", t0.Add(time.Millisecond)))
	must(t, s.SetRead("pare-feu", true, t0.Add(time.Second)))
	id, sec, ok, err := s.Resume()
	if err != nil || !ok || id != "sauvegardes" || sec != "la-regle-3-2-1" {
		t.Errorf("Resume = %q %q %v %v, want sauvegardes at la-regle-3-2-1 (pare-feu is read)", id, sec, ok, err)
	}
	must(t, s.Opened("mssante", "", t0.Add(2*time.Second)))
	if id, _, _, _ := s.Resume(); id != "mssante" {
		t.Errorf("Resume = %q, want the guide opened last, mssante", id)
	}
}

// TestStateSurvivesReopening plays a restart: rows written by an earlier
// run are all there after the migrations run again.
func TestStateSurvivesReopening(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s := openState(t, db)
	must(t, s.SetFavorite("mssante", true))
	must(t, s.Opened("mssante", "reconnaitre-une-vraie-adresse-mssante", time.Now()))
	db.Close()

	db2, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	m, err := openState(t, db2).Mark("mssante")
	if err != nil || !m.Favorite || m.Section != "reconnaitre-une-vraie-adresse-mssante" || m.OpenedAt.IsZero() {
		t.Errorf("after reopening, Mark = %+v, %v; want the favourite and reading position kept", m, err)
	}
}

func TestStateRefusesNewerSchema(t *testing.T) {
	db := openDB(t)
	openState(t, db)
	if _, err := db.Exec(`UPDATE schema_version SET version = 99 WHERE component = ?`, Component); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenState(db); !errors.Is(err, store.ErrTooNew) {
		t.Errorf("OpenState on a newer schema = %v, want store.ErrTooNew", err)
	}
	if _, err := OpenState(nil); err == nil {
		t.Error("OpenState(nil) succeeded")
	}
}

func TestStateWriteFailureIsReported(t *testing.T) {
	db := openDB(t)
	s := openState(t, db)
	db.Close()
	if err := s.SetFavorite("mssante", true); err == nil {
		t.Error("SetFavorite on a closed database reported no error")
	}
	if _, err := s.Marks(); err == nil {
		t.Error("Marks on a closed database reported no error")
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
