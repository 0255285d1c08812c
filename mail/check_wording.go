package mail

import (
	"strconv"
	"strings"
)

// checkWording looks for the phrasing of pressure, credential harvesting,
// money lures, bank-detail changes, CEO fraud and blackmail.
func checkWording(a *analysis) {
	fams := families()
	hits := phrases().match(a.text, len(fams))
	for i := range fams {
		f := &fams[i]
		found := f.fired(hits[i])
		switch {
		case found == nil:
		case f.Signal:
			if a.signals == nil {
				a.signals = map[string][]string{}
			}
			a.signals[f.ID] = found
		default:
			a.add(f.rule(), quoteAll(found)...)
		}
	}
}

func quoteAll(hits []string) []string {
	out := make([]string, 0, len(hits))
	for _, h := range hits {
		out = append(out, "« "+strings.TrimSuffix(h, "*")+" »")
	}
	return out
}

// healthWords returns the words that, in a subject or attachment name,
// suggest health data (data/wording.json).
func healthWords() []string { return words().Health }

// notHealth returns the subjects where those words mean something else
// (data/wording.json).
func notHealth() []string { return words().NotHealth }

// yearBilan is the accountant's « bilan 2025 »: a bilan named by its year
// is the practice's accounts, not a patient's assessment.
var yearBilan = lazyRegexp(`\bbilans? (?:19|20)\d\d\b`)

// checkHealthData flags probable health data outside the MSSanté space.
func checkHealthData(a *analysis) {
	if a.channel == ChannelMSSante {
		return
	}
	if w := healthWord(fold(a.m.Subject, 1024)); w != "" {
		a.add("health_data_outside_mssante", "« "+w+" »")
	}
	for _, at := range a.m.Attachments {
		if w := healthWord(fold(strings.NewReplacer("_", " ", "-", " ", ".", " ").Replace(at.Name), 512)); w != "" {
			a.add("health_data_outside_mssante", at.Name)
		}
	}
	nir := findNIR(a.m.Text)
	if nir == "" {
		nir = findNIR(a.m.HTMLText)
	}
	if nir != "" {
		a.add("health_data_outside_mssante", "NIR "+nir[:1]+" "+nir[1:3]+" … (clé valide)")
	}
}

func healthWord(s string) string {
	for _, n := range notHealth() {
		if strings.Contains(s, n) {
			return ""
		}
	}
	if yearBilan().MatchString(s) {
		return ""
	}
	for _, w := range healthWords() {
		if containsPhrase(s, w) {
			return w
		}
	}
	return ""
}

// checkStructure looks at how the message is built: the recipient's
// address in the subject, disguised characters, malformed parts.
func checkStructure(a *analysis) {
	subj := strings.ToLower(a.m.Subject)
	for _, r := range append(append([]Address{}, a.m.To...), a.m.Cc...) {
		if r.Addr != "" && strings.Contains(subj, r.Addr) {
			a.add("recipient_in_subject", a.m.Subject)
		}
	}
	for _, s := range []string{a.m.Subject, a.from.Name} {
		if disguised(s) {
			a.add("obfuscated_text", s)
		}
	}
	if paddedName(a.from.Name) {
		a.add("obfuscated_text", a.from.Name)
	}
	if n := strayTags(a.m.Text) + strayTags(a.m.HTMLText); n >= 10 {
		a.add("obfuscated_text", strconv.Itoa(n)+" stray <tags> in the text")
	}
	if len(a.m.Problems) > 0 {
		a.add("malformed_message", a.m.Problems...)
	}
}

// paddedName reports a display name padded with filler punctuation or a
// random tag ("-Marijn van NTA", "Offre..'Spéciale'", "Service .QJACF"),
// which senders add so that no two messages look alike.
func paddedName(n string) bool {
	n = strings.TrimSpace(n)
	if n == "" {
		return false
	}
	for _, p := range []string{"..", "--", "__", "**", ",_", "~", "|"} {
		if strings.Contains(n, p) {
			return true
		}
	}
	if strings.ContainsAny(n[:1], "-.'*[(") || strings.HasSuffix(n, ",") {
		return true
	}
	f := strings.Fields(n)
	if len(f) == 1 && len(n) >= 5 && !strings.ContainsAny(strings.ToLower(n), "aeiouyàâéèêëîïôöùûü") {
		return true // one word and no vowel: keyboard mashing, not a name
	}
	last := strings.TrimLeft(f[len(f)-1], ".#")
	return len(f) > 1 && len(last) >= 4 && strings.ToUpper(last) == last && randomLooking(strings.ToLower(last))
}

// strayTags counts HTML-looking tags left in the visible text, junk markup
// that pads a message to defeat filters.
func strayTags(s string) int {
	n := 0
	for i := 0; i < len(s) && n < 100; i++ {
		if s[i] != '<' {
			continue
		}
		j := i + 1
		for j < len(s) && j-i < 12 && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] == '/') {
			j++
		}
		if j < len(s) && s[j] == '>' && j > i+1 {
			n++
		}
	}
	return n
}

// disguised reports invisible characters or a word mixing scripts.
func disguised(s string) bool {
	if invisibleCount(s) > 0 || styledCount(s) > 0 {
		return true
	}
	for _, w := range strings.Fields(s) {
		if mixedScript(w) {
			return true
		}
	}
	return false
}
