package guides

import "testing"

// Rows damaged on disk or written by another tool must not panic nor hide
// the marks of the other guides: a damaged field reads as "not set".
func TestStateCorruptRows(t *testing.T) {
	db := openDB(t)
	s := openState(t, db)
	must(t, s.SetFavorite("mssante", true))
	for _, q := range []string{
		`INSERT INTO guide_marks(guide_id, favorite, read_at, opened_at) VALUES('bad-date', 1, 'hier', 'pas une date')`,
		`INSERT INTO guide_marks(guide_id, favorite) VALUES('bad-fav', 'oui')`,
		`INSERT INTO guide_marks(guide_id, favorite, read_at, section) VALUES('blob', x'00ff', x'00ff', x'00')`,
		`INSERT INTO guide_marks(guide_id, favorite, opened_at) VALUES(NULL, 1, '2030-01-01T00:00:00.000Z')`,
	} {
		must(t, execErr(db.Exec(q)))
	}
	marks, err := s.Marks()
	if err != nil {
		t.Fatalf("Marks with damaged rows: %v", err)
	}
	if !marks["mssante"].Favorite {
		t.Errorf("the sound favourite is lost among damaged rows: %v", marks)
	}
	if marks["bad-fav"].Favorite || marks["blob"].Favorite {
		t.Errorf("a damaged favourite reads as set: %v", marks)
	}
	if !marks["bad-date"].Read || !marks["bad-date"].ReadAt.IsZero() {
		t.Errorf("an unreadable read date: got %+v, want read with no date", marks["bad-date"])
	}
	if m, err := s.Mark("bad-fav"); err != nil || m.Favorite {
		t.Errorf("Mark(bad-fav) = %+v, %v; want not favourite, no error", m, err)
	}
	if _, _, _, err := s.Resume(); err != nil {
		t.Errorf("Resume with a row without id: %v", err)
	}
}

func execErr(_ any, err error) error { return err }
