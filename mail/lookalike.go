package mail

import (
	"strings"
	"unicode"

	"golang.org/x/net/idna"
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
			out = append(out, lookalikeTarget{reg: d, label: label, skel: skeleton(label), brand: b, word: words[label]})
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
	for _, t := range data.targets {
		if how := compareLabel(label, sk, uni, t); how != "" {
			return lookalike{target: t, how: how}, true
		}
	}
	for _, t := range data.targets {
		if t.brand.trusted() && strings.Contains("."+host+".", "."+t.reg+".") {
			return lookalike{target: t, how: "embedded"}, true
		}
	}
	return lookalike{}, false
}

// compareLabel tells how a registered domain's first label imitates t.
func compareLabel(label, sk, uni string, t lookalikeTarget) string {
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
	case withinDistance(sk, t.skel, distanceFor(t)):
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

// lureAffixes are words glued to a brand name in phishing domains
// (ameli-remboursement, mondoctolib, paypalsecure); data/wording.json.
var lureAffixes = words.LureAffixes

// containsBrandToken reports whether label is brand plus separators or
// lure words, e.g. "ameli-fr", "mon-doctolib", "paypalsecure".
func containsBrandToken(label, brand string) bool {
	if !strings.Contains(label, brand) {
		return false
	}
	for _, tok := range strings.FieldsFunc(label, func(r rune) bool { return r == '-' || r == '_' || unicode.IsDigit(r) }) {
		if tok == brand {
			return true
		}
		for _, a := range lureAffixes {
			if tok == a+brand || tok == brand+a {
				return true
			}
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
