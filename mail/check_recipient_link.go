package mail

import (
	"encoding/base64"
	"net/url"
	"strings"
)

// checkRecipientLink flags a link to another site than the sender's that
// carries the reader's own address in its path or after "#", plainly or
// in base64: the page behind it is made for this reader and shows the
// address already typed in a copy of a login page. Newsletters put the
// address in the query of their unsubscribe links, which is left out.
func checkRecipientLink(a *analysis) {
	for _, r := range a.m.To {
		addr := strings.ToLower(r.Addr)
		if !strings.Contains(addr, "@") {
			continue
		}
		forms := recipientForms(addr)
		for _, l := range a.m.Links {
			if l.Host == "" || !a.leadsAway(l.Host) {
				continue
			}
			if carriesRecipient(l.URL, forms) {
				a.add("link_with_recipient", l.URL)
				return
			}
		}
	}
}

// recipientForms returns the ways an address is written into a URL:
// plain, percent-encoded and base64 (standard and URL alphabets, without
// padding).
func recipientForms(addr string) []string {
	b := []byte(addr)
	return []string{addr, strings.ReplaceAll(addr, "@", "%40"),
		base64.RawStdEncoding.EncodeToString(b), base64.RawURLEncoding.EncodeToString(b)}
}

// carriesRecipient reports whether the path or the fragment of raw holds
// one of forms; base64 forms count anywhere, since no newsletter needs them.
func carriesRecipient(raw string, forms []string) bool {
	for _, f := range forms[2:] {
		if strings.Contains(raw, f) {
			return true
		}
	}
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	where := strings.ToLower(u.EscapedPath() + "#" + u.EscapedFragment())
	for _, f := range forms[:2] {
		if strings.Contains(where, f) {
			return true
		}
	}
	return false
}
