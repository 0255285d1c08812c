package checks

import "sort"

// HistoryDays is how far back the history view and the report look.
const HistoryDays = 90

// DayStat is the completion of one day of the history.
type DayStat struct {
	Day string
	Progress
}

// tickIndex holds, per item, the days it was ticked in ascending order.
type tickIndex map[string][]string

func (r Records) index() tickIndex {
	idx := tickIndex{}
	for _, t := range r.Ticks {
		idx[t.Item] = append(idx[t.Item], t.Day)
	}
	for k := range idx {
		sort.Strings(idx[k])
	}
	return idx
}

// coveredOn reports whether item it was up to date on day from ticks alone:
// the history shows what was done, not what a later check found.
func (idx tickIndex) coveredOn(it Item, day string) bool {
	days := idx[it.ID]
	// the latest tick on or before day
	i := sort.Search(len(days), func(i int) bool { return days[i] > day })
	return i > 0 && covers(it.Freq, days[i-1], day)
}

// tickedIn reports whether it was ticked on a day in [from, to].
func (idx tickIndex) tickedIn(item, from, to string) bool {
	days := idx[item]
	i := sort.SearchStrings(days, from)
	return i < len(days) && days[i] <= to
}

// History returns the completion of the n days ending on today, oldest
// first. Items marked not applicable are left out of every day.
func (r Records) History(today string, n int) []DayStat {
	idx := r.index()
	out := make([]DayStat, 0, n)
	for k := n - 1; k >= 0; k-- {
		out = append(out, r.dayStat(idx, AddDays(today, -k)))
	}
	return out
}

func (r Records) dayStat(idx tickIndex, day string) DayStat {
	st := DayStat{Day: day}
	for _, it := range catalogue {
		if _, na := r.NA[it.ID]; na {
			continue
		}
		st.Applicable++
		if idx.coveredOn(it, day) {
			st.Done++
		}
	}
	return st
}

// Streak is the number of consecutive complete days ending today, or
// ending yesterday while today is not complete yet: the day is not over.
func (r Records) Streak(today string) int {
	idx := r.index()
	day := today
	if !r.dayStat(idx, day).Complete() {
		day = AddDays(day, -1)
	}
	n := 0
	for r.dayStat(idx, day).Complete() && n < 100000 {
		n++
		day = AddDays(day, -1)
	}
	return n
}
