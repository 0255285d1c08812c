package mail

import "strings"

// analysis is the state shared by the checks while one message is judged.
type analysis struct {
	findings
	m        *Message
	opts     Options
	contacts contactBook
	// suppliers are the practice's usual suppliers (Options.KnownSuppliers).
	suppliers supplierBook
	auth      authVerdict
	channel   Channel

	from       Address
	fromDomain string
	fromReg    string
	// fromLookalike is true when the From domain imitates a trusted one.
	fromLookalike bool
	// text is the folded subject and body the wording rules read.
	text string
	// signals holds the phrases of the wording families that fire no rule
	// of their own (data/wording.json "signal"), by family id.
	signals map[string][]string
	// hosts memoises per-host verdicts of the link checks.
	hosts map[string]hostFacts
}

// checks run in order; later checks may read what earlier ones found.
var checks = []func(*analysis){
	checkSender,
	checkChannel,
	checkAuth,
	checkLinks,
	checkAttachments,
	checkWording,
	checkBEC,
	checkOffer,
	checkCallback,
	checkCryptoBait,
	checkQRLure,
	checkContent,
	checkHealthData,
	checkStructure,
}

// Report judges an already parsed message.
func (a *Analyzer) Report(m *Message) Report {
	an := &analysis{findings: findings{lang: a.opts.Lang}, m: m, opts: a.opts, contacts: a.contacts, suppliers: a.suppliers}
	an.from = m.FromAddr()
	an.fromDomain = an.from.Domain()
	an.fromReg = registeredDomain(an.fromDomain)
	an.auth = readAuth(m, a.opts.AuthServID, an.fromDomain)
	an.channel = channelOf(m, a.opts.TrustList, an.auth)
	an.text = fold(an.from.Name, 512) + " \n " + fold(m.Subject, 4<<10) + " \n " + fold(m.Text, 48<<10) + " \n " + fold(m.HTMLText, 48<<10)
	for _, c := range checks {
		c(an)
	}
	capped := an.listMailWeakOnly()
	if capped {
		an.add("list_mail_weak_signals")
	}
	fs := an.withoutBrandWording(an.sorted())
	score := 0
	for _, f := range fs {
		score += f.Weight
	}
	score = min(max(score, 0), 100)
	if capped {
		score = min(score, SuspiciousScore-1)
	}
	verdict, score := judge(score, an.floor(), fs)
	return Report{
		MessageID:   m.MessageID,
		Subject:     m.Subject,
		From:        formatFrom(m),
		Channel:     an.channel,
		Verdict:     verdict,
		Score:       score,
		Findings:    fs,
		Date:        m.Date,
		Attachments: m.Attachments,
	}
}

// listWeak are the signs that newsletters and list mail show every day:
// link texts naming a site the tracking link does not go to, forms, links
// to a mirror by its IP address, a digest whose topics hit a scam theme.
var listWeak = map[string]bool{
	"link_text_mismatch_brand": true, "link_text_mismatch": true, "link_text_tracker": true, "html_form": true, "link_ip": true,
	"scam_topic": true, "link_shortener": true, "link_http_login": true, "hidden_content": true,
	"malformed_message": true,
}

// listMailWeakOnly reports a message sent through a mailing list or as a
// newsletter (listMail) whose only worrying signs are of listWeak: its
// verdict stays below « suspect ».
// Any other sign (the sender, the replies, an attachment, a lure, a
// lookalike), or a scam theme named in the subject, lifts the cap.
func (a *analysis) listMailWeakOnly() bool {
	if !a.listMail() {
		return false
	}
	score := 0
	for _, f := range a.list {
		if f.Weight > 0 && !listWeak[f.ID] || f.ID == "scam_topic" && a.subjectHasScamTheme() {
			return false
		}
		score += f.Weight
	}
	return score >= SuspiciousScore
}

// subjectHasScamTheme reports whether the subject itself says a phrase of
// the scam theme found: a digest touches many topics in its body, but a
// message whose subject is dating, a casino or easy money is about it.
func (a *analysis) subjectHasScamTheme() bool {
	subj := " " + strings.Join(strings.Fields(fold(a.m.Subject, 1024)), " ") + " "
	for _, e := range a.ev["scam_topic"] {
		p := strings.TrimSuffix(strings.TrimPrefix(e, "« "), " »")
		if p != "" && strings.Contains(subj, " "+p) {
			return true
		}
	}
	return false
}

// listMail reports list mail or a newsletter that holds together: it says
// it is bulk (List-Id, List-Unsubscribe, List-Post or Precedence bulk or
// list), and either it is addressed to the list itself (a recipient on
// the sender's own registered domain) or most of its links lead to the
// sender's own sites or to the bulk-mail services that send for others.
// A "newsletter" whose links go elsewhere is an advertisement for
// someone else, the shape of spam.
func (a *analysis) listMail() bool {
	bulk := len(a.m.Header("List-Id"))+len(a.m.Header("List-Unsubscribe"))+len(a.m.Header("List-Post")) > 0
	for _, p := range a.m.Header("Precedence") {
		p = strings.ToLower(strings.TrimSpace(p))
		bulk = bulk || p == "bulk" || p == "list"
	}
	if !bulk || a.fromReg == "" {
		return false
	}
	for _, l := range [][]Address{a.m.To, a.m.Cc} {
		for _, r := range l {
			if registeredDomain(r.Domain()) == a.fromReg {
				return true
			}
		}
	}
	return a.mostLinksAway() == "" && len(a.m.Links) > 0
}

func formatFrom(m *Message) string {
	f := m.FromAddr()
	if f.Addr == "" {
		return strings.TrimSpace(m.hdr.Get("From"))
	}
	return f.String()
}

// senderDomains lists the domains that speak for the sender: From,
// Reply-To and Sender.
func (a *analysis) senderDomains() []string {
	var out []string
	add := func(d string) {
		if d != "" && !contains(out, d) {
			out = append(out, d)
		}
	}
	add(a.fromDomain)
	for _, r := range a.m.ReplyTo {
		add(r.Domain())
	}
	add(a.m.Sender.Domain())
	return out
}
