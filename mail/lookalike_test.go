package mail

import "testing"

var lookalikeCases = []struct {
	host   string
	target string // "" when the host must not be a lookalike
}{
	{"ameli.fr", ""},
	{"info.ameli.fr", ""},
	{"portail.ameli.fr", ""}, // a real sub-domain: only authentication exposes it
	{"ameli-remboursement.com", "ameli.fr"},
	{"amel1.fr", "ameli.fr"},
	{"xn--meli-43d.fr", "ameli.fr"}, // аmeli with a Cyrillic а
	{"ameli.com", "ameli.fr"},
	{"mon-doctolib.com", "doctolib.fr"},
	{"doctolib.com", ""},
	{"doctoIib.fr", "doctolib.fr"},
	{"urssaf-regularisation.fr", "urssaf.fr"},
	{"impots.gouv.fr.remboursement.info", "impots.gouv.fr"},
	{"ordremk-paiement.fr", "ordremk.fr"},
	{"ordre-mk-cotisations.org", "ordremk.fr"}, // the name cut in two by a hyphen
	{"pay-pal-secure.com", "paypal.com"},
	{"tresor-dor-mk.fr", ""}, // "ordremk" only across a word boundary that is not a cut
	{"paypa1.com", "paypal.com"},
	{"amazon.co.jp", ""},
	{"cameliaflowers.com", ""},
	{"sante-pratique.fr", ""},
	{"example.com", ""},
	{"192.168.1.1", ""},
}

func TestFindLookalike(t *testing.T) {
	for _, c := range lookalikeCases {
		l, ok := findLookalike(c.host)
		got := ""
		if ok {
			got = l.target.reg
		}
		if got != c.target && !(ok && c.target != "" && l.target.brand == brandOf(c.target)) {
			t.Errorf("findLookalike(%s) = %q (%s), want %q", c.host, got, l.how, c.target)
		}
	}
}

var skeletonCases = []struct{ a, b string }{
	{"paypal", "paypaI"},
	{"ameli", "аmeli"},
	{"doctolib", "d0ct0lib"},
	{"microsoft", "rnicrosoft"},
}

func TestSkeleton(t *testing.T) {
	for _, c := range skeletonCases {
		if skeleton(c.a) != skeleton(c.b) {
			t.Errorf("skeleton(%q) = %q, skeleton(%q) = %q, want equal", c.a, skeleton(c.a), c.b, skeleton(c.b))
		}
	}
}

func TestWithinDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		k    int
		want bool
	}{
		{"doctolib", "doctollb", 1, true},
		{"doctolib", "doctolib", 1, false},
		{"doctolib", "dctlb", 2, false},
		{"mssante", "msante", 1, true},
	} {
		if got := withinDistance(c.a, c.b, c.k); got != c.want {
			t.Errorf("withinDistance(%s, %s, %d) = %v, want %v", c.a, c.b, c.k, got, c.want)
		}
	}
}

// TestSkeletonConfusables checks characters beyond a hand-picked subset:
// the full UTS #39 table, with Hygie's digit tricks on top.
func TestSkeletonConfusables(t *testing.T) {
	for in, want := range map[string]string{
		"аmeli":      "ameli", // Cyrillic а
		"amel1":      "ameli",
		"ameIi":      "ameli",
		"аmеlі":      "ameli",    // Cyrillic а, е, і
		"dօctolib":   "doctolib", // Armenian օ
		"ｐａｙｐａｌ":     "paypal",   // fullwidth
		"𝐩𝐚𝐲𝐩𝐚𝐥":     "paypal",   // mathematical bold
		"rnicrosoft": "microsoft",
		"ameli-fr":   "amelifr",
		"orange":     "orange",
	} {
		if got, w := skeleton(in), skeleton(want); got != w {
			t.Errorf("skeleton(%q) = %q, want %q", in, got, w)
		}
	}
}

func TestContainsJoined(t *testing.T) {
	tests := []struct {
		label, brand string
		want         bool
	}{
		{"ordre-mk-cotisations", "ordremk", true},
		{"pay_pal", "paypal", true},
		{"ordremk", "ordremk", true},
		{"ordre-mx", "ordremk", false},
		{"-ordremk", "ordremk", true},
		{"ordrem", "ordremk", false},
		{"", "ordremk", false},
	}
	for _, tt := range tests {
		if got := containsJoined(tt.label, tt.brand); got != tt.want {
			t.Errorf("containsJoined(%q, %q) = %v, want %v", tt.label, tt.brand, got, tt.want)
		}
	}
}
