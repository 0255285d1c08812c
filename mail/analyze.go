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
	fs := an.sorted()
	score := 0
	for _, f := range fs {
		score += f.Weight
	}
	score = min(max(score, 0), 100)
	return Report{
		MessageID:   m.MessageID,
		Subject:     m.Subject,
		From:        formatFrom(m),
		Channel:     an.channel,
		Verdict:     worse(VerdictFor(score), an.floor()),
		Score:       score,
		Findings:    fs,
		Date:        m.Date,
		Attachments: m.Attachments,
	}
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
