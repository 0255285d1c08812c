package mail

import "strings"

// checkQRLure flags a message that asks the reader to scan a QR code to
// keep or secure an account, to pay or to be paid: the link sits in a
// picture, where filters and the reader's eyes cannot read it, and the
// phone that scans it lies outside the computer's protection ("quishing").
// Tickets and apps show a code to present or to install an application,
// not to sign in; the practice's own suppliers and correspondents are
// left out.
func checkQRLure(a *analysis) {
	qr := a.signals["qr_scan"]
	if qr == nil || a.suppliers.known(a.fromReg) || a.contacts.addrs[strings.ToLower(a.from.Addr)] {
		return
	}
	if !a.has("credential_request") && !a.has("payment_lure") && !a.has("pressure_wording") && !a.mentionsAccountSecurity() {
		return
	}
	a.add("qr_code_lure", quoteAll(qr)...)
}

// mentionsAccountSecurity reports words about an account's security
// (authentification, mot de passe, 2FA…), read only for the rare message
// that asks to scan a QR code: the one-pass phrase matcher would meet them
// in most messages for nothing.
func (a *analysis) mentionsAccountSecurity() bool {
	for _, w := range words().Security {
		if containsPhrase(a.text, w) {
			return true
		}
	}
	return false
}
