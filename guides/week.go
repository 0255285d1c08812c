package guides

import "time"

// WeekGuide returns the guide of the week for the practice day t: every
// guide comes round in turn, one per ISO week, the same for everyone and
// stable all week. Guides for which skip returns true (already read, for
// instance) are passed over, unless all are.
func (l *Library) WeekGuide(t time.Time, skip func(id string) bool) *Guide {
	if len(l.guides) == 0 {
		return nil
	}
	year, week := t.ISOWeek()
	start := (year*53 + week) % len(l.guides)
	for i := range l.guides {
		g := l.guides[(start+i)%len(l.guides)]
		if skip == nil || !skip(g.ID) {
			return g
		}
	}
	return l.guides[start]
}
