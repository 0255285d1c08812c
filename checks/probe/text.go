package probe

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// cmdUnknown is the unknown result of a command whose output could not
// be used, with why in Code and what it printed in Details.
func cmdUnknown(out Output, command string) Result {
	return unknown(whyCommand(out), Params{}, commandDetails(out, command))
}

// whyCommand tells why a command's output could not be used.
func whyCommand(out Output) Code {
	switch {
	case out.Missing():
		return CodeMissing
	case out.TimedOut():
		return CodeTimeout
	case needsAdmin(out.Both()):
		return CodeNeedsAdmin
	}
	return CodeCommandFailed
}

// commandDetails is evidenceOf with how the command ended.
func commandDetails(out Output, command string) string {
	switch {
	case out.Missing():
		return command + ": not installed"
	case out.TimedOut():
		return command + ": timed out"
	}
	return fmt.Sprintf("%s (exit %d)", evidenceOf(out, command), out.Code)
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
	return command + ": " + line
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

// firstLine returns the first non-blank line, trimmed and cut to 160 bytes
// at a rune boundary so details stay one short line.
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

// list joins names for Details: "a, b, c", cutting long lists.
func list(items []string, max int) string {
	if len(items) > max {
		return strings.Join(items[:max], ", ") + fmt.Sprintf(", +%d more", len(items)-max)
	}
	return strings.Join(items, ", ")
}
