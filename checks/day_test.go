package checks

import (
	"testing"
	"time"
)

var addCases = []struct {
	day  string
	n    int
	want string
}{
	{"2026-03-28", 1, "2026-03-29"}, // the night summer time starts in France
	{"2026-03-29", 1, "2026-03-30"},
	{"2026-10-25", -1, "2026-10-24"}, // winter time
	{"2024-02-28", 1, "2024-02-29"},
	{"2026-01-01", -1, "2025-12-31"},
	{"bad", 3, "bad"},
}

func TestAddDays(t *testing.T) {
	for _, c := range addCases {
		if got := AddDays(c.day, c.n); got != c.want {
			t.Errorf("AddDays(%s, %d) = %s, want %s", c.day, c.n, got, c.want)
		}
		if c.day != "bad" && DaysBetween(c.day, c.want) != c.n {
			t.Errorf("DaysBetween(%s, %s) = %d, want %d", c.day, c.want, DaysBetween(c.day, c.want), c.n)
		}
	}
}

// TestDayOfFollowsTheLocalCalendar: 23:30 in Paris is still the same day
// there even though it is the next day in UTC+14.
func TestDayOfFollowsTheLocalCalendar(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	at := time.Date(2026, 11, 22, 23, 30, 0, 0, paris)
	if got := DayOf(at); got != "2026-11-22" {
		t.Errorf("DayOf(23:30 Paris) = %s", got)
	}
	if got := DayOf(at.UTC()); got != "2026-11-22" {
		t.Errorf("DayOf(UTC) = %s", got)
	}
	if !ValidDay("2026-02-28") || ValidDay("2026-02-30") || ValidDay("") {
		t.Errorf("ValidDay wrong")
	}
}
