package checks

import (
	"sort"
	"time"

	"hygie/checks/probe"
)

// Source says who ticked an item.
type Source string

// Sources of a tick: the practitioner, or a probe that verified the item.
const (
	Manual    Source = "manual"
	Automatic Source = "automatic"
)

// Tick records that an item was done on a day of the practice.
type Tick struct {
	Item     string
	Day      string    // local calendar date, DayLayout
	At       time.Time // the instant, UTC
	Source   Source
	Evidence string // the probe's technical details, for automatic ticks
}

// NotApplicable records that an item does not concern the practice, and why.
type NotApplicable struct {
	Item   string
	Reason string
	Since  string // local calendar date
	At     time.Time
}

// Records is everything the checklist has stored. State, history and score
// are pure functions of it, so they are tested without a database.
type Records struct {
	Ticks    []Tick
	NA       map[string]NotApplicable
	Probes   map[string]probe.Result // latest result per probe id
	Accounts []Account
	// Diagnostic is the practice's self-assessment as it counts in the
	// score (diagnostic.Catalogue.Progress: the latest assessment with the
	// action plan's done items met), nil before the first one. The caller
	// fills it: the checklist's tables do not hold it.
	Diagnostic *float64
}

// Status is where an item stands on a day.
type Status int

// Statuses, in the order the checklist shows them: failures first.
const (
	Failed              Status = iota // a probe saw it is not done
	Due                               // to do
	Done                              // done within its window
	NotApplicableStatus               // marked not applicable
)

// State is an item's status on a day with what explains it.
type State struct {
	Item   Item
	Status Status
	Last   Tick          // latest tick on or before the day; zero when none
	NA     NotApplicable // when Status is NotApplicableStatus
	Probe  probe.Result  // latest probe result, zero when none was recorded
	// Accounts are the inventory's accounts of the item's kind when the
	// two-factor inventory decides its state (see twoFAItems); Status is
	// then Done when every one has 2FA on, Due otherwise, whatever the ticks.
	Accounts []Account
	// Diagnostic is the practice's self-assessment as it counts in the
	// score (diagnostic.Catalogue.Progress: the latest assessment with the
	// action plan's done items met), nil before the first one. The caller
	// fills it: the checklist's tables do not hold it.
	Diagnostic *float64
}

// FromInventory reports whether the two-factor inventory decided the state.
func (s State) FromInventory() bool { return len(s.Accounts) > 0 }

// twoFAItems maps the checklist's two-factor items to the inventory's kind
// of account they are about: the inventory is where the practitioner says
// it, so a bank account recorded with SMS makes « 2fa-bank » done.
var twoFAItems = map[string]Kind{
	"2fa-mailbox":           KindMail,
	"2fa-practice-software": KindSoftware,
	"2fa-amelipro":          KindAmeliPro,
	"2fa-bank":              KindBank,
	"2fa-doctolib":          KindDoctolib,
}

// accountsOf returns the inventory's accounts of kind.
func (r Records) accountsOf(k Kind) []Account {
	var out []Account
	for _, a := range r.Accounts {
		if a.Kind == k {
			out = append(out, a)
		}
	}
	return out
}

// Ticked reports whether the item was ever ticked up to the state's day.
func (s State) Ticked() bool { return s.Last.Day != "" }

// lastTick is the latest tick of item on or before day.
func (r Records) lastTick(item, day string) Tick {
	var best Tick
	for _, t := range r.Ticks {
		if t.Item == item && t.Day <= day && (t.Day > best.Day || (t.Day == best.Day && t.At.After(best.At))) {
			best = t
		}
	}
	return best
}

// covers reports whether a tick on tickDay keeps an item of frequency f up
// to date on day.
func covers(f Frequency, tickDay, day string) bool {
	if tickDay == "" || tickDay > day {
		return false
	}
	w := f.Window()
	return w == 0 || DaysBetween(tickDay, day) < w
}

// State returns where it stands on day. A probe failure counts only when it
// is newer than the last tick: the practitioner may have fixed it since.
func (r Records) State(it Item, day string) State {
	s := State{Item: it, Last: r.lastTick(it.ID, day)}
	if it.Probe != "" {
		s.Probe = r.Probes[it.Probe]
	}
	if na, ok := r.NA[it.ID]; ok {
		s.Status, s.NA = NotApplicableStatus, na
		return s
	}
	if k, ok := twoFAItems[it.ID]; ok {
		if s.Accounts = r.accountsOf(k); len(s.Accounts) > 0 {
			s.Status = Done
			for _, a := range s.Accounts {
				if !a.Enabled {
					s.Status = Due
				}
			}
			return s
		}
	}
	switch {
	case s.Probe.Status == probe.Fail && (s.Last.Day == "" || s.Probe.At.After(s.Last.At)):
		s.Status = Failed
	case covers(it.Freq, s.Last.Day, day):
		s.Status = Done
	default:
		s.Status = Due
	}
	return s
}

// States returns the state of every catalogue item on day: failures first,
// then items to do, done, and not applicable; catalogue order within each.
func (r Records) States(day string) []State {
	out := make([]State, 0, len(catalogue))
	for _, it := range catalogue {
		out = append(out, r.State(it, day))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Status < out[j].Status })
	return out
}

// Progress is how many applicable items are up to date on a day.
type Progress struct {
	Done, Applicable int
}

// Complete reports whether every applicable item is up to date.
func (p Progress) Complete() bool { return p.Applicable > 0 && p.Done == p.Applicable }

// Fraction is Done/Applicable, 0 when nothing applies.
func (p Progress) Fraction() float64 {
	if p.Applicable == 0 {
		return 0
	}
	return float64(p.Done) / float64(p.Applicable)
}

// ProgressOn counts the applicable items up to date on day.
func (r Records) ProgressOn(day string) Progress {
	var p Progress
	for _, s := range r.States(day) {
		switch s.Status {
		case NotApplicableStatus:
		case Done:
			p.Done++
			p.Applicable++
		default:
			p.Applicable++
		}
	}
	return p
}

// Failures returns the items whose latest automatic check failed on day.
func (r Records) Failures(day string) []State {
	var out []State
	for _, s := range r.States(day) {
		if s.Status == Failed {
			out = append(out, s)
		}
	}
	return out
}
