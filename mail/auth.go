package mail

import (
	"strings"

	"github.com/emersion/go-msgauth/authres"
)

// authVerdict is what the receiving server concluded about the sender.
type authVerdict struct {
	present bool // a trusted Authentication-Results header was found
	servID  string
	dmarc   authres.ResultValue
	spf     authres.ResultValue
	// spfAligned is an SPF pass for the From registered domain.
	spfAligned bool
	// dkimAligned is a DKIM pass signed by the From registered domain.
	dkimAligned bool
	dkimPass    bool
	dkimFail    bool
}

// authenticated reports whether the From domain was proven: DMARC pass, or
// without DMARC, an aligned DKIM or SPF pass.
func (v authVerdict) authenticated() bool {
	if !v.present {
		return false
	}
	if v.dmarc != "" && v.dmarc != authres.ResultNone {
		return v.dmarc == authres.ResultPass
	}
	return v.dkimAligned || v.spfAligned
}

// readAuth reads the Authentication-Results header added by the receiving
// server. Any header can be forged by the sender, except the one our own
// server adds on top: so only the topmost header is trusted, or the first
// one whose authserv-id is the configured one.
func readAuth(m *Message, servID, fromDomain string) authVerdict {
	for _, v := range m.Header("Authentication-Results") {
		id, results, err := authres.Parse(v)
		if err != nil && id == "" {
			if servID == "" {
				return authVerdict{}
			}
			continue
		}
		if servID != "" && !strings.EqualFold(id, servID) {
			continue
		}
		return summarise(id, results, fromDomain)
	}
	return authVerdict{}
}

func summarise(id string, results []authres.Result, fromDomain string) authVerdict {
	v := authVerdict{present: true, servID: id}
	from := registeredDomain(fromDomain)
	for _, r := range results {
		switch r := r.(type) {
		case *authres.DMARCResult:
			if v.dmarc == "" {
				v.dmarc = r.Value
			}
		case *authres.SPFResult:
			if v.spf == "" {
				v.spf = r.Value
				v.spfAligned = r.Value == authres.ResultPass && from != "" && registeredDomain(domainOf(r.From)) == from
			}
		case *authres.DKIMResult:
			v.readDKIM(r, from)
		}
	}
	return v
}

func (v *authVerdict) readDKIM(r *authres.DKIMResult, from string) {
	switch r.Value {
	case authres.ResultPass:
		v.dkimPass = true
		d := r.Domain
		if d == "" {
			d = domainOf(r.Identifier)
		}
		if from != "" && registeredDomain(strings.ToLower(d)) == from {
			v.dkimAligned = true
		}
	case authres.ResultFail, authres.ResultPermError:
		v.dkimFail = true
	}
}

// domainOf returns the domain of an address or the value itself.
func domainOf(s string) string {
	if i := strings.LastIndexByte(s, '@'); i >= 0 {
		s = s[i+1:]
	}
	return strings.ToLower(strings.Trim(s, "<> "))
}

// checkAuth turns the receiving server's verdict into findings.
func checkAuth(a *analysis) {
	v := a.auth
	if !v.present {
		return
	}
	ev := "authserv-id " + v.servID + ": dmarc=" + string(v.dmarc) + " spf=" + string(v.spf)
	brand := brandOf(a.fromReg)
	switch {
	case v.authenticated() && a.impersonates():
		// The domain is proven, but it is the impostor's own domain: no
		// reassurance to give.
	case v.authenticated():
		a.add("auth_pass", ev)
	case v.dmarc == authres.ResultFail && (brand != nil || a.fromLookalike):
		a.add("auth_dmarc_fail_brand", ev+" ("+a.fromDomain+")")
	case v.dmarc == authres.ResultFail:
		a.add("auth_dmarc_fail", ev+" ("+a.fromDomain+")")
	case brand != nil && brand.trusted():
		a.add("auth_brand_unauthenticated", ev+" ("+a.fromDomain+")")
	}
	if v.dmarc != authres.ResultFail && !v.authenticated() {
		if v.spf == authres.ResultFail && !v.dkimPass {
			a.add("auth_spf_fail", ev)
		}
		if v.dkimFail && !v.dkimPass {
			a.add("auth_dkim_fail", ev)
		}
	}
}

// impersonates reports whether the sender checks already found the sender
// posing as someone else.
func (a *analysis) impersonates() bool {
	for _, id := range []string{"lookalike_domain", "mssante_lookalike", "display_name_brand", "display_name_address", "display_name_contact", "freemail_institution"} {
		if a.has(id) {
			return true
		}
	}
	return false
}
