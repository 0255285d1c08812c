package probe

import (
	"context"
	"slices"
	"testing"
	"time"
)

// fakeProbe is a probe whose behaviour a test chooses.
type fakeProbe struct {
	id  string
	run func(ctx context.Context) Result
}

func (f fakeProbe) ID() string                     { return f.id }
func (f fakeProbe) Run(ctx context.Context) Result { return f.run(ctx) }

func TestRunProbesOrderTimeoutAndPanic(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	probes := []Probe{
		probeFunc{Firewall, func(context.Context) Result { return pass(CodeFirewallOn, Params{}, "ok") }},
		// Ignores its deadline entirely: RunProbes must not wait for it.
		fakeProbe{Updates, func(context.Context) Result { <-release; return pass(CodeUpdatesNone, Params{}, "late") }},
		probeFunc{DiskEncryption, func(context.Context) Result { panic("boom") }},
		// Respects its deadline, and says nothing more.
		probeFunc{ScreenLock, func(ctx context.Context) Result { <-ctx.Done(); return unknown("", Params{}, "") }},
		probeFunc{Backup, func(context.Context) Result { return fail(CodeBackupOld, Params{}, "old") }},
	}
	got := RunProbes(context.Background(), probes, 50*time.Millisecond)
	want := []struct {
		id     string
		status Status
		code   Code
	}{
		{Firewall, Pass, CodeFirewallOn},
		{Updates, Unknown, CodeTimeout},
		{DiskEncryption, Unknown, CodeInternal},
		{ScreenLock, Unknown, CodeTimeout},
		{Backup, Fail, CodeBackupOld},
	}
	if len(got) != len(want) {
		t.Fatalf("RunProbes returned %d results, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.ID != w.id || g.Status != w.status || g.Code != w.code {
			t.Errorf("result %d = %s %s %s, want %s %s %s", i, g.ID, g.Status, g.Code, w.id, w.status, w.code)
		}
		if g.Remedy != RemedyFor(w.id) || g.Remedy == "" {
			t.Errorf("%s: remedy %q, want %q", g.ID, g.Remedy, RemedyFor(w.id))
		}
		if g.At.IsZero() || g.Duration < 0 {
			t.Errorf("%s: At %v Duration %v not set", g.ID, g.At, g.Duration)
		}
	}
}

func TestRunProbesRunsConcurrently(t *testing.T) {
	// Each probe waits for all the others to have started: run one at a
	// time, they would all time out.
	const n = 4
	started := make(chan struct{}, n)
	var probes []Probe
	for _, id := range IDs()[:n] {
		probes = append(probes, probeFunc{id, func(ctx context.Context) Result {
			started <- struct{}{}
			for len(started) < n {
				select {
				case <-ctx.Done():
					return unknown(CodeTimeout, Params{}, "alone")
				case <-time.After(time.Millisecond):
				}
			}
			return pass(CodeFirewallOn, Params{}, "together")
		}})
	}
	for _, r := range RunProbes(context.Background(), probes, 5*time.Second) {
		if r.Status != Pass {
			t.Errorf("%s: %s %s, want pass: probes did not run at the same time", r.ID, r.Status, r.Code)
		}
	}
}

func TestIDsAndRemedies(t *testing.T) {
	ids := IDs()
	want := []string{"firewall", "updates", "disk_encryption", "screen_lock", "antivirus", "admin_accounts", "backup"}
	if !slices.Equal(ids, want) {
		t.Errorf("IDs() = %v, want %v", ids, want)
	}
	guides := []string{"pare-feu", "mises-a-jour-antivirus", "chiffrement-disque", "verrouillage-usb", "comptes-et-droits", "sauvegardes"}
	for _, id := range ids {
		if !slices.Contains(guides, RemedyFor(id)) {
			t.Errorf("RemedyFor(%s) = %q, not one of the agreed guide ids", id, RemedyFor(id))
		}
	}
	probes := Probes(Config{})
	if len(probes) != len(ids) {
		t.Fatalf("Probes() has %d probes, want %d", len(probes), len(ids))
	}
	for i, p := range probes {
		if p.ID() != ids[i] {
			t.Errorf("Probes()[%d].ID() = %s, want %s", i, p.ID(), ids[i])
		}
	}
}
