package checks

import (
	"testing"
	"time"

	"hygie/checks/probe"
)

// regular: everything ticked 27 days ago (the first use), then the daily
// items on 13 more days of the 28 and nothing else.
func regular() Records {
	start := AddDays(today, -27)
	r := records(everything(start)...)
	for k := 1; k <= 13; k++ {
		for _, it := range catalogue {
			if it.Freq == Daily {
				r.Ticks = append(r.Ticks, tick(it.ID, AddDays(start, 2*k)))
			}
		}
	}
	return r
}

// The catalogue's weights add up to 49: 4 daily × 1, 6 weekly or monthly ×
// 2, 11 yearly or once × 3. The expected totals below follow docs/hygiene.md.
var scoreCases = []struct {
	name string
	r    func() Records
	want int
}{
	{"nothing done", func() Records { return records() }, 0},
	{"everything today, no inventory", func() Records { return records(everything(today)...) }, 80},
	{"everything and a security key", func() Records {
		r := records(everything(today)...)
		r.Accounts = []Account{{Name: "Banque", Kind: KindBank, Enabled: true, Method: MethodKey}}
		return r
	}, 100},
	// The inventory's mailbox with 2FA on makes « 2fa-mailbox » done:
	// 3/49 × 80 = 4.9 for the checklist, 0.5 × 20 = 10 for the inventory.
	{"only an SMS account", func() Records {
		r := records()
		r.Accounts = []Account{{Name: "Mail", Kind: KindMail, Enabled: true, Method: MethodSMS}}
		return r
	}, 15},
	// (4×0.5 + 3×2×0.25 + 3×2×1 + 11×3) / 49 × 80 = 69.4
	{"half the daily items, weekly once in four weeks", regular, 69},
	{"not applicable is left out", func() Records {
		var ticks []Tick
		for _, t := range everything(today) {
			if t.Item != "2fa-doctolib" {
				ticks = append(ticks, t)
			}
		}
		r := records(ticks...)
		r.NA["2fa-doctolib"] = NotApplicable{Item: "2fa-doctolib", Reason: "pas de compte", Since: today}
		return r
	}, 80},
	// (49 − 3) / 49 × 80 = 75.1
	{"a failed firewall check counts zero", func() Records {
		r := records(everything(today)...)
		r.Probes[probe.Firewall] = probe.Result{ID: probe.Firewall, Status: probe.Fail, At: time.Date(2026, 11, 22, 23, 0, 0, 0, time.UTC)}
		return r
	}, 75},
	// A self-assessment takes 10 of the checklist's points: 70 + 0.4 × 10.
	{"everything today and a diagnostic at 40 %", func() Records {
		r := records(everything(today)...)
		d := 0.4
		r.Diagnostic = &d
		return r
	}, 74},
	// Plan items done raise the diagnostic's share: 70 + 0.9 × 10.
	{"everything today and a diagnostic at 90 %", func() Records {
		r := records(everything(today)...)
		d := 0.9
		r.Diagnostic = &d
		return r
	}, 79},
}

func TestScore(t *testing.T) {
	for _, c := range scoreCases {
		got := c.r().Score(today)
		if got.Total != c.want {
			t.Errorf("Score(%s) = %d (checklist %.3f, inventory %.2f), want %d",
				c.name, got.Total, got.Checklist, got.Inventory, c.want)
		}
		if got.Total < 0 || got.Total > 100 {
			t.Errorf("Score(%s) = %d out of 0–100", c.name, got.Total)
		}
	}
}

func FuzzScoreStaysInRange(f *testing.F) {
	f.Add("lock-session", "2026-11-22", "firewall-on", "1999-01-01")
	f.Add("x", "bad", "", "")
	f.Fuzz(func(t *testing.T, a, da, b, db string) {
		r := records(Tick{Item: a, Day: da}, Tick{Item: b, Day: db})
		s := r.Score(today)
		if s.Total < 0 || s.Total > 100 {
			t.Errorf("Score = %d", s.Total)
		}
		r.History(today, 7)
		r.Streak(today)
	})
}
