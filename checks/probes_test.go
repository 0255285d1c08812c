package checks

import (
	"testing"
	"time"

	"hygie/checks/probe"
)

// A result stored before reasons had codes (migration 3) still reads, as
// a sentence that asks to run the check again, with its old text kept as
// details; a result stored now comes back with its reason whole.
func TestProbeRowsBeforeAndAfterCodes(t *testing.T) {
	c, db := openTest(t, t.TempDir())
	if _, err := db.Exec(`INSERT INTO checklist_probe(probe, status, evidence, why, remedy, at)
		VALUES('firewall', 'fail', 'ufw : inactif', '', 'pare-feu', '2026-11-22T10:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	pending := probe.Result{ID: probe.Updates, Status: probe.Fail, Code: probe.CodeUpdatesSecurity,
		Params: probe.Params{Count: 132, Security: 88}, Details: "apt list --upgradable: 132 upgradable", Remedy: "mises-a-jour-antivirus"}
	if _, err := c.RecordProbes([]probe.Result{pending}, time.Date(2026, 11, 22, 11, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	r, err := c.Load()
	if err != nil {
		t.Fatal(err)
	}
	old := r.Probes[probe.Firewall]
	if old.Code != "" || old.Details != "ufw : inactif" || old.Text("en") != "Result saved by an earlier version of Hygie: run the check again." {
		t.Errorf("old row = %+v, text %q", old, old.Text("en"))
	}
	got := r.Probes[probe.Updates]
	if got.Code != pending.Code || got.Params.Count != 132 || got.Params.Security != 88 || got.Details != pending.Details {
		t.Errorf("stored %+v, read back %+v", pending, got)
	}
	if s := got.Text("fr"); s != "132 mises à jour en attente, dont 88 de sécurité." {
		t.Errorf("read back text = %q", s)
	}
}
