package mail

import (
	"strconv"
	"strings"
)

// maxShortText is the visible text under which a message says too little
// for its reader to judge where its links lead.
const maxShortText = 300

// checkShortenerOnly flags a short message whose every visible link is
// shortened: nothing in it tells the reader, or a filter, where it leads,
// which is the whole point of sending it. A newsletter that shortens a
// link among paragraphs of text is not concerned.
func checkShortenerOnly(a *analysis) {
	total := 0
	for _, l := range a.m.Links {
		if l.Host == "" || l.Hidden {
			continue
		}
		if !a.host(l.Host).shortener {
			return
		}
		total++
	}
	if total == 0 {
		return
	}
	if n := len(strings.Join(strings.Fields(a.m.Text+" "+a.m.HTMLText), " ")); n < maxShortText {
		a.add("shortener_only", strconv.Itoa(total)+" shortened link(s), "+strconv.Itoa(n)+" characters of text")
	}
}

// machinePrefixes start the default names hosting providers give rented
// servers and connections ("vps-805069ea", "ip-10-0-0-7", "static-88-12").
var machinePrefixes = []string{"vps", "srv", "server", "host", "static", "dedicated", "ip", "dyn", "dynamic", "dhcp", "pool", "node"}

// machineHost reports a sender host below its registered domain that keeps
// a provider's default machine name: an organisation sends from its own
// domain, not from the bare name of a rented server.
func machineHost(d string) bool {
	reg := registeredDomain(d)
	if reg == "" || len(d) <= len(reg) {
		return false
	}
	for _, label := range strings.Split(strings.TrimSuffix(d[:len(d)-len(reg)], "."), ".") {
		if machineLabel(label) {
			return true
		}
	}
	return false
}

// machineLabel reports "vps-805069ea", "ip-10-0-0-7", "static123": a
// machine prefix, then only hexadecimal digits and hyphens, at least one
// of them a decimal digit.
func machineLabel(label string) bool {
	for _, p := range machinePrefixes {
		rest, ok := strings.CutPrefix(label, p)
		if !ok || rest == "" {
			continue
		}
		digit := false
		for _, r := range rest {
			switch {
			case r >= '0' && r <= '9':
				digit = true
			case r >= 'a' && r <= 'f', r == '-':
			default:
				return false
			}
		}
		if digit {
			return true
		}
	}
	return false
}

// checkUnreadable flags a message whose structure is broken so that no
// text, picture or attachment can be read from it: a filter sees nothing
// to judge, while a lenient mail client may still show the raw content.
// A message that is merely empty, with no parsing problem, is left alone
// (a note written in the subject line).
func checkUnreadable(a *analysis) {
	m := a.m
	if len(m.Problems) == 0 || len(m.Attachments) > 0 || m.Images > 0 || len(m.Links) > 0 {
		return
	}
	if strings.TrimSpace(m.Text) == "" && strings.TrimSpace(m.HTMLText) == "" {
		a.add("body_unreadable", m.Problems[0])
	}
}
