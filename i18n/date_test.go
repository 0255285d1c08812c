package i18n

import (
	"testing"
	"time"
)

func TestDate(t *testing.T) {
	first := time.Date(2026, time.December, 1, 8, 30, 0, 0, time.UTC)
	second := first.AddDate(0, 0, 1)
	for _, c := range []struct {
		t    time.Time
		tag  string
		want string
	}{
		{first, FR, "1er décembre 2026"},
		{second, FR, "2 décembre 2026"},
		{time.Date(2026, time.August, 15, 0, 0, 0, 0, time.UTC), FR, "15 août 2026"},
		{first, EN, "1 December 2026"},
		{second, "en-GB", "2 December 2026"},
	} {
		if got := Date(c.t, c.tag); got != c.want {
			t.Errorf("Date(%v, %q) = %q, want %q", c.t, c.tag, got, c.want)
		}
	}
	if got := DateTime(first, FR); got != "1er décembre 2026 à 08:30" {
		t.Errorf("DateTime FR = %q", got)
	}
	if got := DayMonth(first, FR); got != "1er décembre" {
		t.Errorf("DayMonth FR = %q", got)
	}
}
