package i18n

import (
	"strconv"
	"time"
)

var monthsFR = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}

// Date writes t's calendar day as a person would: « 1er décembre 2026 »,
// « 2 décembre 2026 » in French, "1 December 2026" in English.
func Date(t time.Time, tag string) string {
	if Lang(tag) == EN {
		return t.Format("2 January 2006")
	}
	day := strconv.Itoa(t.Day())
	if t.Day() == 1 {
		day = "1er"
	}
	return day + " " + monthsFR[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// DateTime is Date followed by the time of day: « 1er décembre 2026 à
// 08:30 », "1 December 2026 at 08:30".
func DateTime(t time.Time, tag string) string {
	if Lang(tag) == EN {
		return Date(t, tag) + " at " + t.Format("15:04")
	}
	return Date(t, tag) + " à " + t.Format("15:04")
}

// DayMonth is Date without the year: « 1er décembre », "1 December".
func DayMonth(t time.Time, tag string) string {
	if Lang(tag) == EN {
		return t.Format("2 January")
	}
	day := strconv.Itoa(t.Day())
	if t.Day() == 1 {
		day = "1er"
	}
	return day + " " + monthsFR[t.Month()-1]
}

// MonthName is the name of month m in the language of tag, lower case in French.
func MonthName(m time.Month, tag string) string {
	if Lang(tag) == EN {
		return m.String()
	}
	return monthsFR[m-1]
}
