package mail

import (
	"strconv"
	"strings"
	"unicode"
)

// genericGreetings returns the impersonal salutations: a bank or an
// administration that knows you uses your name (data/wording.json).
func genericGreetings() []string { return words().Greetings }

// actionWords returns the words that, in a link's text, ask the reader to
// act on an account or a payment (data/wording.json).
func actionWords() []string { return words().Actions }

// checkContent looks at how the body addresses the reader and what it
// hides: impersonal greetings, the reader's address as a name, buttons
// that lead away from the sender, hidden text and disguised words.
func checkContent(a *analysis) {
	head := a.bodyHead(600)
	for _, g := range genericGreetings() {
		if containsPhrase(head, g) {
			a.add("generic_greeting", "« "+g+" »")
			break
		}
	}
	subj := fold(a.m.Subject, 300)
	for _, r := range a.m.To {
		if r.Addr == "" {
			continue
		}
		addr := strings.ToLower(r.Addr)
		local := addr[:max(0, strings.LastIndexByte(addr, '@'))]
		switch {
		case greetsWithAddress(head, addr) || greetsWithAddress(subj, addr):
			a.add("greeting_with_address", r.Addr)
		case mailboxName(local) && (greetsWithAddress(head, local) || greetsWithAddress(subj, local)):
			a.add("greeting_with_address", local)
		}
	}
	checkActionLinks(a)
	checkHidden(a)
	checkRecipientLink(a)
	checkShortenerOnly(a)
	checkUnreadable(a)
	if n := mixedWords(a.m.Text, a.m.HTMLText); n >= 2 {
		a.add("obfuscated_text", strconv.Itoa(n)+" disguised words in the body")
	}
	checkRandomSender(a)
	checkSubjectBrand(a)
	checkImageOnly(a)
	checkLureWithLink(a)
}

// lureRules are the findings that describe bait: urgency, a request for
// credentials, money to pay or to win, a scam topic.
var lureRules = []string{"pressure_wording", "credential_request", "payment_lure", "prize_lure", "scam_topic", "rib_change", "extortion"}

// checkLureWithLink flags bait combined with a link to a site that is not
// the sender's: that pairing, not either alone, is what phishing is made of.
func checkLureWithLink(a *analysis) {
	var phrases []string
	for _, id := range lureRules {
		if a.has(id) {
			phrases = append(phrases, a.ev[id]...)
		}
	}
	n := distinctPhrases(phrases)
	// One stray phrase ("refund", "urgent") is common in honest mail; bait
	// takes at least two.
	if n < 2 {
		return
	}
	for _, l := range a.m.Links {
		if l.Host == "" || l.Hidden {
			continue
		}
		reg := a.host(l.Host).reg
		if reg != a.fromReg && (brandOf(reg) == nil || brandOf(reg) != brandOf(a.fromReg)) {
			// The lure's own words, not its rule's title: evidence stays
			// in the message's language whatever language reads it.
			a.add("lure_with_link", phrases[0]+" → "+l.Host)
			return
		}
	}
}

// distinctPhrases counts the phrases that are not part of a longer one:
// « take action now » also matches « take action », but it is one phrase.
func distinctPhrases(list []string) int {
	n := 0
	for i, p := range list {
		inner := false
		for j, q := range list {
			if i != j && len(q) > len(p) && strings.Contains(q, strings.Trim(p, "«» ")) {
				inner = true
				break
			}
		}
		if !inner {
			n++
		}
	}
	return n
}

// checkImageOnly flags a message that is little more than pictures and a
// link: with no text to read, filters and readers cannot judge it, which
// is the point. Genuine mail always says something in words.
func checkImageOnly(a *analysis) {
	if a.m.Images == 0 || len(a.m.Links) == 0 {
		return
	}
	visible := readableRunes(a.m.HTMLText)
	if a.m.Offscreen == "" { // see seenText
		visible = min(visible+readableRunes(a.m.Text), 150)
	}
	if visible >= 150 {
		return
	}
	a.add("image_only", strconv.Itoa(a.m.Images)+" image(s), "+strconv.Itoa(visible)+" characters of text")
	if host := a.mostLinksAway(); host != "" {
		a.add("image_only_elsewhere", a.fromDomain+" → "+host)
	}
}

// seenText is the body text the reader is shown. It is the plain text and
// the HTML together, since either may be what a mail program shows, except
// when the HTML pushes its content out of sight: then the reader sees only
// what the HTML keeps in view, and the plain-text alternative is part of
// the decoy written for filters.
func (m *Message) seenText() string {
	if m.Offscreen != "" {
		return m.HTMLText
	}
	return m.Text + " " + m.HTMLText
}

// readableRunes counts the letters and digits of s, up to 150: rows of
// underscores or dashes drawn between pictures are not words to read.
func readableRunes(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if n++; n >= 150 {
				break
			}
		}
	}
	return n
}

// mostLinksAway returns the host most visible links lead to when more
// than half of them go to another site than the sender's, or "". Links
// to the bulk-mail services that send for others do not count as away.
func (a *analysis) mostLinksAway() string {
	away, total, host := 0, 0, ""
	for _, l := range a.m.Links {
		if l.Host == "" || l.Hidden {
			continue
		}
		total++
		if a.leadsAway(l.Host) {
			away++
			if host == "" {
				host = l.Host
			}
		}
	}
	if 2*away <= total {
		return ""
	}
	return host
}

// leadsAway reports whether a link host belongs to another owner than the
// sender: another registered domain, not of the same brand, not a
// bulk-mail service.
func (a *analysis) leadsAway(h string) bool {
	reg := a.host(h).reg
	if reg == a.fromReg || hostIn(h, domains().bulk) {
		return false
	}
	b := brandOf(reg)
	return b == nil || b != brandOf(a.fromReg)
}

// bodyHead returns the folded start of the body, where greetings are.
func (a *analysis) bodyHead(n int) string {
	t := strings.TrimSpace(a.m.Text)
	if a.m.HasHTML && len(strings.TrimSpace(a.m.HTMLText)) > 0 {
		t = strings.TrimSpace(a.m.HTMLText)
	}
	return fold(t, n)
}

// mailboxName reports a local part shaped like a mailbox rather than a
// first name ("marie.martin", "kine_75"): greeted by it, the reader was
// named from the address. "Bonjour Marie" to marie@… is an honest greeting.
func mailboxName(local string) bool {
	return len(local) >= 4 && strings.ContainsAny(local, "._-0123456789")
}

// greetsWithAddress reports a salutation followed by the recipient's
// address ("Dear jane@cabinet.fr", "Bonjour jane@…"), the mark of bulk
// mail that knows an address but not a person.
func greetsWithAddress(head, addr string) bool {
	i := strings.Index(head, addr)
	if i < 0 || i > 300 {
		return false
	}
	before := head[max(0, i-25):i]
	for _, g := range []string{"dear", "hello", "hi", "bonjour", "cher", "chere", "madame", "monsieur", "ola", "hola", "hallo", "ciao", "salut", "greetings", "attention", "user", "utilisateur", "beste", "liebe", "lieber", "prezado", "prezada", "estimado", "estimada", "querido", "caro", "cara", "gentile", "sr", "sra"} {
		if containsPhrase(before, g) {
			return true
		}
	}
	return false
}

// checkActionLinks flags buttons that ask to verify, pay or log in and
// lead to a domain that is not the sender's.
func checkActionLinks(a *analysis) {
	for _, l := range a.m.Links {
		if l.Text == "" || l.Host == "" || len(l.Text) > 60 {
			continue
		}
		reg := a.host(l.Host).reg
		if reg == a.fromReg || brandOf(reg) != nil && brandOf(reg) == brandOf(a.fromReg) {
			continue
		}
		t := fold(l.Text, 80)
		for _, w := range actionWords() {
			if containsPhrase(t, w) {
				a.add("action_link_elsewhere", "« "+l.Text+" » → "+l.Host)
				return
			}
		}
	}
}

// mixedWords counts words that mix Latin with look-alike letters of another
// script ("Thе" with a Cyrillic е).
func mixedWords(texts ...string) int {
	n := 0
	for _, s := range texts {
		if isASCII(s) {
			continue // a word in one script only
		}
		for w := range strings.FieldsSeq(s) {
			if !isASCII(w) && mixedScript(w) {
				if n++; n >= 50 {
					return n
				}
			}
		}
	}
	return n
}

// checkRandomSender flags a sender domain that reads as random letters.
func checkRandomSender(a *analysis) {
	if brandOf(a.fromReg) != nil {
		return
	}
	if randomLooking(firstLabel(a.fromReg)) || scatteredHost(a.fromDomain) {
		a.add("sender_random_domain", a.fromDomain)
	}
}

// scatteredHost reports host names cut into many one-letter labels
// (a.c.h.h.a.d.o.example.shop), a trick to make every sender unique.
func scatteredHost(host string) bool {
	n := 0
	for _, l := range strings.Split(host, ".") {
		if len(l) == 1 {
			n++
		}
	}
	return n >= 4
}

// randomLooking reports labels no one would choose as a name: long runs of
// consonants, almost no vowels, or letters and digits shuffled together.
// Hyphenated acronyms of up to four letters ("urps-mk-pdl", "ars-pdl") are
// how French bodies name themselves: they do not count toward the vowels.
func randomLooking(label string) bool {
	if len(label) < 6 || strings.HasPrefix(label, "xn--") {
		return false
	}
	vowels, letters, run, maxRun, shifts := 0, 0, 0, 0, 0
	prevDigit := false
	for i, r := range label {
		digit := r >= '0' && r <= '9'
		if i > 0 && digit != prevDigit && r != '-' {
			shifts++
		}
		prevDigit = digit
		if r >= 'a' && r <= 'z' {
			run++
			if strings.ContainsRune("aeiouy", r) {
				run = 0
			}
			maxRun = max(maxRun, run)
		} else {
			run = 0
		}
	}
	for _, part := range strings.Split(label, "-") {
		if len(part) <= 4 && strings.Trim(part, "abcdefghijklmnopqrstuvwxyz") == "" {
			continue // an acronym
		}
		for _, r := range part {
			if r >= 'a' && r <= 'z' {
				letters++
				if strings.ContainsRune("aeiouy", r) {
					vowels++
				}
			}
		}
	}
	return maxRun >= 5 || shifts >= 3 || letters >= 6 && vowels*5 < letters
}

// checkSubjectBrand flags a subject naming a brand the sender does not
// belong to, when the message also asks to act on an account or pay.
func checkSubjectBrand(a *analysis) {
	if !a.has("credential_request") && !a.has("pressure_wording") && !a.has("payment_lure") {
		return
	}
	key := nameKey(a.m.Subject)
	for _, b := range domains().Brands {
		if alias := b.namedIn(key); alias != "" && !b.ownsDomain(a.fromReg) {
			a.add("brand_in_subject", b.Name+" ≠ "+a.fromDomain)
			return
		}
	}
}
