package checks

import "testing"

// Rows damaged on disk or written by another tool must neither panic nor
// hide the rest of the history: a damaged value reads as unset, a tick
// whose day is no date is left out.
func TestLoadSurvivesDamagedRows(t *testing.T) {
	c, db := openTest(t, t.TempDir())
	if err := c.Tick("lock-session", morning); err != nil {
		t.Fatal(err)
	}
	if _, err := c.AddAccount(Account{Name: "Banque", Kind: KindBank, Enabled: true, Method: MethodApp}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO checklist_tick(item, day, at) VALUES('lock-session', 'hier', 'x')`,
		`INSERT INTO checklist_tick(item, day, at) VALUES('lock-session', '2026-13-45', 'x')`,
		`INSERT INTO checklist_tick(item, day, at) VALUES('no-such-item', '2026-11-21', 'x')`,
		`INSERT INTO checklist_tick(item, day, at) VALUES('antivirus', x'00', x'ff')`,
		`INSERT INTO checklist_na(item, reason, since, at) VALUES('backup-last-night', x'00', 'jamais', 'x')`,
		`INSERT INTO checklist_probe(probe, status, evidence, why, remedy, at) VALUES('firewall', 'maybe', x'00', '', '', 'x')`,
		`INSERT INTO twofa_account(name, kind, enabled, method) VALUES('Messagerie', 'fax', 'oui', 'pigeon')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	r, err := c.Load()
	if err != nil {
		t.Fatalf("Load with damaged rows: %v", err)
	}
	for _, tk := range r.Ticks {
		if !ValidDay(tk.Day) {
			t.Errorf("tick with day %q loaded", tk.Day)
		}
	}
	day := DayOf(morning)
	if s := r.State(mustItem(t, "lock-session"), day); s.Status != Done {
		t.Errorf("today's sound tick lost among damaged rows: %v", s.Status)
	}
	if len(r.Accounts) != 2 || r.Accounts[1].Enabled {
		t.Errorf("accounts = %+v, want both, the damaged one without 2FA", r.Accounts)
	}
	// None of these may panic on the damaged values.
	_ = r.Score(day)
	_ = r.Streak(day)
	_ = r.History(day, HistoryDays)
	_ = r.Entries(day, "fr")
	_ = Suggestions(r.Accounts)
	if n := len(r.States(day)); n != len(Catalogue()) {
		t.Errorf("States = %d items, want %d", n, len(Catalogue()))
	}
}

func mustItem(t *testing.T, id string) Item {
	t.Helper()
	for _, it := range Catalogue() {
		if it.ID == id {
			return it
		}
	}
	t.Fatalf("no item %s", id)
	return Item{}
}
