package mail

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"

	"hygie/i18n"
)

// lookalikeTarget is one brand domain that other domains must not imitate.
type lookalikeTarget struct {
	reg   string // ameli.fr
	label string // ameli
	skel  string // skeleton of label
	brand *Brand
	// word is true for labels that are ordinary words ("sante",
	// "orange"): near spellings of those are too common to mean anything.
	word bool
	// runes is the skeleton's length in runes and dist the typos allowed
	// (distanceFor), kept so that most labels are set aside without an
	// edit distance.
	runes, dist int
	// dotted is ".reg.", to find the domain inside a longer host name.
	dotted string
}

func buildTargets(brands []*Brand, words map[string]bool) []lookalikeTarget {
	var out []lookalikeTarget
	seen := map[string]bool{}
	for _, b := range brands {
		for _, d := range b.Domains {
			label := firstLabel(d)
			if seen[d] || len(label) < 4 || !strings.Contains(d, ".") {
				continue
			}
			seen[d] = true
			t := lookalikeTarget{reg: d, label: label, skel: skeleton(label), brand: b, word: words[label]}
			t.runes, t.dist, t.dotted = utf8.RuneCountInString(t.skel), distanceFor(t), "."+d+"."
			out = append(out, t)
		}
	}
	return out
}

// lookalike is the result of comparing a domain with the trusted list.
type lookalike struct {
	target lookalikeTarget
	how    string // "homograph", "spelling", "brand-in-name", "embedded"
}

// findLookalike reports which trusted domain host imitates, if any. A
// domain a brand really owns is never a lookalike.
func findLookalike(host string) (lookalike, bool) {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if host == "" || isIPHost(host) {
		return lookalike{}, false
	}
	reg := registeredDomain(host)
	if brandOf(reg) != nil {
		return lookalike{}, false
	}
	uni := toUnicode(reg)
	label := firstLabel(uni)
	sk := skeleton(label)
	n := utf8.RuneCountInString(sk)
	for _, t := range domains().targets {
		if how := compareLabel(label, sk, n, uni, t); how != "" {
			return lookalike{target: t, how: how}, true
		}
	}
	dotted := "." + host + "."
	for _, t := range domains().targets {
		if t.brand.trusted() && strings.Contains(dotted, t.dotted) {
			return lookalike{target: t, how: "embedded"}, true
		}
	}
	return lookalike{}, false
}

// compareLabel tells how a registered domain's first label imitates t.
// skRunes is the length of sk in runes.
func compareLabel(label, sk string, skRunes int, uni string, t lookalikeTarget) string {
	switch {
	case label == t.label:
		// Same name under another suffix: only institutions are judged,
		// since global brands own many country domains.
		if t.brand.trusted() && uni != t.reg {
			return "spelling"
		}
		return ""
	case sk == t.skel:
		return "homograph"
	case t.word:
		return ""
	case t.dist > 0 && abs(skRunes-t.runes) <= t.dist && withinDistance(sk, t.skel, t.dist):
		return "spelling"
	case len(t.label) >= 5 && containsBrandToken(label, t.label):
		return "brand-in-name"
	}
	return ""
}

// distanceFor is how many typos still read as the target: none for short
// names, where one letter makes another ordinary word.
func distanceFor(t lookalikeTarget) int {
	switch n := len(t.label); {
	case n >= 10:
		return 2
	case n >= 7, n >= 6 && t.brand.trusted():
		return 1
	}
	return 0
}

// lureAffixes returns the words glued to a brand name in phishing domains
// (ameli-remboursement, mondoctolib, paypalsecure); data/wording.json.
func lureAffixes() []string { return words().LureAffixes }

// containsBrandToken reports whether label is brand plus separators or
// lure words, e.g. "ameli-fr", "mon-doctolib", "paypalsecure", or the
// brand cut in two by a hyphen ("ordre-mk-cotisations" for ordremk).
func containsBrandToken(label, brand string) bool {
	split := false // the brand cut in two by a hyphen: "ordre-mk-cotisations"
	if !strings.Contains(label, brand) {
		if !strings.ContainsAny(label, "-_") || !containsJoined(label, brand) {
			return false
		}
		split = true
	}
	toks := strings.FieldsFunc(label, func(r rune) bool { return r == '-' || r == '_' || unicode.IsDigit(r) })
	for i, tok := range toks {
		if split {
			if i+1 == len(toks) {
				break
			}
			tok += toks[i+1]
		}
		if tok == brand {
			return true
		}
		for _, a := range lureAffixes() {
			if tok == a+brand || tok == brand+a {
				return true
			}
		}
	}
	return false
}

// containsJoined reports whether brand appears in label once its hyphens
// and underscores are ignored, without building the joined label: this
// runs for every listed brand on every host.
func containsJoined(label, brand string) bool {
	for i := 0; i < len(label); i++ {
		j, k := i, 0
		for j < len(label) && k < len(brand) {
			switch {
			case label[j] == brand[k]:
				j, k = j+1, k+1
			case k > 0 && (label[j] == '-' || label[j] == '_'):
				j++
			default:
				j = len(label) + 1 // no match from i
			}
		}
		if k == len(brand) {
			return true
		}
	}
	return false
}

// toUnicode decodes punycode labels (xn--) for comparison and display.
func toUnicode(host string) string {
	if !strings.Contains(host, "xn--") {
		return host
	}
	if u, err := idna.ToUnicode(host); err == nil {
		return strings.ToLower(u)
	}
	return host
}

// isPunycode reports whether a host has an internationalised label.
func isPunycode(host string) bool {
	return strings.HasPrefix(host, "xn--") || strings.Contains(host, ".xn--")
}

// mixedScript reports whether a label mixes Latin letters with letters of
// another script, the mark of a homograph (pаypal with a Cyrillic а).
func mixedScript(s string) bool {
	latin, other := false, false
	for _, r := range s {
		switch {
		case r < unicode.MaxASCII:
			latin = latin || unicode.IsLetter(r)
		case unicode.Is(unicode.Latin, r):
			latin = true
		case unicode.IsLetter(r):
			other = true
		}
	}
	return latin && other
}

// lookalikeEvidence quotes host as the message wrote it (its case and
// accents, which the reader will compare with their mail program) beside
// the domain it imitates, and says how, in the analysis's language: for a
// homograph, which character stands in for which.
func lookalikeEvidence(written string, l lookalike, lang string) string {
	ev := written + " ≈ " + l.target.reg
	if how := l.explain(written, lang); how != "" {
		ev += " (" + how + ")"
	}
	return ev
}

// explain says in a few words how written imitates the target.
func (l lookalike) explain(written, lang string) string {
	t := l.target
	switch l.how {
	case "homograph":
		if subs := substitutions(firstLabel(writtenRegistered(written)), t.label, lang); len(subs) > 0 {
			return strings.Join(subs, ", ")
		}
		return lookalikeHow["homograph"].In(lang)
	case "brand-in-name":
		return strings.ReplaceAll(lookalikeHow["brand-in-name"].In(lang), "{name}", t.label)
	case "embedded":
		return strings.ReplaceAll(lookalikeHow["embedded"].In(lang), "{domain}", t.reg)
	}
	return lookalikeHow[l.how].In(lang)
}

var lookalikeHow = map[string]i18n.Text{
	"homograph":     {FR: "caractères qui se ressemblent", EN: "characters that look alike"},
	"spelling":      {FR: "orthographe voisine", EN: "near spelling"},
	"brand-in-name": {FR: "le nom {name} dans un autre domaine", EN: "the name {name} inside another domain"},
	"embedded":      {FR: "{domain} placé dans un autre domaine", EN: "{domain} placed inside another domain"},
}

// writtenRegistered is the registered domain of host as written (its case
// kept), decoded from punycode: « www.ameIi.fr » gives « ameIi.fr ».
func writtenRegistered(host string) string {
	lower := strings.ToLower(host)
	reg := registeredDomain(lower)
	if len(lower) == len(host) && strings.HasSuffix(lower, reg) {
		host = host[len(host)-len(reg):]
	}
	if strings.Contains(lower, "xn--") {
		return toUnicode(strings.ToLower(host))
	}
	return host
}

// substitutions lines written up with target, character by character, and
// names each character put in place of another: « un I majuscule à la
// place du l ». It returns nil when the two do not line up.
func substitutions(written, target, lang string) []string {
	w, t := []rune(written), []rune(target)
	var out []string
	i, j := 0, 0
	for i < len(w) && j < len(t) {
		r := w[i]
		switch {
		case r == t[j]:
			i, j = i+1, j+1
			continue
		case unicode.ToLower(r) == t[j]:
			i, j = i+1, j+1 // a capital of the same letter imitates nothing
			continue
		case t[j] == 'm' && i+1 < len(w) && unicode.ToLower(r) == 'r' && unicode.ToLower(w[i+1]) == 'n':
			out = appendNew(out, pairText(lang, "« "+string(w[i:i+2])+" »", "“"+string(w[i:i+2])+"”", t[j]))
			i, j = i+2, j+1
			continue
		case t[j] == 'w' && i+1 < len(w) && unicode.ToLower(r) == 'v' && unicode.ToLower(w[i+1]) == 'v':
			out = appendNew(out, pairText(lang, "« "+string(w[i:i+2])+" »", "“"+string(w[i:i+2])+"”", t[j]))
			i, j = i+2, j+1
			continue
		case skeleton(string(r)) == skeleton(string(t[j])):
			fr, en := runeName(r)
			out = appendNew(out, pairText(lang, fr, en, t[j]))
			i, j = i+1, j+1
			continue
		}
		return nil
	}
	if i != len(w) || j != len(t) {
		return nil
	}
	return out
}

func appendNew(list []string, s string) []string {
	if contains(list, s) {
		return list
	}
	return append(list, s)
}

// pairText says that what (named in French and English) stands in place
// of the letter want.
func pairText(lang, fr, en string, want rune) string {
	if i18n.Lang(lang) == i18n.EN {
		return en + " in place of " + string(want)
	}
	return fr + " à la place du " + string(want)
}

// runeName names a character the way a reader would point at it: « un I
// majuscule », « le chiffre 0 », « un а cyrillique ».
func runeName(r rune) (fr, en string) {
	s := string(r)
	switch {
	case unicode.IsDigit(r):
		return "le chiffre " + s, "the digit " + s
	case unicode.IsUpper(r) && r < unicode.MaxASCII:
		return "un " + s + " majuscule", "a capital " + s
	case unicode.Is(unicode.Cyrillic, r):
		return "un " + s + " cyrillique", "a Cyrillic " + s
	case unicode.Is(unicode.Greek, r):
		return "un " + s + " grec", "a Greek " + s
	case r < unicode.MaxASCII && unicode.IsLetter(r):
		return "un " + s, "an " + s
	}
	return "le signe " + s, "the sign " + s
}
