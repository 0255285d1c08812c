package mail

import (
	"strings"

	"golang.org/x/net/publicsuffix"
)

// checkSender judges who the message claims to come from.
func checkSender(a *analysis) {
	if a.from.Addr == "" || !wellFormedDomain(a.fromDomain) || len(a.m.From) > 1 {
		a.add("sender_missing", formatFrom(a.m))
	}
	checkSenderDomains(a)
	name := fold(a.from.Name, 512)
	if name != "" {
		checkDisplayAddress(a, name)
		checkDisplayBrand(a, name)
		checkDisplayContact(a, name)
	}
	checkReplyTo(a)
	checkReturnPath(a)
	if a.from.Addr != "" && a.isRecipient(a.from.Addr) && a.auth.present && !a.auth.authenticated() {
		a.add("sender_is_recipient", a.from.Addr)
	}
}

// checkSenderDomains looks for lookalikes among the sender's domains.
func checkSenderDomains(a *analysis) {
	for _, d := range a.senderDomains() {
		if imitatesMSSante(d, a.opts.TrustList) || a.onTrustList(d) {
			continue // checkChannel reports imitations, with more weight
		}
		if l, ok := findLookalike(d); ok {
			a.add("lookalike_domain", lookalikeEvidence(a.writtenDomain(d), l, a.opts.Lang))
			if d == a.fromDomain {
				a.fromLookalike = true
			}
		}
		if isPunycode(d) || mixedScript(d) {
			a.add("punycode_domain", a.writtenDomain(d)+" = "+toUnicode(d))
		}
		if hostIn(d, domains().userHosts) || machineHost(d) {
			a.add("sender_user_host", d)
		}
	}
}

// writtenDomain is d, one of the sender's domains (lower-cased when the
// addresses were read), as the message's headers wrote it: « ameIi.fr »
// keeps its capital I.
func (a *analysis) writtenDomain(d string) string {
	for _, k := range []string{"From", "Reply-To", "Sender"} {
		for _, v := range a.m.Header(k) {
			if w, ok := findFold(v, "@"+d); ok {
				return w[1:]
			}
		}
	}
	return d
}

// findFold finds lower, an ASCII-lower-cased string, in s whatever its
// case, and returns it as s writes it.
func findFold(s, lower string) (string, bool) {
	if ls := strings.ToLower(s); len(ls) == len(s) {
		if i := strings.Index(ls, lower); i >= 0 {
			return s[i : i+len(lower)], true
		}
	}
	return "", false
}

// checkDisplayAddress flags a display name holding another address, as in
// "support@ameli.fr" <x@example.net>.
func checkDisplayAddress(a *analysis, name string) {
	for _, f := range strings.FieldsFunc(name, func(r rune) bool { return strings.ContainsRune(" <>()[]\"',;:|", r) }) {
		f = strings.Trim(f, ".-")
		at := strings.LastIndexByte(f, '@')
		d := f[at+1:]
		if at == 0 || !isDomainName(d) {
			continue
		}
		reg := registeredDomain(d)
		// A bare site name only counts when it names a brand or a mail
		// service: "CNET News.com" is a newsletter title, "proton.me IT
		// Support" on another domain is an impersonation.
		if at < 0 && brandOf(reg) == nil && !isFreemail(reg) {
			continue
		}
		if reg != a.fromReg {
			a.add("display_name_address", a.from.String())
			return
		}
	}
}

// checkDisplayBrand flags a display name that names a brand or an
// institution the address does not belong to.
func checkDisplayBrand(a *analysis, name string) {
	free := isFreemail(a.fromDomain)
	key := nameKey(name)
	for _, b := range domains().Brands {
		if b.namedIn(key) == "" || b.ownsDomain(a.fromReg) || b.listsHost(a.fromDomain) ||
			b.Kind == "mssante" && inTrustSpace(a.fromDomain, a.opts.TrustList) {
			continue
		}
		if free {
			a.add("freemail_institution", a.from.String())
		} else {
			a.add("display_name_brand", a.from.String()+" ≠ "+b.Name)
		}
		return
	}
	if free {
		for _, w := range domains().InstitutionWords {
			if containsPhrase(name, w) {
				a.add("freemail_institution", a.from.String())
				return
			}
		}
	}
}

// checkDisplayContact flags a known contact's name on an unknown address.
// Another address of the contact's own organisation is not flagged (a
// colleague's alias; a forged one fails authentication), unless that
// organisation is a webmail, where anyone can open "the same" address.
func checkDisplayContact(a *analysis, name string) {
	from := strings.ToLower(a.from.Addr)
	known, ok := a.contacts.names[name]
	if !ok || a.contacts.addrs[from] {
		checkDisplaySupplier(a, name)
		return
	}
	for _, k := range known {
		knownDomain := k[strings.LastIndexByte(k, '@')+1:]
		if reg := registeredDomain(knownDomain); reg != "" && reg == a.fromReg && !isFreemail(knownDomain) {
			return
		}
	}
	a.add("display_name_contact", a.from.String()+" ≠ "+strings.Join(known, ", "))
}

// checkDisplaySupplier flags the name of a known supplier (Options.
// KnownSuppliers) on a domain that is not one of its own.
func checkDisplaySupplier(a *analysis, name string) {
	if a.suppliers.known(a.fromReg) {
		return
	}
	for n, reg := range a.suppliers.names {
		if containsPhrase(name, n) {
			a.add("display_name_contact", a.from.String()+" ≠ "+reg)
			return
		}
	}
}

// checkReplyTo flags replies diverted to another domain. Mailing lists
// legitimately set Reply-To to the list, so the list's domain is allowed.
func checkReplyTo(a *analysis) {
	for _, r := range a.m.ReplyTo {
		d := r.Domain()
		if d == "" || r.Addr == a.from.Addr || a.isRecipient(r.Addr) {
			continue // replies to a list that is also a recipient divert nothing
		}
		reg := registeredDomain(d)
		free := isFreemail(d)
		switch {
		// A list is not run from a webmail address: there the List-*
		// headers only repeat the diverted address.
		case a.listDomain(reg) && !free:
		case free && (reg != a.fromReg || !isFreemail(a.fromDomain)):
			a.add("reply_to_freemail", r.Addr)
		case reg != a.fromReg && !hostIn(a.fromDomain, domains().bulk):
			a.add("reply_to_mismatch", r.Addr+" ≠ "+a.fromDomain)
		}
	}
}

// listDomain reports whether reg is the domain of the mailing list or of
// the Sender that relayed the message.
func (a *analysis) listDomain(reg string) bool {
	if registeredDomain(a.m.Sender.Domain()) == reg {
		return true
	}
	for _, k := range []string{"List-Id", "List-Post", "List-Help", "List-Unsubscribe", "List-Subscribe", "List-Archive", "Mailing-List"} {
		for _, v := range a.m.Header(k) {
			if strings.Contains(strings.ToLower(v), reg) {
				return true
			}
		}
	}
	return false
}

func checkReturnPath(a *analysis) {
	d := domainOf(a.m.ReturnPath)
	if d == "" || a.fromReg == "" {
		return
	}
	if reg := registeredDomain(d); reg != a.fromReg && !a.listDomain(reg) {
		a.add("return_path_mismatch", a.m.ReturnPath)
	}
}

// discussionList reports whether the message was posted to a discussion
// list the practice belongs to: its List-Post address is one of the
// recipients. Members share code, pages and minutes there, in the open,
// with every subscriber; a lure is sent to one person.
func (a *analysis) discussionList() bool {
	for _, v := range a.m.Header("List-Post") {
		v = strings.ToLower(v)
		_, rest, ok := strings.Cut(v, "mailto:")
		if !ok {
			continue
		}
		addr, _, _ := strings.Cut(rest, ">")
		addr, _, _ = strings.Cut(addr, "?")
		if addr = strings.TrimSpace(addr); addr != "" && a.isRecipient(addr) {
			return true
		}
	}
	return false
}

// isRecipient reports whether addr is one of the To or Cc addresses.
func (a *analysis) isRecipient(addr string) bool {
	for _, l := range [][]Address{a.m.To, a.m.Cc} {
		for _, r := range l {
			if r.Addr == addr {
				return true
			}
		}
	}
	return false
}

// wellFormedDomain reports whether a sender's domain could be real: ASCII
// labels and a top-level domain that exists. Unlike isDomainName it accepts
// an address at a private public suffix (a user of iki.fi or of a dynamic
// DNS name) and the names RFC 2606 reserves for documentation and tests
// (.example, .test), where fixtures and anonymised samples put people's
// real addresses: such a sender is well formed, not missing.
func wellFormedDomain(d string) bool {
	if !strings.Contains(d, ".") || strings.Trim(d, "abcdefghijklmnopqrstuvwxyz0123456789.-") != "" ||
		strings.Contains(d, "..") || strings.HasPrefix(d, ".") || strings.HasSuffix(d, ".") {
		return false
	}
	if isDomainName(d) {
		return true
	}
	tld := d[strings.LastIndexByte(d, '.')+1:]
	if tld == "example" || tld == "test" {
		return true
	}
	_, icann := publicsuffix.PublicSuffix(tld)
	return icann
}
