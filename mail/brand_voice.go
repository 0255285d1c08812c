package mail

// brandWording are the lures that, in a message a listed organisation
// proves it sent itself, are its own everyday words: a password reset
// « valable 24 heures », « si vous n'êtes pas à l'origine de cette
// demande », « Bonjour » to a customer.
var brandWording = map[string]bool{
	"pressure_wording": true, "credential_request": true, "payment_lure": true,
	"prize_lure": true, "generic_greeting": true,
}

// brandSpeaks reports a message that a listed organisation proves it sent
// (authenticated from one of its own domains, no impersonation found) and
// whose every link stays on that organisation's domains: what it says is
// its own business, and its wording is no finding: a genuine Doctolib
// password reset must not show the explanation of a lure. A message with a
// sum and a phone number keeps its wording findings, since a crook can
// write a note through the organisation's own service.
func (a *analysis) brandSpeaks() bool {
	b := brandOf(a.fromReg)
	if b == nil || isFreemail(a.fromDomain) || !a.has("auth_pass") { // anyone has a Gmail address
		return false
	}
	// A sum and a phone number: the shape of a scam note sent through the
	// organisation's own service (a money request « call our billing
	// department »), whose words are the crook's, not the organisation's.
	if hasAmount(a.text) && findPhone(a.text) != "" {
		return false
	}
	for _, l := range a.m.Links {
		if l.Host != "" && brandOf(a.host(l.Host).reg) != b {
			return false
		}
	}
	return true
}

// withoutBrandWording drops the brand's own wording from the findings
// when brandSpeaks.
func (a *analysis) withoutBrandWording(fs []Finding) []Finding {
	if !a.brandSpeaks() {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		if !brandWording[f.ID] {
			out = append(out, f)
		}
	}
	return out
}
