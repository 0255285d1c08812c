package probe

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// whyCommand explains in French why a command's output could not be used.
func whyCommand(out Output, command string) string {
	switch {
	case out.Missing():
		return fmt.Sprintf("La commande « %s » n'est pas disponible sur cet ordinateur.", command)
	case out.TimedOut():
		return fmt.Sprintf("La commande « %s » n'a pas répondu à temps.", command)
	case needsAdmin(out.Both()):
		return fmt.Sprintf("La commande « %s » demande des droits administrateur, que Hygie ne prend pas.", command)
	default:
		return fmt.Sprintf("La commande « %s » a échoué (code %d).", command, out.Code)
	}
}

// evidenceOf is the command and the first meaningful line it printed.
func evidenceOf(out Output, command string) string {
	line := firstLine(dropNoise(out.Stderr))
	if line == "" {
		line = firstLine(out.Stdout)
	}
	if line == "" {
		return command
	}
	return command + " : " + line
}

// needsAdmin recognises the usual "run me as root" refusals.
func needsAdmin(text string) bool {
	t := strings.ToLower(text)
	for _, s := range []string{"operation not permitted", "permission denied", "need to be root",
		"must be root", "access is denied", "accès refusé", "requires elevation", "elevated"} {
		if strings.Contains(t, s) {
			return true
		}
	}
	return false
}

// firstLine returns the first non-blank line, trimmed and cut to 160 bytes
// at a rune boundary so evidence stays one short line.
// aptCLIWarning is what apt prints on stderr whenever its output is piped;
// it says nothing about the machine, so it is never shown as evidence.
const aptCLIWarning = "WARNING: apt does not have a stable CLI interface"

// dropNoise removes the lines a command prints on every run.
func dropNoise(s string) string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), aptCLIWarning) {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return clip(l, 160)
		}
	}
	return ""
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// listFR joins names as « a, b et c », cutting long lists.
func listFR(items []string, max int) string {
	if len(items) > max {
		rest := len(items) - max
		return strings.Join(items[:max], ", ") + fmt.Sprintf(" et %d autre(s)", rest)
	}
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " et " + items[len(items)-1]
}
