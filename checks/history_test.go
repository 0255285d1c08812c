package checks

import "testing"

func TestHistory(t *testing.T) {
	r := records(append(everything("2026-11-20"), tick("lock-session", today))...)
	h := r.History(today, HistoryDays)
	if len(h) != HistoryDays || h[len(h)-1].Day != today || h[0].Day != AddDays(today, -(HistoryDays-1)) {
		t.Fatalf("History spans %d days from %s to %s", len(h), h[0].Day, h[len(h)-1].Day)
	}
	n := len(catalogue)
	if got := h[len(h)-3]; !got.Complete() || got.Done != n {
		t.Errorf("2026-11-20 = %+v, want complete", got)
	}
	// the next day, the four daily items are no longer covered
	if got := h[len(h)-2]; got.Done != n-4 {
		t.Errorf("2026-11-21 = %+v, want %d done", got, n-4)
	}
	if got := h[len(h)-4]; got.Done != 0 {
		t.Errorf("2026-11-19 = %+v, want nothing done", got)
	}
}

func TestStreak(t *testing.T) {
	daily := func(day string) []Tick {
		var out []Tick
		for _, it := range catalogue {
			if it.Freq == Daily {
				out = append(out, tick(it.ID, day))
			}
		}
		return out
	}
	base := func() []Tick { return everything("2026-11-18") } // a fresh slice each time: appends must not alias
	cases := []struct {
		name  string
		ticks []Tick
		want  int
	}{
		{"nothing", nil, 0},
		{"one complete day, today", everything(today), 1},
		{"today not finished yet", append(append(base(), daily("2026-11-19")...), append(daily("2026-11-20"), daily("2026-11-21")...)...), 4},
		{"a gap breaks it", append(append(base(), daily("2026-11-20")...), daily("2026-11-21")...), 2},
	}
	for _, c := range cases {
		if got := records(c.ticks...).Streak(today); got != c.want {
			t.Errorf("Streak(%s) = %d, want %d", c.name, got, c.want)
		}
	}
}

func TestNotApplicableLeavesTheDayComplete(t *testing.T) {
	var ticks []Tick
	for _, it := range catalogue {
		if it.ID != "2fa-doctolib" {
			ticks = append(ticks, tick(it.ID, today))
		}
	}
	r := records(ticks...)
	if r.ProgressOn(today).Complete() {
		t.Fatalf("complete with an item missing")
	}
	r.NA["2fa-doctolib"] = NotApplicable{Item: "2fa-doctolib", Reason: "pas de compte"}
	if !r.ProgressOn(today).Complete() || r.Streak(today) != 1 {
		t.Errorf("not-applicable item still counted: %+v, streak %d", r.ProgressOn(today), r.Streak(today))
	}
}
