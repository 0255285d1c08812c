package mail

import (
	"net/url"
	"path"
	"strings"
	"sync"
)

// checkBEC looks for the frauds that cost practices the most and need no
// malicious link (business e-mail compromise): bank details changed while
// the answers go elsewhere, a known name asking for money from an address
// that is not theirs, a false support pushing a remote-access tool. It
// also flags any look-alike of a domain the practice knows (its own, its
// people's, its suppliers').
func checkBEC(a *analysis) {
	checkKnownLookalikes(a)
	if a.has("rib_change") {
		checkBankDiverted(a)
	}
	if pay := a.signals["payment_request"]; pay != nil {
		checkPaymentRequest(a, pay)
	}
	if a.has("credential_request") {
		checkCredentialRequest(a)
	}
	if tool := a.signals["remote_tool"]; tool != nil || a.signals["download_wording"] != nil {
		checkRemoteSupport(a, tool)
	}
}

// knownDomains are the registered domains the practice knows for sure:
// its own (the recipients'), its people's and its suppliers', webmails
// left out (anyone gets an address there).
func (a *analysis) knownDomains() []string {
	var out []string
	add := func(addr string) {
		d := addr[strings.LastIndexByte(addr, '@')+1:]
		if reg := registeredDomain(d); reg != "" && !isFreemail(reg) && !contains(out, reg) {
			out = append(out, reg)
		}
	}
	for _, l := range [][]Address{a.m.To, a.m.Cc} {
		for _, r := range l {
			if r.Addr != "" {
				add(r.Addr)
			}
		}
	}
	for addr := range a.contacts.people {
		add(addr)
	}
	for reg := range a.suppliers.regs {
		add("@" + reg)
	}
	return out
}

// checkKnownLookalikes flags a sender, Reply-To or link host that imitates
// a domain the practice knows (kine-materiel-pro.fr written
// kinematerielpro.fr, cabinet-martin.fr written cabinet-rnartin.fr).
func checkKnownLookalikes(a *analysis) {
	known := a.knownDomains()
	if len(known) == 0 {
		return
	}
	seen := map[string]bool{}
	check := func(d, reg string) {
		if d == "" || seen[reg] || isFreemail(reg) || contains(known, reg) {
			return
		}
		seen[reg] = true
		for _, k := range known {
			if how := ownLookalikeReg(reg, k); how != "" {
				a.add("lookalike_known_domain", d+" ≈ "+k+" ("+how+")")
				return
			}
		}
	}
	for _, d := range a.senderDomains() {
		check(d, registeredDomain(d))
	}
	for _, l := range a.m.Links {
		if l.Host != "" {
			if f := a.host(l.Host); !f.ip {
				check(l.Host, f.reg)
			}
		}
	}
}

// mentionedAddress finds e-mail addresses written in the text.
var mentionedAddress = lazyRegexp(`[a-zA-Z0-9._%+-]+@[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)+`)

// checkBankDiverted flags a change of bank details whose answer goes
// elsewhere than the sender: a Reply-To or an address written in the text
// on a look-alike of the sender's own domain or on a webmail, or a sender
// that is itself a look-alike of a known supplier.
func checkBankDiverted(a *analysis) {
	var where []string
	consider := func(addr string) {
		addr = strings.ToLower(strings.Trim(addr, ".-"))
		d := addr[strings.LastIndexByte(addr, '@')+1:]
		if addr == strings.ToLower(a.from.Addr) || a.isRecipient(addr) || d == "" {
			return
		}
		switch {
		case ownLookalike(d, a.fromReg) != "":
			where = append(where, addr+" ≈ "+a.fromReg)
		case isFreemail(d):
			where = append(where, addr)
		}
	}
	for _, r := range a.m.ReplyTo {
		consider(r.Addr)
	}
	text := a.m.Text
	if len(text) < 200 {
		text += " " + a.m.HTMLText
	}
	for _, addr := range mentionedAddress().FindAllString(text[:min(len(text), 64<<10)], 20) {
		consider(addr)
	}
	if a.has("lookalike_known_domain") {
		where = append(where, a.from.Addr)
	}
	if len(where) > 0 {
		a.add("bank_details_diverted", where...)
	}
}

// checkPaymentRequest flags a request for a transfer, gift cards or a
// change of payment under a name the practice knows written from an
// address that is not that person's (dangerous), or, without that
// knowledge, an urgent one from a personal webmail address.
func checkPaymentRequest(a *analysis, pay []string) {
	if a.has("display_name_contact") {
		a.add("payment_request_known_name", quoteAll(pay)...)
		return
	}
	// The reader is asked (« peux-tu », « could you ») and pressed or told
	// to keep quiet: a patient announcing a payment is neither.
	if !a.personalWebmailRequest() {
		return
	}
	a.add("payment_request_webmail", quoteAll(pay)...)
}

// checkCredentialRequest flags the same pressing personal request from a
// webmail when what it wants is codes: a login, a password, the code of a
// professional card (« peux-tu m'envoyer tes identifiants Ameli Pro »).
// No colleague needs another's codes; a crook who took a name does.
func checkCredentialRequest(a *analysis) {
	if !a.personalWebmailRequest() {
		return
	}
	a.add("credential_request_webmail", a.from.Addr)
}

// personalWebmailRequest reports a message under a person's name from a
// free webmail address that is no known correspondent, asking the reader
// (« peux-tu », « could you ») with urgency or secrecy.
func (a *analysis) personalWebmailRequest() bool {
	from := strings.ToLower(a.from.Addr)
	if !isFreemail(a.fromDomain) || a.contacts.addrs[from] || !PersonalName(a.from.Name) {
		return false
	}
	return a.signals["request_wording"] != nil && (a.signals["urgency_secrecy"] != nil || a.has("pressure_wording"))
}

// supportFamily is the index of the "support_framing" wording family.
var supportFamily = sync.OnceValue(func() int { return familyIndex("support_framing") })

func familyIndex(id string) int {
	for i, f := range families() {
		if f.ID == id {
			return i
		}
	}
	panic("mail: data/wording.json lacks family " + id)
}

// checkRemoteSupport flags a "support" message that pushes a remote-access
// tool (AnyDesk, TeamViewer, a code to read out on the phone) or a
// download through a link shortener, from anyone but the practice's known
// suppliers and correspondents.
func checkRemoteSupport(a *analysis, tool []string) {
	if a.signals["support_framing"] == nil || a.suppliers.known(a.fromReg) || a.contacts.addrs[strings.ToLower(a.from.Addr)] {
		return
	}
	// The message must present itself as support, in its sender's name or
	// its subject: a newsletter article about remote access is not one.
	head := phrases().match(fold(a.from.Name, 512)+" \n "+fold(a.m.Subject, 1024), len(families()))
	if families()[supportFamily()].fired(head[supportFamily()]) == nil {
		return
	}
	if tool != nil {
		a.add("remote_access_support", quoteAll(tool)...)
		return
	}
	for _, l := range a.m.Links {
		if hostIn(l.Host, domains().shorteners) || a.signals["download_wording"] != nil && hiddenDownload(l) {
			a.add("remote_access_support", l.URL)
			return
		}
	}
}

// hiddenDownload reports a link that fetches a file from a file-sharing or
// free host (a software vendor ships its updates from its own site) or
// whose path names a program, an archive or a disk image (the attachment
// families of check_attachments.go).
func hiddenDownload(l Link) bool {
	if l.Host == "" {
		return false
	}
	if hostIn(l.Host, domains().fileHosts) {
		return true
	}
	u, err := url.Parse(l.URL)
	if err != nil {
		return false
	}
	ext := strings.TrimPrefix(strings.ToLower(path.Ext(u.Path)), ".")
	return execExts[ext] || archiveExts[ext] || imageExts[ext]
}
