package probe

import (
	"fmt"
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
	details := fmt.Sprintf("GNOME: lock-enabled %s, idle-delay %s, lock-delay %s", enabled, strings.TrimSpace(idleDelay), strings.TrimSpace(lockDelay))
	switch {
	case !ok1 || !ok2 || (enabled != "true" && enabled != "false"):
		return unknown(CodeUnreadable, Params{}, details)
	case enabled == "false":
		return fail(CodeLockDisabled, Params{}, details)
	case idle == 0:
		return fail(CodeLockNever, Params{}, details)
	}
	return lockAfter(idle+delay, details)
}

// lockAfter decides from the seconds of inactivity before the lock.
func lockAfter(seconds int, details string) Result {
	if seconds > maxLockDelay {
		return fail(CodeLockTooLate, Params{Delay: seconds}, details)
	}
	return pass(CodeLockOK, Params{Delay: seconds}, details)
}

// kdeLock decides from kscreenlockerrc's [Daemon] keys, which
// kreadconfig prints empty when the user kept KDE's default (Autolock true,
// Timeout 5 minutes, LockGrace 5 seconds).
func kdeLock(autolock, timeout string) Result {
	details := fmt.Sprintf("KDE kscreenlockerrc [Daemon]: Autolock=%s, Timeout=%s (empty: default)", strings.TrimSpace(autolock), strings.TrimSpace(timeout))
	if strings.TrimSpace(autolock) == "false" {
		return fail(CodeLockDisabled, Params{}, details)
	}
	minutes := 5
	if t := strings.TrimSpace(timeout); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil {
			return unknown(CodeUnreadable, Params{}, details)
		}
		minutes = n
	}
	if minutes == 0 {
		return fail(CodeLockNever, Params{}, details)
	}
	return lockAfter(minutes*60, details)
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
		return unknown(CodeUnreadable, Params{}, "screen lock script: "+err.Error())
	}
	if n, ok := s.InactivityTimeoutSecs.integer(); ok && n > 0 && n <= maxLockDelay {
		return pass(CodeLockOK, Params{Delay: int(n)}, fmt.Sprintf("Local Security Policy: InactivityTimeoutSecs=%d", n))
	}
	d := s.User.merge(s.Policy)
	active, _ := d.Active.boolean()
	secure, _ := d.Secure.boolean()
	timeout, _ := d.Timeout.integer()
	details := fmt.Sprintf("Control Panel\\Desktop (policy first): ScreenSaveActive=%s, ScreenSaverIsSecure=%s, ScreenSaveTimeOut=%s, SCRNSAVE.EXE=%s; InactivityTimeoutSecs=%s",
		d.Active, d.Secure, d.Timeout, d.Exe, s.InactivityTimeoutSecs)
	switch {
	case !active || d.Exe.String() == "":
		return fail(CodeLockNever, Params{}, details)
	case !secure:
		return fail(CodeLockNoPassword, Params{}, details)
	case timeout <= 0:
		return fail(CodeLockNever, Params{}, details)
	}
	return lockAfter(int(timeout), details)
}

// sysadminctl -screenLock status writes, on stderr, lines such as
// "… sysadminctl[512:3210] screenLock delay is immediate" or
// "screenLock delay is 300 seconds" or "screenLock is off".
var macScreenLock = lazyRegexp(`screenLock (?:delay is (immediate|(\d+) seconds)|is (off|disabled))`)

// pmset -g prints " displaysleep         10" (minutes, 0 = never).
var pmsetDisplaySleep = lazyRegexp(`(?m)^\s*displaysleep\s+(\d+)`)

// macLock decides from the password delay (sysadminctl), the screen
// saver's idle time (seconds, "" if never set) and display sleep (pmset):
// the screen locks after whichever of the two comes first, plus the delay.
func macLock(sysadminctl, idleTime, pmset string) Result {
	m := macScreenLock().FindStringSubmatch(sysadminctl)
	if m == nil {
		return unknown(CodeUnreadable, Params{}, "sysadminctl -screenLock status: "+firstLine(sysadminctl))
	}
	if m[3] != "" {
		return fail(CodeLockNoPassword, Params{}, "sysadminctl: "+m[0])
	}
	delay, _ := strconv.Atoi(m[2]) // "immediate" leaves 0
	idle, source := 0, ""
	if n, err := strconv.Atoi(strings.TrimSpace(idleTime)); err == nil && n > 0 {
		idle, source = n, "screensaver idleTime"
	}
	if d := pmsetDisplaySleep().FindStringSubmatch(pmset); d != nil {
		if n, _ := strconv.Atoi(d[1]); n > 0 && (idle == 0 || n*60 < idle) {
			idle, source = n*60, "pmset displaysleep"
		}
	}
	details := fmt.Sprintf("sysadminctl: %s; %s %d s", m[0], orNone([]string{source})[0], idle)
	if idle == 0 {
		return fail(CodeLockNever, Params{}, details)
	}
	return lockAfter(idle+delay, details)
}
