package probe

import (
	"fmt"
	"regexp"
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
	if len(all) == 0 {
		return pass("apt list --upgradable : aucune mise à jour en attente")
	}
	ev := fmt.Sprintf("apt list --upgradable : %s en attente", countFR(len(all), "mise à jour", "mises à jour"))
	if len(security) > 0 {
		ev += fmt.Sprintf(", dont %d de sécurité (%s)", len(security), listFR(security, 4))
	} else {
		ev += " (" + listFR(all, 4) + ")"
	}
	return fail(ev)
}

// parseDnfCheckUpdate reads `dnf check-update`: exit 0 means nothing to
// do, 100 means updates are listed as "name.arch version repo" lines.
func parseDnfCheckUpdate(out Output) Result {
	const cmd = "dnf check-update"
	switch out.Code {
	case 0:
		return pass(cmd + " : aucune mise à jour en attente")
	case 100:
	default:
		return unknown(evidenceOf(out, cmd), whyCommand(out, cmd))
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
		return fail(cmd + " : des mises à jour sont en attente")
	}
	return fail(fmt.Sprintf("%s : %s en attente (%s)", cmd, countFR(len(names), "mise à jour", "mises à jour"), listFR(names, 4)))
}

// countFR writes « 1 mise à jour », « 3 mises à jour ».
func countFR(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
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
		return unknown("Windows Update : réponse illisible", "Hygie n'a pas pu lire l'état de Windows Update.")
	}
	if r, _ := u.RebootRequired.boolean(); r {
		return fail("Windows Update : des mises à jour attendent un redémarrage de l'ordinateur")
	}
	if until, ok := parseWhen(u.PausedUntil.String()); ok && until.After(now) {
		return fail("Windows Update : les mises à jour sont suspendues jusqu'au " + until.Local().Format("02/01/2006"))
	}
	last, ok := parseWhen(u.LastInstall.String())
	if h, okh := parseWhen(u.LastHotfix.String()); okh && (!ok || h.After(last)) {
		last, ok = h, true
	}
	if !ok {
		return unknown("Windows Update : aucune date d'installation trouvée", "Windows n'indique pas quand les dernières mises à jour ont été installées.")
	}
	age := now.Sub(last)
	ev := fmt.Sprintf("Windows Update : dernières mises à jour installées %s (le %s)", agoFR(age), last.Local().Format("02/01/2006"))
	if age > maxUpdateAge {
		return fail(ev + ", il y a plus de 5 semaines")
	}
	return pass(ev)
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
	plistKey     = regexp.MustCompile(`(?m)^\s*"?([A-Za-z ]+?)"?\s*=\s*"?([^";]*)"?;\s*$`)
	plistDisplay = regexp.MustCompile(`"Display Name"\s*=\s*"?([^";]*)"?;`)
)

// parseMacUpdatePrefs reads the result of macOS's own background search
// for updates, kept in com.apple.SoftwareUpdate: reading it is fast and
// needs no network, unlike `softwareupdate -l`.
func parseMacUpdatePrefs(text string, now time.Time) Result {
	keys := map[string]string{}
	for _, m := range plistKey.FindAllStringSubmatch(text, -1) {
		keys[m[1]] = m[2]
	}
	n, err := strconv.Atoi(keys["LastRecommendedUpdatesAvailable"])
	if err != nil {
		return unknown("com.apple.SoftwareUpdate : état inconnu", "macOS n'a pas encore enregistré de recherche de mises à jour.")
	}
	if n > 0 {
		var names []string
		for _, m := range plistDisplay.FindAllStringSubmatch(text, -1) {
			names = append(names, m[1])
		}
		ev := "Mises à jour macOS en attente : " + countFR(n, "mise à jour", "mises à jour")
		if len(names) > 0 {
			ev += " (" + listFR(names, 4) + ")"
		}
		return fail(ev)
	}
	if keys["AutomaticCheckEnabled"] == "0" {
		return fail("La recherche automatique des mises à jour de macOS est désactivée (AutomaticCheckEnabled = 0)")
	}
	last, ok := parseWhen(keys["LastSuccessfulDate"])
	if !ok {
		return unknown("Aucune mise à jour macOS en attente", "macOS n'indique pas quand il a cherché des mises à jour pour la dernière fois.")
	}
	ev := "Aucune mise à jour macOS en attente (dernière recherche " + agoFR(now.Sub(last)) + ")"
	if now.Sub(last) > maxCheckAge {
		return unknown(ev, "La dernière recherche de mises à jour est trop ancienne pour savoir s'il en manque : ouvrez Réglages Système > Mise à jour de logiciels.")
	}
	return pass(ev)
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
	switch {
	case len(titles) > 0:
		return fail(fmt.Sprintf("softwareupdate -l : %s en attente (%s)", countFR(len(titles), "mise à jour", "mises à jour"), listFR(titles, 4)))
	case strings.Contains(text, "No new software available"):
		return pass("softwareupdate -l : aucune mise à jour en attente")
	}
	return unknown("softwareupdate -l : "+firstLine(text), "Hygie n'a pas compris la réponse de softwareupdate.")
}
