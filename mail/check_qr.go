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
	if a.signals["account_security"] == nil && !a.has("credential_request") && !a.has("payment_lure") && !a.has("pressure_wording") {
		return
	}
	a.add("qr_code_lure", quoteAll(qr)...)
}
