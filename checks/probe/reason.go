package probe

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"hygie/i18n"
)

// Params are the facts a reason's sentence is built from. Only the ones
// its code names are set; the JSON is what the checklist stores.
type Params struct {
	Count    int           `json:"count,omitempty"`    // how many: updates, drives, profiles
	Security int           `json:"security,omitempty"` // of Count, security updates
	Name     string        `json:"name,omitempty"`     // an account, a product, a desktop
	Names    []string      `json:"names,omitempty"`    // drives, network profiles
	Age      time.Duration `json:"age,omitempty"`      // how long ago
	Limit    time.Duration `json:"limit,omitempty"`    // the age allowed
	Delay    int           `json:"delay,omitempty"`    // seconds before the screen locks
	Date     time.Time     `json:"date,omitzero"`      // a day, shown in the user's format
}

// wording is one reason in both languages; One, when written, is used
// when Count is 1 (0 or 1 in French).
type wording struct {
	One   i18n.Text `json:"one"`
	Other i18n.Text `json:"other"`
}

//go:embed data/reasons.json
var reasonsJSON []byte

// reasons is data/reasons.json: the sentence of every code, and the terms
// (Windows profile names) translated inside a list.
type reasons struct {
	Terms   map[string]i18n.Text `json:"terms"`
	Reasons map[Code]wording     `json:"reasons"`
}

// catalogue reads data/reasons.json on the first sentence asked for: a
// dashboard without a failed check never needs it (docs/performance.md).
var catalogue = sync.OnceValue(func() (c reasons) {
	if err := json.Unmarshal(reasonsJSON, &c); err != nil {
		panic("probe: data/reasons.json: " + err.Error())
	}
	return c
})

// Text is the result's reason as one plain sentence in the language of
// tag, without any command or path: those are in Details.
func (r Result) Text(tag string) string {
	w, ok := catalogue().Reasons[r.Code]
	if !ok {
		w = catalogue().Reasons[CodeOldResult]
	}
	lng := i18n.Lang(tag)
	t := w.Other
	if n := r.Params.count(); n == 1 && w.One.Complete() {
		t = w.One
	}
	return fill(t.In(lng), r.Params, lng)
}

// count is what a plural agrees with: Count, else the number of Names.
func (p Params) count() int {
	if p.Count != 0 {
		return p.Count
	}
	return len(p.Names)
}

// fill replaces the {placeholders} of a sentence with the parameters,
// each written the way the language writes it.
func fill(s string, p Params, lng string) string {
	return strings.NewReplacer(
		"{count}", strconv.Itoa(p.Count),
		"{security}", strconv.Itoa(p.Security),
		"{name}", p.Name,
		"{names}", listIn(terms(p.Names, lng), lng),
		"{ago}", agoIn(p.Age, lng),
		"{age}", daysOrHours(p.Age, lng),
		"{limit}", durationIn(p.Limit, lng),
		"{delay}", secondsText(p.Delay),
		"{date}", dateIn(p.Date, lng),
	).Replace(s)
}

func terms(names []string, lng string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = n
		if t, ok := catalogue().Terms[strings.ToLower(n)]; ok {
			out[i] = t.In(lng)
		}
	}
	return out
}

// listIn joins names as « a, b et c » or "a, b and c".
func listIn(items []string, lng string) string {
	and := " et "
	if lng == i18n.EN {
		and = " and "
	}
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + and + items[len(items)-1]
}

// agoIn says how long ago something happened, with the precision a
// person needs: minutes, then hours, then days.
func agoIn(d time.Duration, lng string) string {
	switch {
	case d < time.Minute && lng == i18n.EN:
		return "less than a minute ago"
	case d < time.Minute:
		return "il y a moins d'une minute"
	case lng == i18n.EN:
		return daysOrHours(d, lng) + " ago"
	}
	return "il y a " + daysOrHours(d, lng)
}

// daysOrHours writes an age: « 12 min », « 27 h », « 9 jours ».
func daysOrHours(d time.Duration, lng string) string {
	switch {
	case d < time.Hour:
		return fmt.Sprintf("%d min", max(1, int(d/time.Minute)))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d h", int(d/time.Hour))
	}
	return daysIn(int(d/(24*time.Hour)), lng)
}

// durationIn writes a limit such as the backup age: « 26 h », « 7 jours ».
func durationIn(d time.Duration, lng string) string {
	switch {
	case d >= 48*time.Hour && d%(24*time.Hour) == 0:
		return daysIn(int(d/(24*time.Hour)), lng)
	case d >= time.Hour && d%time.Hour == 0:
		return fmt.Sprintf("%d h", int(d/time.Hour))
	case d >= time.Hour:
		return fmt.Sprintf("%d h %02d", int(d/time.Hour), int(d%time.Hour/time.Minute))
	}
	return fmt.Sprintf("%d min", max(1, int(d/time.Minute)))
}

// daysIn is a count of days with its plural.
func daysIn(n int, lng string) string {
	switch {
	case lng == i18n.EN && n == 1:
		return "1 day"
	case lng == i18n.EN:
		return fmt.Sprintf("%d days", n)
	case n <= 1:
		return fmt.Sprintf("%d jour", n)
	}
	return fmt.Sprintf("%d jours", n)
}

// secondsText writes a delay: « 45 s », « 5 min », « 5 min 30 s ».
func secondsText(s int) string {
	switch {
	case s < 60:
		return fmt.Sprintf("%d s", s)
	case s%60 == 0:
		return fmt.Sprintf("%d min", s/60)
	default:
		return fmt.Sprintf("%d min %d s", s/60, s%60)
	}
}

var monthsEN = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// dateIn writes a day as 14/02/2024 in French, 14 Feb 2024 in English.
func dateIn(t time.Time, lng string) string {
	if t.IsZero() {
		return "?"
	}
	t = t.Local()
	if lng == i18n.EN {
		return fmt.Sprintf("%d %s %d", t.Day(), monthsEN[t.Month()-1], t.Year())
	}
	return t.Format("02/01/2006")
}
