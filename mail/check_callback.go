package mail

import "strings"

// billingWords returns the words that name a charge, an order or a
// subscription: what a callback scam claims the reader has paid for
// (data/wording.json).
func billingWords() []string { return words().Billing }

// checkCallback flags the telephone-oriented scam: a message that names a
// brand the sender does not belong to, claims a charge, a renewal or an
// order, and gives a phone number instead of a link to that brand. The
// scammer hopes for a call to "cancel", then takes control of the
// computer or the bank card. Genuine notices from a brand come from its
// own domain and link to its site.
func checkCallback(a *analysis) {
	phone := findPhone(a.text)
	if phone == "" || !hasAmount(a.text) || !hasAnyWord(a.text, billingWords()) {
		return
	}
	if a.linksAway() {
		return
	}
	b := brandNamed(a, keyOf(a.text, 8<<10))
	if b == nil {
		return
	}
	a.add("callback_scam", b.Name+" ≠ "+a.fromDomain+", ☎ "+phone)
}

// brandNamed returns a consumer brand named in key (a nameKey form of the
// text) that the sender does not own. Institutions and banks are left
// out: an accountant or a colleague names URSSAF or a bank, with a sum and
// a phone number, in honest mail. In running text only names of five
// letters or more count: shorter ones ("ups", "axa") are ordinary words
// too often.
func brandNamed(a *analysis, key string) *Brand {
	for _, b := range domains().Brands {
		if b.trusted() || b.ownsDomain(a.fromReg) {
			continue
		}
		for _, k := range b.keys {
			if len(k) >= 5 && containsPhrase(key, k) {
				return b
			}
		}
	}
	return nil
}

// linksAway reports whether a visible link leads to another site than the
// sender's own.
func (a *analysis) linksAway() bool {
	for _, l := range a.m.Links {
		if l.Host != "" && !l.Hidden && a.host(l.Host).reg != a.fromReg {
			return true
		}
	}
	return false
}

// hasAnyWord reports whether folded text holds one of the words.
func hasAnyWord(text string, words []string) bool {
	for _, w := range words {
		if containsPhrase(text, w) {
			return true
		}
	}
	return false
}

// findPhone returns the first telephone number of the text: 10 to 13
// digits written in groups ("+1 (805) 248 4054", "01 23 45 67 89",
// "865-237-0122"), or "". A run of digits without separators is more
// often an order or customer number, so it does not count.
func findPhone(text string) string {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if !(c >= '0' && c <= '9' || c == '+' || c == '(') || i > 0 && isAlnum(text[i-1]) {
			continue
		}
		end, digits, groups, longest := scanPhone(text[i:])
		if digits >= 10 && digits <= 13 && groups >= 2 && longest <= 4 {
			return strings.TrimSpace(text[i : i+end])
		}
		i += max(end-1, 0)
	}
	return ""
}

// scanPhone reads digits and phone separators from the start of s and
// returns how far a phone number could extend and its shape. Dots only
// count when every separator is a dot ("01.23.45.67.89"): mixed with
// spaces they are version numbers or prices.
func scanPhone(s string) (end, digits, groups, longest int) {
	run, dots, others := 0, 0, 0
	pendingDot, pendingOther := false, false
	for j := 0; j < len(s) && j < 24; j++ {
		c := s[j]
		switch {
		case c >= '0' && c <= '9':
			if run == 0 {
				groups++
				if pendingDot {
					dots++
				}
				if pendingOther {
					others++
				}
				pendingDot, pendingOther = false, false
			}
			run++
			digits++
			longest = max(longest, run)
			end = j + 1
			continue
		case c == '.':
			pendingDot = true
		case c == ' ' || c == '-' || c == '(' || c == ')' || c == '+':
			pendingOther = true
		default:
			j = len(s) // a letter or a sign ends the number
			continue
		}
		if j+1 < len(s) && s[j+1] == c && c != ')' {
			break
		}
		run = 0
	}
	if dots > 0 && others > 0 {
		return end, 0, 0, 0
	}
	return end, digits, groups, longest
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// hasAmount reports a sum of money: a currency sign or code next to a
// number ("$299.99", "440,99 €", "299 eur").
func hasAmount(text string) bool {
	for _, sign := range []string{"$", "€", "£"} {
		for off := 0; ; {
			i := strings.Index(text[off:], sign)
			if i < 0 {
				break
			}
			i += off
			if digitNear(text, i, len(sign)) {
				return true
			}
			off = i + len(sign)
		}
	}
	for _, code := range []string{"eur", "euros", "usd", "dollars"} {
		for off := 0; ; {
			i := strings.Index(text[off:], code)
			if i < 0 {
				break
			}
			i += off
			if boundaryBefore(text, i) && boundaryAfter(text, i+len(code)) && digitNear(text, i, len(code)) {
				return true
			}
			off = i + len(code)
		}
	}
	return false
}

// digitNear reports a digit just before the sign at i (one space allowed)
// or just after it.
func digitNear(text string, i, n int) bool {
	isDigit := func(j int) bool { return j >= 0 && j < len(text) && text[j] >= '0' && text[j] <= '9' }
	return isDigit(i-1) || text[max(i-1, 0)] == ' ' && isDigit(i-2) || isDigit(i+n) || i+n < len(text) && text[i+n] == ' ' && isDigit(i+n+1)
}

// keyOf is nameKey for longer texts: the first max bytes of s.
func keyOf(s string, max int) string {
	if len(s) > max {
		s = s[:max]
	}
	return joinSpelled(skeleton(strings.Map(func(r rune) rune {
		switch r {
		case '-', '_', '.', '/', '\\', '|', '*', ',', ':', '"', '(', ')', '[', ']':
			return ' '
		}
		return r
	}, s)))
}
