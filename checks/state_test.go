package checks

import (
	"testing"
	"time"

	"hygie/checks/probe"
)

const today = "2026-11-22"

func tick(item, day string) Tick {
	at, _ := time.Parse(DayLayout, day)
	return Tick{Item: item, Day: day, At: at.Add(9 * time.Hour), Source: Manual}
}

func records(ticks ...Tick) Records {
	return Records{Ticks: ticks, NA: map[string]NotApplicable{}, Probes: map[string]probe.Result{}}
}

// everything ticks every item of the catalogue on day.
func everything(day string) []Tick {
	var out []Tick
	for _, it := range catalogue {
		out = append(out, tick(it.ID, day))
	}
	return out
}

var coverCases = []struct {
	f       Frequency
	tickDay string
	want    bool
}{
	{Daily, today, true},
	{Daily, "2026-11-21", false},
	{Weekly, "2026-11-16", true}, // 6 days ago
	{Weekly, "2026-11-15", false},
	{Monthly, "2026-10-24", true}, // 29 days ago
	{Monthly, "2026-10-23", false},
	{Yearly, "2025-11-23", true},
	{Yearly, "2025-11-22", false},
	{Once, "2019-01-01", true},
	{Once, "", false},
	{Daily, "2026-11-23", false}, // a tick in the future does not count
}

func TestCovers(t *testing.T) {
	for _, c := range coverCases {
		if got := covers(c.f, c.tickDay, today); got != c.want {
			t.Errorf("covers(%s, %q, %s) = %v, want %v", c.f, c.tickDay, today, got, c.want)
		}
	}
}

func TestStateFailureUntilFixed(t *testing.T) {
	fw, _ := Find("firewall-on")
	at := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	r := records(Tick{Item: fw.ID, Day: "2026-01-05", At: at.AddDate(0, -10, 0)})
	if got := r.State(fw, today).Status; got != Done {
		t.Fatalf("ticked once-item: status %v, want Done", got)
	}
	r.Probes[probe.Firewall] = probe.Result{ID: probe.Firewall, Status: probe.Fail, At: at}
	if got := r.State(fw, today).Status; got != Failed {
		t.Errorf("after a failed probe: status %v, want Failed", got)
	}
	r.Ticks = append(r.Ticks, Tick{Item: fw.ID, Day: today, At: at.Add(time.Hour)})
	if got := r.State(fw, today).Status; got != Done {
		t.Errorf("ticked after the failure: status %v, want Done", got)
	}
	r.Probes[probe.Firewall] = probe.Result{ID: probe.Firewall, Status: probe.Unknown, At: at.Add(2 * time.Hour)}
	if got := r.State(fw, today).Status; got != Done {
		t.Errorf("unknown probe result changed the status to %v", got)
	}
}

func TestStatesOrderAndProgress(t *testing.T) {
	r := records(tick("lock-session", today), tick("system-updates", "2026-11-20"))
	r.NA["2fa-doctolib"] = NotApplicable{Item: "2fa-doctolib", Reason: "pas de Doctolib"}
	r.Probes[probe.Backup] = probe.Result{ID: probe.Backup, Status: probe.Fail, At: time.Now()}
	states := r.States(today)
	if states[0].Item.ID != "backup-last-night" || states[0].Status != Failed {
		t.Errorf("first state = %s %v, want the failed backup", states[0].Item.ID, states[0].Status)
	}
	if last := states[len(states)-1]; last.Status != NotApplicableStatus {
		t.Errorf("last state = %s %v, want the not-applicable item", last.Item.ID, last.Status)
	}
	p := r.ProgressOn(today)
	if p.Done != 2 || p.Applicable != len(catalogue)-1 {
		t.Errorf("ProgressOn = %+v, want 2 of %d", p, len(catalogue)-1)
	}
	if len(r.Failures(today)) != 1 {
		t.Errorf("Failures = %d, want 1", len(r.Failures(today)))
	}
}

func TestEntries(t *testing.T) {
	r := records(tick("lock-session", today))
	r.Ticks = append(r.Ticks, Tick{Item: "firewall-on", Day: today, At: time.Now(), Source: Automatic})
	got := map[string]Entry{}
	for _, e := range r.Entries(today, "en") {
		got[e.ID] = e
	}
	if e := got["lock-session"]; !e.DoneToday || e.Source != Manual || e.Title != "Lock the session when leaving the desk" {
		t.Errorf("lock-session entry = %+v", e)
	}
	if e := got["firewall-on"]; !e.DoneToday || e.Source != Automatic {
		t.Errorf("firewall-on entry = %+v", e)
	}
	if e := got["disk-encryption-on"]; e.DoneToday || e.Source != Automatic {
		t.Errorf("disk-encryption-on entry = %+v, want not done, automatic", e)
	}
	if e := got["staff-trained"]; e.DoneToday || e.Source != Manual || e.Frequency != Yearly {
		t.Errorf("staff-trained entry = %+v", e)
	}
}
