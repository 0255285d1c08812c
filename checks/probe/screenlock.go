package probe

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// maxLockDelay is the longest the session may stay open after the last
// keystroke, in seconds: five minutes, Hygie's choice, stricter than the
// CIS benchmarks (15 minutes for Windows and GNOME, 20 for macOS) because
// patients pass close to the screen in a practice.
const maxLockDelay = 300

// MaxLockDelay is maxLockDelay as a duration, for the checks that keep the
// checklist and the guides saying the same figure.
const MaxLockDelay = maxLockDelay * time.Second

// gvariantUint reads a gsettings value such as "uint32 300" or "300".
func gvariantUint(s string) (int, bool) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return 0, false
	}
	n, err := strconv.Atoi(f[len(f)-1])
	return n, err == nil
}

// gnomeLock decides from three GNOME settings: lock-enabled, lock-delay
// (seconds between the screen blanking and the lock) and the session's
// idle-delay (seconds of inactivity before the screen blanks; 0 = never).
func gnomeLock(lockEnabled, lockDelay, idleDelay string) Result {
	idle, ok1 := gvariantUint(idleDelay)
	delay, ok2 := gvariantUint(lockDelay)
	enabled := strings.TrimSpace(lockEnabled)
	if !ok1 || !ok2 || (enabled != "true" && enabled != "false") {
		return unknown("gsettings : valeurs illisibles", "Hygie n'a pas pu lire les réglages de verrouillage de GNOME.")
	}
	switch {
	case enabled == "false":
		return fail("GNOME : le verrouillage automatique de l'écran est désactivé (lock-enabled false)")
	case idle == 0:
		return fail("GNOME : l'écran ne s'éteint jamais quand l'ordinateur est inactif (idle-delay 0)")
	}
	ev := fmt.Sprintf("GNOME : écran verrouillé après %s d'inactivité (idle-delay %d s + lock-delay %d s)", secondsFR(idle+delay), idle, delay)
	if idle+delay > maxLockDelay {
		return fail(ev + ", plus de 5 min")
	}
	return pass(ev)
}

// kdeLock decides from kscreenlockerrc's [Daemon] keys, which
// kreadconfig prints empty when the user kept KDE's default (Autolock true,
// Timeout 5 minutes, LockGrace 5 seconds).
func kdeLock(autolock, timeout string) Result {
	if strings.TrimSpace(autolock) == "false" {
		return fail("KDE : le verrouillage automatique de l'écran est désactivé (Autolock=false)")
	}
	minutes := 5
	if t := strings.TrimSpace(timeout); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil {
			return unknown("kscreenlockerrc : Timeout="+t, "Hygie n'a pas compris le délai de verrouillage de KDE.")
		}
		minutes = n
	}
	if minutes == 0 {
		return fail("KDE : l'écran ne se verrouille jamais après inactivité (Timeout=0)")
	}
	ev := fmt.Sprintf("KDE : écran verrouillé après %d min d'inactivité (kscreenlockerrc Timeout=%d)", minutes, minutes)
	if minutes*60 > maxLockDelay {
		return fail(ev + ", plus de 5 min")
	}
	return pass(ev)
}

// secondsFR writes a delay: « 45 s », « 5 min », « 5 min 30 s ».
func secondsFR(s int) string {
	switch {
	case s < 60:
		return fmt.Sprintf("%d s", s)
	case s%60 == 0:
		return fmt.Sprintf("%d min", s/60)
	default:
		return fmt.Sprintf("%d min %d s", s/60, s%60)
	}
}

// winDesktop is the screen-saver settings of one registry key.
type winDesktop struct {
	Active  flex // ScreenSaveActive
	Secure  flex // ScreenSaverIsSecure
	Timeout flex // ScreenSaveTimeOut, seconds
	Exe     flex // SCRNSAVE.EXE: empty means no screen saver is chosen
}

// merge gives the policy's values precedence, as Windows does.
func (user winDesktop) merge(policy winDesktop) winDesktop {
	pick := func(p, u flex) flex {
		if p.String() != "" {
			return p
		}
		return u
	}
	return winDesktop{pick(policy.Active, user.Active), pick(policy.Secure, user.Secure),
		pick(policy.Timeout, user.Timeout), pick(policy.Exe, user.Exe)}
}

type winScreenLock struct {
	User                  winDesktop
	Policy                winDesktop
	InactivityTimeoutSecs flex // machine inactivity limit (Local Security Policy)
}

// parseWinScreenLock reads the screen-saver settings of the user and of
// group policy, and the machine inactivity limit: either must lock the
// session within five minutes.
func parseWinScreenLock(text string) Result {
	var s winScreenLock
	if err := decodePS(text, &s); err != nil {
		return unknown("Registre : réponse illisible", "Hygie n'a pas pu lire les réglages de verrouillage de Windows.")
	}
	if n, ok := s.InactivityTimeoutSecs.integer(); ok && n > 0 && n <= maxLockDelay {
		return pass(fmt.Sprintf("Stratégie Windows : session verrouillée après %s d'inactivité (InactivityTimeoutSecs=%d)", secondsFR(int(n)), n))
	}
	d := s.User.merge(s.Policy)
	active, _ := d.Active.boolean()
	secure, _ := d.Secure.boolean()
	timeout, _ := d.Timeout.integer()
	switch {
	case !active || d.Exe.String() == "":
		return fail("Windows : aucun économiseur d'écran ne verrouille la session après inactivité")
	case !secure:
		return fail("Windows : l'économiseur d'écran ne demande pas le mot de passe au retour (ScreenSaverIsSecure=0)")
	case timeout <= 0:
		return fail("Windows : l'économiseur d'écran n'a pas de délai d'inactivité")
	}
	ev := fmt.Sprintf("Windows : session verrouillée après %s d'inactivité (économiseur d'écran, ScreenSaveTimeOut=%d)", secondsFR(int(timeout)), timeout)
	if timeout > maxLockDelay {
		return fail(ev + ", plus de 5 min")
	}
	return pass(ev)
}

// sysadminctl -screenLock status writes, on stderr, lines such as
// "… sysadminctl[512:3210] screenLock delay is immediate" or
// "screenLock delay is 300 seconds" or "screenLock is off".
var macScreenLock = regexp.MustCompile(`screenLock (?:delay is (immediate|(\d+) seconds)|is (off|disabled))`)

// pmset -g prints " displaysleep         10" (minutes, 0 = never).
var pmsetDisplaySleep = regexp.MustCompile(`(?m)^\s*displaysleep\s+(\d+)`)

// macLock decides from the password delay (sysadminctl), the screen
// saver's idle time (seconds, "" if never set) and display sleep (pmset):
// the screen locks after whichever of the two comes first, plus the delay.
func macLock(sysadminctl, idleTime, pmset string) Result {
	m := macScreenLock.FindStringSubmatch(sysadminctl)
	if m == nil {
		return unknown("sysadminctl -screenLock status : "+firstLine(sysadminctl), "Hygie n'a pas compris le réglage de verrouillage de macOS.")
	}
	if m[3] != "" {
		return fail("macOS : l'écran ne demande pas le mot de passe au réveil (screenLock is off)")
	}
	delay, _ := strconv.Atoi(m[2]) // "immediate" leaves 0
	idle, source := 0, ""
	if n, err := strconv.Atoi(strings.TrimSpace(idleTime)); err == nil && n > 0 {
		idle, source = n, "économiseur d'écran"
	}
	if d := pmsetDisplaySleep.FindStringSubmatch(pmset); d != nil {
		if n, _ := strconv.Atoi(d[1]); n > 0 && (idle == 0 || n*60 < idle) {
			idle, source = n*60, "mise en veille de l'écran"
		}
	}
	if idle == 0 {
		return fail("macOS : ni l'économiseur d'écran ni la veille de l'écran ne se déclenchent après inactivité")
	}
	ev := fmt.Sprintf("macOS : écran verrouillé après %s d'inactivité (%s après %s, mot de passe exigé %s)",
		secondsFR(idle+delay), source, secondsFR(idle), delayFR(delay))
	if idle+delay > maxLockDelay {
		return fail(ev + ", plus de 5 min")
	}
	return pass(ev)
}

func delayFR(s int) string {
	if s == 0 {
		return "immédiatement"
	}
	return "après " + secondsFR(s)
}
