package mail

import "strings"

// mssanteDomain is the root of the MSSanté trust space.
const mssanteDomain = "mssante.fr"

// mssantePartners are trust-space domains outside mssante.fr (Apicrypt's
// interoperability gateways, listed by the ANS).
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

// imitatesMSSante reports whether host looks like MSSanté without being
// under mssante.fr: mssante-fr.com, mssante.fr.example.net, mssant3.fr…
func imitatesMSSante(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if host == "" || underMSSante(host) || isIPHost(host) {
		return false
	}
	if strings.Contains(skeleton(toUnicode(host)), "mssante") {
		return true
	}
	return withinDistance(skeleton(firstLabel(toUnicode(registeredDomain(host)))), "mssante", 1)
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
		if imitatesMSSante(d) {
			a.add("mssante_lookalike", d)
		}
	}
	if a.opts.TrustList.Len() > 0 && underMSSante(a.fromDomain) && !inTrustSpace(a.fromDomain, a.opts.TrustList) {
		a.add("mssante_unlisted", a.fromDomain)
	}
}
