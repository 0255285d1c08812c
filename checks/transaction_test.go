package checks

import (
	"testing"

	"hygie/checks/probe"
)

// A write refused half-way (the probe row is in, its tick is refused, as on
// a full disk) leaves the database as it was: no probe result without the
// tick it implies.
func TestRecordProbesIsAllOrNothing(t *testing.T) {
	c, db := openTest(t, t.TempDir())
	if _, err := db.Exec(`CREATE TRIGGER refuse BEFORE INSERT ON checklist_tick
		BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`); err != nil {
		t.Fatal(err)
	}
	results := []probe.Result{
		{ID: probe.Backup, Status: probe.Fail, Code: probe.CodeBackupOld, Details: "newest file 3 days old"},
		{ID: probe.Firewall, Status: probe.Pass, Code: probe.CodeFirewallOn, Details: "ufw status: Status: active"},
	}
	if _, err := c.RecordProbes(results, morning); err == nil {
		t.Fatal("RecordProbes reported no error although its tick was refused")
	}
	r, err := c.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Probes) != 0 || len(r.Ticks) != 0 {
		t.Errorf("after a refused write: probes %+v, ticks %+v; want nothing stored", r.Probes, r.Ticks)
	}
}
