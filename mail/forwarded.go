package mail

import (
	"bytes"
	"strings"
)

// AnalyzeRaw judges one raw message as it sits in a mailbox, forwards
// opened: this is the path of the mailbox scan, and the same judgement
// `hygie inspect` and "Vérifier un message" give (they open every forward
// through ReadInput, the user being the one who hands it over).
//
// A forward (Unwrap: attached, inline, or a forward of a forward) sent by
// the reader (Options.OwnAddresses, or a recipient forwarding to
// themselves), by one of the practice's people or by a known contact is
// judged on what it forwards: the practitioner who sends a suspicious
// message to the secretary, or to their own address, wants the original
// judged, not the forward. Report.Forward then says how it was wrapped
// and by whom. A forward from anyone else is judged whole and on what it
// forwards, and the worse of the two is kept: a stranger's "forward" may
// carry headers written by the stranger, so it never lowers the verdict.
func (a *Analyzer) AnalyzeRaw(raw []byte) (Report, error) {
	outer, err := Parse(bytes.NewReader(raw))
	if err != nil {
		return Report{}, err
	}
	whole := a.Report(outer)
	if !mayForward(raw, outer) {
		return whole, nil // most mail: no need to read it twice more
	}
	inner, fwd, err := Unwrap(raw)
	if err != nil || fwd.Kind == NotForwarded {
		return whole, nil
	}
	m, err := Parse(bytes.NewReader(inner))
	if err != nil {
		return whole, nil
	}
	rep := a.Report(m)
	rep.Forward = &fwd
	if a.trustedForwarder(outer, fwd.By.Addr) || verdictRank[rep.Verdict] >= verdictRank[whole.Verdict] {
		return rep, nil
	}
	return whole, nil
}

// trustedForwarder reports whether addr, the outer sender of a forward,
// is the reader or someone the practice knows.
func (a *Analyzer) trustedForwarder(outer *Message, addr string) bool {
	addr = strings.ToLower(addr)
	if addr == "" {
		return false
	}
	if a.contacts.addrs[addr] {
		return true
	}
	for _, own := range a.opts.OwnAddresses {
		if strings.EqualFold(strings.TrimSpace(own), addr) {
			return true
		}
	}
	for _, l := range [][]Address{outer.To, outer.Cc} {
		for _, r := range l {
			if strings.EqualFold(r.Addr, addr) {
				return true
			}
		}
	}
	return false
}

// mayForward is a cheap first look for what Unwrap opens: an attached
// message (message/rfc822, an .eml or .msg file) or the marker line of an
// inline forward (dashes, an Outlook rule, « Début du message
// réexpédié », « Begin forwarded message »).
func mayForward(raw []byte, m *Message) bool {
	low := bytes.ToLower(raw[:min(len(raw), 8<<20)])
	for _, cue := range []string{"message/rfc822", ".eml", ".msg", "application/vnd.ms-outlook"} {
		if bytes.Contains(low, []byte(cue)) {
			return true
		}
	}
	for _, text := range []string{m.Text, m.HTMLText} {
		if strings.Contains(text, "--") || strings.Contains(text, "__________") ||
			strings.Contains(text, "message r") || strings.Contains(text, "orwarded message") {
			return true
		}
	}
	return false
}
