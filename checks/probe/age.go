package probe

import (
	"fmt"
	"time"
)

// agoFR says how long ago something happened, in plain French and with
// the precision a person needs: minutes, then hours, then days.
func agoFR(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "il y a moins d'une minute"
	case d < time.Hour:
		return fmt.Sprintf("il y a %d min", int(d/time.Minute))
	case d < 48*time.Hour:
		return fmt.Sprintf("il y a %d h", int(d/time.Hour))
	default:
		return fmt.Sprintf("il y a %d jours", int(d/(24*time.Hour)))
	}
}

// durationFR writes a limit such as the backup age: « 26 h », « 7 jours ».
func durationFR(d time.Duration) string {
	switch {
	case d >= 48*time.Hour && d%(24*time.Hour) == 0:
		return fmt.Sprintf("%d jours", int(d/(24*time.Hour)))
	case d >= time.Hour:
		if d%time.Hour == 0 {
			return fmt.Sprintf("%d h", int(d/time.Hour))
		}
		return fmt.Sprintf("%d h %02d", int(d/time.Hour), int(d%time.Hour/time.Minute))
	default:
		return fmt.Sprintf("%d min", max(1, int(d/time.Minute)))
	}
}

// daysFR is a count of days: « 1 jour », « 12 jours ».
func daysFR(n int) string {
	if n <= 1 {
		return fmt.Sprintf("%d jour", n)
	}
	return fmt.Sprintf("%d jours", n)
}
