package mail

import "testing"

// wellFormedCases are sender domains with whether they could be real.
var wellFormedCases = []struct {
	domain string
	want   bool
}{
	{"cabinet-martin.fr", true},
	{"iki.fi", true},             // a private public suffix used as a mail domain
	{"kine-rennes.eu.org", true}, // a name under a private suffix
	{"cabinet.example", true},    // reserved for documentation (RFC 2606)
	{"impots-remboursement", false},
	{"survey,net", false},
	{"promo.xf", false}, // no such top-level domain
	{"a..fr", false},
	{"", false},
}

func TestWellFormedDomain(t *testing.T) {
	for _, c := range wellFormedCases {
		if got := wellFormedDomain(c.domain); got != c.want {
			t.Errorf("wellFormedDomain(%q) = %v, want %v", c.domain, got, c.want)
		}
	}
}

func TestDistinctPhrases(t *testing.T) {
	cases := []struct {
		in   []string
		want int
	}{
		{[]string{"« take action »", "« take action now »"}, 1},
		{[]string{"« douane »", "« frais de douane »", "« colis »"}, 2},
		{[]string{"« urgent »", "« remboursement »"}, 2},
	}
	for _, c := range cases {
		if got := distinctPhrases(c.in); got != c.want {
			t.Errorf("distinctPhrases(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}
