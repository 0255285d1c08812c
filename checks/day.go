package checks

import "time"

// DayLayout is how a day of the practice is written and stored: a local
// calendar date, so a change of time zone or clock never moves a tick to
// another day of the history.
const DayLayout = "2006-01-02"

// DayOf is the calendar date of t in t's own location; pass a local time.
func DayOf(t time.Time) string { return t.Format(DayLayout) }

// AddDays returns the date n days after day (before when n < 0). The
// arithmetic runs at noon UTC, so summer time never skips or repeats a day.
// An unparsable day is returned unchanged.
func AddDays(day string, n int) string {
	t, err := parseDay(day)
	if err != nil {
		return day
	}
	return t.AddDate(0, 0, n).Format(DayLayout)
}

// DaysBetween is the number of days from a to b (negative when b is before
// a); 0 when either cannot be read.
func DaysBetween(a, b string) int {
	ta, err1 := parseDay(a)
	tb, err2 := parseDay(b)
	if err1 != nil || err2 != nil {
		return 0
	}
	return int(tb.Sub(ta).Hours() / 24)
}

// ValidDay reports whether s is a well-formed calendar date.
func ValidDay(s string) bool {
	_, err := parseDay(s)
	return err == nil
}

func parseDay(s string) (time.Time, error) {
	t, err := time.Parse(DayLayout, s)
	if err != nil {
		return t, err
	}
	return t.Add(12 * time.Hour), nil
}
