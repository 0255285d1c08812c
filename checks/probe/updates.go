package probe

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// maxUpdateAge is how long a Windows machine may go without installing
// updates: Microsoft publishes them monthly, so five weeks means one missed.
const maxUpdateAge = 35 * 24 * time.Hour

// maxCheckAge is how old macOS's last search for updates may be before
// its "nothing pending" stops meaning anything.
const maxCheckAge = 14 * 24 * time.Hour

// parseAptUpgradable reads `apt list --upgradable`: one
// "name/suite[,suite] version arch [upgradable from: old]" line per package.
func parseAptUpgradable(text string) Result {
	var all, security []string
	for _, l := range strings.Split(text, "\n") {
		name, rest, ok := strings.Cut(strings.TrimSpace(l), "/")
		if !ok || !strings.Contains(rest, "[upgradable from:") {
			continue // "Listing...", warnings, blank lines
		}
		all = append(all, name)
		suites, _, _ := strings.Cut(rest, " ")
		if strings.Contains(suites, "-security") {
			security = append(security, name)
		}
	}
	const cmd = "apt list --upgradable"
	switch {
	case len(all) == 0:
		return pass(CodeUpdatesNone, Params{}, cmd+": nothing upgradable")
	case len(security) > 0:
		return fail(CodeUpdatesSecurity, Params{Count: len(all), Security: len(security)},
			fmt.Sprintf("%s: %d upgradable, %d from a -security suite (%s)", cmd, len(all), len(security), list(security, 6)))
	}
	return fail(CodeUpdatesPending, Params{Count: len(all)}, fmt.Sprintf("%s: %d upgradable (%s)", cmd, len(all), list(all, 6)))
}

// parseDnfCheckUpdate reads `dnf check-update`: exit 0 means nothing to
// do, 100 means updates are listed as "name.arch version repo" lines.
func parseDnfCheckUpdate(out Output) Result {
	const cmd = "dnf check-update"
	switch out.Code {
	case 0:
		return pass(CodeUpdatesNone, Params{}, cmd+": exit 0, nothing to update")
	case 100:
	default:
		return cmdUnknown(out, cmd)
	}
	var names []string
	for _, l := range strings.Split(out.Stdout, "\n") {
		if strings.HasPrefix(l, "Obsoleting") {
			break // what follows repeats packages already listed
		}
		f := strings.Fields(l)
		if len(f) == 3 && strings.Contains(f[0], ".") && !strings.HasSuffix(l, ":") {
			names = append(names, f[0][:strings.LastIndex(f[0], ".")])
		}
	}
	if len(names) == 0 {
		return fail(CodeUpdatesSome, Params{}, cmd+": exit 100, updates listed")
	}
	return fail(CodeUpdatesPending, Params{Count: len(names)}, fmt.Sprintf("%s: %d updates (%s)", cmd, len(names), list(names, 6)))
}

// winUpdates is what the Windows update script prints; dates are UTC.
type winUpdates struct {
	RebootRequired flex
	PausedUntil    flex
	LastInstall    flex // Microsoft.Update.AutoUpdate: last successful installation
	LastHotfix     flex // Get-HotFix: newest InstalledOn, a local date
}

// parseWinUpdates decides from the update state Windows keeps: a pending
// restart, paused updates, or no installation for five weeks fail.
func parseWinUpdates(text string, now time.Time) Result {
	var u winUpdates
	if err := decodePS(text, &u); err != nil {
		return unknown(CodeUnreadable, Params{}, "Windows Update script: "+err.Error())
	}
	if r, _ := u.RebootRequired.boolean(); r {
		return fail(CodeUpdatesReboot, Params{}, "Windows Update: RebootRequired")
	}
	if until, ok := parseWhen(u.PausedUntil.String()); ok && until.After(now) {
		return fail(CodeUpdatesPaused, Params{Date: until}, "Windows Update: PauseUpdatesExpiryTime "+u.PausedUntil.String())
	}
	last, ok := parseWhen(u.LastInstall.String())
	if h, okh := parseWhen(u.LastHotfix.String()); okh && (!ok || h.After(last)) {
		last, ok = h, true
	}
	if !ok {
		return unknown(CodeUpdatesNoDate, Params{}, "Windows Update: no LastInstallationSuccessDate, no Get-HotFix date")
	}
	p := Params{Age: now.Sub(last), Date: last}
	details := fmt.Sprintf("Windows Update: LastInstallationSuccessDate %s, newest hotfix %s", orNone([]string{u.LastInstall.String()})[0], orNone([]string{u.LastHotfix.String()})[0])
	if p.Age > maxUpdateAge {
		return fail(CodeUpdatesOld, p, details)
	}
	return pass(CodeUpdatesRecent, p, details)
}

// parseWhen reads the date formats our scripts and plists print.
func parseWhen(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339, "2006-01-02 15:04:05 -0700", "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// Keys of `defaults read /Library/Preferences/com.apple.SoftwareUpdate`
// (old-style plist text): `Key = value;` lines.
var (
	plistKey     = lazyRegexp(`(?m)^\s*"?([A-Za-z ]+?)"?\s*=\s*"?([^";]*)"?;\s*$`)
	plistDisplay = lazyRegexp(`"Display Name"\s*=\s*"?([^";]*)"?;`)
)

// parseMacUpdatePrefs reads the result of macOS's own background search
// for updates, kept in com.apple.SoftwareUpdate: reading it is fast and
// needs no network, unlike `softwareupdate -l`.
func parseMacUpdatePrefs(text string, now time.Time) Result {
	keys := map[string]string{}
	for _, m := range plistKey().FindAllStringSubmatch(text, -1) {
		keys[m[1]] = m[2]
	}
	const src = "com.apple.SoftwareUpdate"
	n, err := strconv.Atoi(keys["LastRecommendedUpdatesAvailable"])
	if err != nil {
		return unknown(CodeUpdatesNeverChecked, Params{}, src+": no LastRecommendedUpdatesAvailable")
	}
	if n > 0 {
		var names []string
		for _, m := range plistDisplay().FindAllStringSubmatch(text, -1) {
			names = append(names, m[1])
		}
		return fail(CodeUpdatesPending, Params{Count: n}, fmt.Sprintf("%s: LastRecommendedUpdatesAvailable = %d (%s)", src, n, list(names, 6)))
	}
	if keys["AutomaticCheckEnabled"] == "0" {
		return fail(CodeUpdatesAutoCheckOff, Params{}, src+": AutomaticCheckEnabled = 0")
	}
	last, ok := parseWhen(keys["LastSuccessfulDate"])
	if !ok {
		return unknown(CodeUpdatesCheckUndated, Params{}, src+": LastRecommendedUpdatesAvailable = 0, no LastSuccessfulDate")
	}
	p := Params{Age: now.Sub(last)}
	details := src + ": LastRecommendedUpdatesAvailable = 0, LastSuccessfulDate = " + keys["LastSuccessfulDate"]
	if p.Age > maxCheckAge {
		return unknown(CodeUpdatesCheckStale, p, details)
	}
	return pass(CodeUpdatesChecked, p, details)
}

// parseSoftwareUpdateList reads `softwareupdate -l` (stdout and stderr,
// where it prints "No new software available.").
func parseSoftwareUpdateList(text string) Result {
	var titles []string
	for _, l := range strings.Split(text, "\n") {
		if label, ok := strings.CutPrefix(strings.TrimSpace(l), "* Label:"); ok {
			titles = append(titles, strings.TrimSpace(label))
		}
	}
	const cmd = "softwareupdate -l"
	switch {
	case len(titles) > 0:
		return fail(CodeUpdatesPending, Params{Count: len(titles)}, fmt.Sprintf("%s: %d updates (%s)", cmd, len(titles), list(titles, 6)))
	case strings.Contains(text, "No new software available"):
		return pass(CodeUpdatesNone, Params{}, cmd+": No new software available.")
	}
	return unknown(CodeUnreadable, Params{}, cmd+": "+firstLine(text))
}
