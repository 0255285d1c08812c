// Package export writes the incident journal as a dated PDF that gathers
// what a CNIL breach notification and a cyber-insurer ask for, and computes
// the two 72-hour clocks that start when an attack is discovered.
package export

import (
	"strconv"
	"time"

	"hygie/i18n"
)

// Window is the time both clocks give: 72 hours from discovery.
const Window = 72 * time.Hour

// Clock is one deadline that runs from the moment of discovery.
type Clock struct {
	ID    string    // "cnil" or "complaint"
	Name  i18n.Text // what must be done
	Basis i18n.Text // the text that sets it, and when it applies
	// Deadline is discovery + 72 h; Remaining is Deadline − now, negative
	// once passed (then Overdue is true).
	Deadline  time.Time
	Remaining time.Duration
	Overdue   bool
}

// Clocks returns, for an attack discovered at discovered and the time now,
// the CNIL notification clock (GDPR art. 33, when the breach presents a
// risk to people) and the complaint clock a cyber-insurance payout depends
// on (Code des assurances, art. L12-10-1, since 24 April 2023).
func Clocks(discovered, now time.Time) []Clock {
	deadline := discovered.Add(Window)
	mk := func(id string, name, basis i18n.Text) Clock {
		left := deadline.Sub(now)
		return Clock{ID: id, Name: name, Basis: basis, Deadline: deadline, Remaining: left, Overdue: left < 0}
	}
	return []Clock{
		mk("cnil", i18n.Text{
			FR: "Notifier la violation de données à la CNIL",
			EN: "Notify the data breach to the CNIL",
		}, i18n.Text{
			FR: "RGPD, article 33 : dans les 72 heures après en avoir pris connaissance, si la violation présente un risque pour les patients ; au-delà, expliquer le retard. Une notification initiale peut être complétée ensuite.",
			EN: "GDPR, article 33: within 72 hours of becoming aware, when the breach presents a risk to patients; later, give the reasons for the delay. An initial notification may be completed afterwards.",
		}),
		mk("complaint", i18n.Text{
			FR: "Porter plainte pour être indemnisé par l'assurance cyber",
			EN: "File a complaint to be paid by the cyber insurance",
		}, i18n.Text{
			FR: "Code des assurances, article L12-10-1 (depuis le 24 avril 2023) : l'assureur n'indemnise une cyberattaque que si la plainte est déposée dans les 72 heures après que la victime en a eu connaissance.",
			EN: "Code des assurances, article L12-10-1 (since 24 April 2023): the insurer pays for a cyberattack only if the complaint is filed within 72 hours of the victim learning of it.",
		}),
	}
}

// Remaining says a clock's remaining time in French words: « 2 jours et
// 5 heures », « 40 minutes », or « délai dépassé de 3 heures ».
func Remaining(c Clock) string {
	return RemainingText(c).FR
}

// RemainingText says a clock's remaining time in French and in English,
// with each language's plurals (French: « 1 heure », « 0 minute »;
// English: "1 hour", "0 minutes"), for the screen that counts down.
func RemainingText(c Clock) i18n.Text {
	d := c.Remaining
	if d < 0 {
		return i18n.Text{FR: "délai dépassé de " + duration(-d, french), EN: "deadline passed by " + duration(-d, english)}
	}
	return i18n.Text{FR: duration(d, french), EN: duration(d, english)}
}

// units names the day, hour and minute, singular then plural, and the word
// that joins two of them, in one language.
type units struct {
	day, hour, minute [2]string
	and               string
	// zeroOne is whether 0 takes the singular, as in French.
	zeroOne bool
}

var (
	french  = units{[2]string{"jour", "jours"}, [2]string{"heure", "heures"}, [2]string{"minute", "minutes"}, " et ", true}
	english = units{[2]string{"day", "days"}, [2]string{"hour", "hours"}, [2]string{"minute", "minutes"}, " and ", false}
)

func duration(d time.Duration, u units) string {
	d = d.Round(time.Minute)
	days, hours, mins := int(d/(24*time.Hour)), int(d/time.Hour)%24, int(d/time.Minute)%60
	switch {
	case days > 0 && hours > 0:
		return u.count(days, u.day) + u.and + u.count(hours, u.hour)
	case days > 0:
		return u.count(days, u.day)
	case hours > 0 && mins > 0:
		return u.count(hours, u.hour) + u.and + u.count(mins, u.minute)
	case hours > 0:
		return u.count(hours, u.hour)
	}
	return u.count(mins, u.minute)
}

func (u units) count(n int, word [2]string) string {
	w := word[1]
	if n == 1 || (n == 0 && u.zeroOne) {
		w = word[0]
	}
	return strconv.Itoa(n) + " " + w
}
