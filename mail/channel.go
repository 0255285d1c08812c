package mail

import "strings"

// mssanteDomain holds most domains of the MSSanté trust space, but not all:
// the ANS list also names operator domains elsewhere, so a loaded list is
// always preferred to this suffix.
const mssanteDomain = "mssante.fr"

// mssantePartners are the trust-space domains outside mssante.fr known
// without the list (Apicrypt's MSSanté sub-domains, listed by the ANS).
// Only these names count: apicrypt.org itself is not in the space.
var mssantePartners = map[string]bool{
	"mssante.apicrypt.org":         true,
	"interop-mssante.apicrypt.org": true,
}

// inTrustSpace reports whether a mail domain belongs to the MSSanté trust
// space: exactly on the ANS list when one is loaded, otherwise mssante.fr,
// one of its sub-domains or a known partner gateway.
func inTrustSpace(domain string, list *TrustList) bool {
	domain = strings.ToLower(strings.TrimSuffix(domain, "."))
	if domain == "" {
		return false
	}
	if list.Len() > 0 {
		_, ok := list.Lookup(domain)
		return ok
	}
	return underMSSante(domain)
}

func underMSSante(domain string) bool {
	return domain == mssanteDomain || strings.HasSuffix(domain, "."+mssanteDomain) || mssantePartners[domain]
}

// imitatesMSSante reports whether host looks like MSSanté without being in
// the trust space: mssante-fr.com, mssante.fr.example.net, mssant3.fr… A
// domain on the loaded ANS list is genuine wherever it sits, even outside
// mssante.fr (an operator's own domain).
func imitatesMSSante(host string, list *TrustList) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if host == "" || underMSSante(host) || isIPHost(host) {
		return false
	}
	if _, listed := list.Lookup(host); listed {
		return false
	}
	if strings.Contains(skeleton(toUnicode(host)), "mssante") {
		return true
	}
	return withinDistance(skeleton(firstLabel(toUnicode(registeredDomain(host)))), "mssante", 1)
}

// onTrustList reports whether host is exactly on the loaded ANS list: such
// a domain is an operator's, not a look-alike, even outside mssante.fr.
func (a *analysis) onTrustList(host string) bool {
	_, ok := a.opts.TrustList.Lookup(host)
	return ok
}

// channelOf classifies the message: mssante when the sender is in the
// trust space, mixed when only some recipients are, ordinary otherwise. A
// sender whose authentication failed at the receiving server is not
// believed to be in the space.
func channelOf(m *Message, list *TrustList, auth authVerdict) Channel {
	if inTrustSpace(m.FromAddr().Domain(), list) && (!auth.present || auth.authenticated()) {
		return ChannelMSSante
	}
	for _, l := range [][]Address{m.To, m.Cc} {
		for _, r := range l {
			if inTrustSpace(r.Domain(), list) {
				return ChannelMixed
			}
		}
	}
	return ChannelOrdinary
}

// checkChannel flags MSSanté look-alikes and unlisted MSSanté domains.
func checkChannel(a *analysis) {
	for _, d := range a.senderDomains() {
		if imitatesMSSante(d, a.opts.TrustList) {
			a.add("mssante_lookalike", d)
		}
	}
	if a.opts.TrustList.Len() > 0 && underMSSante(a.fromDomain) && !inTrustSpace(a.fromDomain, a.opts.TrustList) {
		a.add("mssante_unlisted", a.fromDomain)
	}
}
