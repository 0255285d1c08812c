package checks

import "math"

// ScoreDays is the period over which the regularity of daily and weekly
// items is measured.
const ScoreDays = 28

// Weights of the score, documented in docs/hygiene.md.
const (
	checklistShare = 0.8 // the checklist counts for 80 points
	inventoryShare = 0.2 // the two-factor inventory for 20
	// Once the practice has done its self-assessment, the diagnostic and
	// its action plan take 10 of the checklist's points: the measures put
	// in place protect as much as the daily gestures.
	diagnosticShare = 0.1
)

// weight makes structural measures (firewall, encryption, 2FA) count more
// than a single daily gesture: they protect every day at once.
func weight(f Frequency) float64 {
	switch f {
	case Daily:
		return 1
	case Weekly, Monthly:
		return 2
	}
	return 3
}

// Score is the hygiene score and its two parts.
type Score struct {
	Total     int     // 0–100
	Checklist float64 // 0–1, weighted coverage of the applicable items
	Inventory float64 // 0–1, mean strength of the listed accounts' 2FA
	// Diagnostic is Records.Diagnostic (0–1), 0 when there is none.
	Diagnostic float64
}

// Score computes the hygiene score on today; see docs/hygiene.md.
//
//	Total = round(100 × (0.8 × Checklist + 0.2 × Inventory))
//	Checklist = Σ weight(item) × coverage(item) / Σ weight(item), N/A excluded
//
// With a self-assessment (Records.Diagnostic), Total = round(100 × (0.7 ×
// Checklist + 0.2 × Inventory + 0.1 × Diagnostic)).
func (r Records) Score(today string) Score {
	idx := r.index()
	start := r.periodStart(today)
	var num, den float64
	for _, it := range catalogue {
		if _, na := r.NA[it.ID]; na {
			continue
		}
		w := weight(it.Freq)
		den += w
		num += w * r.coverage(idx, it, start, today)
	}
	s := Score{Inventory: InventoryScore(r.Accounts)}
	if den > 0 {
		s.Checklist = num / den
	}
	if r.Diagnostic != nil {
		s.Diagnostic = *r.Diagnostic
		s.Total = int(math.Round(100 * ((checklistShare-diagnosticShare)*s.Checklist + inventoryShare*s.Inventory + diagnosticShare*s.Diagnostic)))
		return s
	}
	s.Total = int(math.Round(100 * (checklistShare*s.Checklist + inventoryShare*s.Inventory)))
	return s
}

// periodStart is the first day of the regularity period: ScoreDays ago, or
// the first day Hygie was used if later, so a new user is not penalised
// for the weeks before installing it.
func (r Records) periodStart(today string) string {
	start := AddDays(today, -(ScoreDays - 1))
	first := today
	for _, t := range r.Ticks {
		if t.Day < first {
			first = t.Day
		}
	}
	for _, na := range r.NA {
		if na.Since != "" && na.Since < first {
			first = na.Since
		}
	}
	if first > start {
		return first
	}
	return start
}

// coverage is between 0 and 1: for a daily item the share of days of the
// period it was ticked, for a weekly item the share of 7-day blocks ending
// today that hold a tick, for the others 1 when up to date today. An item
// whose latest automatic check failed counts 0.
func (r Records) coverage(idx tickIndex, it Item, start, today string) float64 {
	st := r.State(it, today)
	if st.Status == Failed {
		return 0
	}
	if st.FromInventory() {
		if st.Status == Done {
			return 1
		}
		return 0
	}
	switch it.Freq {
	case Daily:
		days, done := 0, 0
		for d := start; d <= today; d = AddDays(d, 1) {
			days++
			if idx.tickedIn(it.ID, d, d) {
				done++
			}
		}
		return float64(done) / float64(days)
	case Weekly:
		blocks, done := 0, 0
		for end := today; end >= start; end = AddDays(end, -7) {
			blocks++
			if idx.tickedIn(it.ID, AddDays(end, -6), end) {
				done++
			}
		}
		return float64(done) / float64(blocks)
	}
	if idx.coveredOn(it, today) {
		return 1
	}
	return 0
}
