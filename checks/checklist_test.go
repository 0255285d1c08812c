package checks

import (
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"hygie/checks/probe"
	"hygie/store"
)

func openTest(t *testing.T, dir string) (*Checklist, *sql.DB) {
	t.Helper()
	db, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c, err := Open(db)
	if err != nil {
		t.Fatal(err)
	}
	return c, db
}

var morning = time.Date(2026, 11, 22, 8, 30, 0, 0, time.Local)

func TestTickUntickAndLoad(t *testing.T) {
	c, _ := openTest(t, t.TempDir())
	if err := c.Tick("lock-session", morning); err != nil {
		t.Fatal(err)
	}
	if err := c.Tick("lock-session", morning.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	r, err := c.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Ticks) != 1 || r.Ticks[0].Day != DayOf(morning) || !r.Ticks[0].At.Equal(morning.Truncate(time.Second)) {
		t.Fatalf("ticks = %+v, want one on %s at %v", r.Ticks, DayOf(morning), morning)
	}
	if r.Ticks[0].At.Location() != time.UTC {
		t.Errorf("instant stored in %v, want UTC", r.Ticks[0].At.Location())
	}
	removed, err := c.Untick("lock-session", morning)
	if err != nil || !removed {
		t.Fatalf("Untick = %v, %v", removed, err)
	}
	removed, _ = c.Untick("lock-session", morning)
	if removed {
		t.Errorf("second Untick removed something")
	}
	if r, _ := c.Load(); len(r.Ticks) != 0 {
		t.Errorf("ticks after untick = %+v", r.Ticks)
	}
}

func TestUnknownItemAndBadInput(t *testing.T) {
	c, _ := openTest(t, t.TempDir())
	if err := c.Tick("no-such-item", morning); !errors.Is(err, ErrUnknownItem) {
		t.Errorf("Tick(unknown) = %v, want ErrUnknownItem", err)
	}
	if _, err := c.Untick("'; DROP TABLE x; --", morning); !errors.Is(err, ErrUnknownItem) {
		t.Errorf("Untick(unknown) = %v", err)
	}
	if err := c.SetNotApplicable("2fa-bank", "   ", morning); !errors.Is(err, ErrInvalid) {
		t.Errorf("SetNotApplicable(empty reason) = %v, want ErrInvalid", err)
	}
	if _, err := c.AddAccount(Account{Name: "x", Kind: "nope"}); !errors.Is(err, ErrInvalid) {
		t.Errorf("AddAccount(bad kind) = %v", err)
	}
	if _, err := c.AddAccount(Account{Name: "", Kind: KindMail}); !errors.Is(err, ErrInvalid) {
		t.Errorf("AddAccount(no name) = %v", err)
	}
}

func TestNotApplicable(t *testing.T) {
	c, _ := openTest(t, t.TempDir())
	if err := c.SetNotApplicable("2fa-doctolib", "Le cabinet n'utilise pas Doctolib", morning); err != nil {
		t.Fatal(err)
	}
	r, _ := c.Load()
	na, ok := r.NA["2fa-doctolib"]
	if !ok || na.Reason != "Le cabinet n'utilise pas Doctolib" || na.Since != DayOf(morning) {
		t.Fatalf("NA = %+v", r.NA)
	}
	if err := c.ClearNotApplicable("2fa-doctolib"); err != nil {
		t.Fatal(err)
	}
	if r, _ := c.Load(); len(r.NA) != 0 {
		t.Errorf("NA after clear = %+v", r.NA)
	}
}

func TestAccounts(t *testing.T) {
	c, _ := openTest(t, t.TempDir())
	id, err := c.AddAccount(Account{Name: " Banque ", Kind: KindBank, Enabled: false, Method: MethodSMS})
	if err != nil {
		t.Fatal(err)
	}
	r, _ := c.Load()
	if len(r.Accounts) != 1 || r.Accounts[0].Name != "Banque" || r.Accounts[0].Method != MethodNone {
		t.Fatalf("accounts = %+v, want Banque with no method (2FA off)", r.Accounts)
	}
	if err := c.UpdateAccount(Account{ID: id, Name: "Banque", Kind: KindBank, Enabled: true, Method: MethodApp}); err != nil {
		t.Fatal(err)
	}
	r, _ = c.Load()
	if !r.Accounts[0].Enabled || r.Accounts[0].Method != MethodApp {
		t.Errorf("after update = %+v", r.Accounts[0])
	}
	if err := c.DeleteAccount(id); err != nil {
		t.Fatal(err)
	}
	if r, _ := c.Load(); len(r.Accounts) != 0 {
		t.Errorf("after delete = %+v", r.Accounts)
	}
}

func TestRecordProbes(t *testing.T) {
	c, _ := openTest(t, t.TempDir())
	results := []probe.Result{
		{ID: probe.Firewall, Status: probe.Pass, Code: probe.CodeFirewallOn, Details: "ufw status: Status: active", Remedy: "pare-feu"},
		{ID: probe.DiskEncryption, Status: probe.Unknown, Code: probe.CodeMissing, Details: "lsblk absent", Remedy: "chiffrement-disque"},
		{ID: probe.Backup, Status: probe.Fail, Code: probe.CodeBackupOld, Params: probe.Params{Age: 72 * time.Hour, Limit: 26 * time.Hour}, Details: "newest file 3 days old", Remedy: "sauvegardes"},
	}
	ticked, err := c.RecordProbes(results, morning)
	if err != nil {
		t.Fatal(err)
	}
	if len(ticked) != 1 || ticked[0] != "firewall-on" {
		t.Errorf("ticked = %v, want [firewall-on]", ticked)
	}
	r, _ := c.Load()
	if len(r.Ticks) != 1 || r.Ticks[0].Source != Automatic || r.Ticks[0].Evidence != "ufw status: Status: active" {
		t.Errorf("ticks = %+v, want one automatic with evidence", r.Ticks)
	}
	if len(r.Probes) != 3 || r.Probes[probe.Backup].Status != probe.Fail || r.Probes[probe.DiskEncryption].Code != probe.CodeMissing ||
		r.Probes[probe.Backup].Params.Age != 72*time.Hour || r.Probes[probe.Backup].Details != "newest file 3 days old" {
		t.Errorf("probes = %+v", r.Probes)
	}
	it, _ := Find("backup-last-night")
	if r.State(it, DayOf(morning)).Status != Failed {
		t.Errorf("backup state is not Failed")
	}
	it, _ = Find("disk-encryption-on")
	if r.State(it, DayOf(morning)).Status != Due {
		t.Errorf("unknown disk encryption is not Due")
	}
}

// TestMigrationKeepsOldRows: a database at version 1 with ticks and a
// not-applicable item migrates to the current schema with nothing lost.
func TestMigrationKeepsOldRows(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Migrate(db, Component, migrations[:1]); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO checklist_tick(item, day, at) VALUES('lock-session', '2026-11-01', '2026-11-01T08:00:00Z');
		INSERT INTO checklist_na(item, reason, since, at) VALUES('2fa-bank', 'pas de banque en ligne', '2026-10-01', '2026-10-01T08:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	c, err := Open(db)
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Ticks) != 1 || r.Ticks[0].Source != Manual || r.Ticks[0].Day != "2026-11-01" {
		t.Errorf("ticks after migration = %+v", r.Ticks)
	}
	if r.NA["2fa-bank"].Reason != "pas de banque en ligne" {
		t.Errorf("NA after migration = %+v", r.NA)
	}
	db.Close()
}

// TestConcurrentWriters: the app and the command line, each with its own
// connection to the same file, tick at once; no tick is lost.
func TestConcurrentWriters(t *testing.T) {
	dir := t.TempDir()
	a, _ := openTest(t, dir)
	b, _ := openTest(t, dir)
	items := Catalogue()
	const days = 10
	var wg sync.WaitGroup
	errs := make(chan error, 2*days*len(items))
	for w, c := range []*Checklist{a, b} {
		wg.Add(1)
		go func(w int, c *Checklist) {
			defer wg.Done()
			for d := 0; d < days; d++ {
				for i, it := range items {
					if i%2 != w {
						continue
					}
					if err := c.Tick(it.ID, morning.AddDate(0, 0, -d)); err != nil {
						errs <- fmt.Errorf("writer %d: %w", w, err)
					}
				}
			}
		}(w, c)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	r, err := a.Load()
	if err != nil {
		t.Fatal(err)
	}
	if want := days * len(items); len(r.Ticks) != want {
		t.Errorf("ticks = %d, want %d", len(r.Ticks), want)
	}
}
