package mail

import (
	"strings"
	"testing"
)

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

// A known contact's name on another address: flagged, except another
// address of the contact's own (non-webmail) organisation.
func TestDisplayNameContact(t *testing.T) {
	an := NewAnalyzer(Options{KnownContacts: []string{
		"Hélène Dupré <helene.dupre@cabinet-dupre.fr>",
		`"Julien Roux" <julien.roux.kine@gmail.com>`,
	}})
	cases := []struct {
		from string
		want bool
	}{
		{`"Hélène Dupré" <helene.dupre@cabinet-dupre.fr>`, false},
		{`"Hélène Dupré" <Helene.Dupre@Cabinet-Dupre.fr>`, false}, // case of the address
		{`"HELENE DUPRE" <h.dupre.cabinet@gmail.com>`, true},      // folded name, webmail address
		{`"Hélène Dupré" <secretariat@cabinet-dupre.fr>`, false},  // her own organisation
		{`"Julien Roux" <julien.roux.cabinet@gmail.com>`, true},   // same webmail, another address
		{`"Julien Roux" <julien.roux.kine@gmail.com>`, false},
		{`"Claire Martin" <claire@exemple-kine.fr>`, false}, // not a contact
	}
	for _, c := range cases {
		raw := "From: " + c.from + "\r\nTo: cabinet@exemple.fr\r\nSubject: Dossier\r\n\r\nBonjour, pouvez-vous me rappeler ?\r\n"
		rep, err := an.Analyze(strings.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		if got := hasFinding(rep, "display_name_contact"); got != c.want {
			t.Errorf("From %s: display_name_contact = %v, want %v (%v)", c.from, got, c.want, ids(rep))
		}
	}
}

func TestPersonalName(t *testing.T) {
	cases := []struct {
		name string
		want bool
	}{
		{"Hélène Dupré", true},
		{"Dr Bernard Lefèvre", true},
		{"Cabinet Dupré-Martin", true},
		{"Julien", false},              // one word
		{"J. R.", true},                // initials are words of letters
		{"Service client", false},      // a role
		{"Secrétariat Dr Roux", false}, // a role, shared by whoever answers
		{"Ameli Assurance Maladie", false},
		{"Doctolib Pro", false},
		{"no-reply", false},
		{"42 24", false},
		{"", false},
	}
	for _, c := range cases {
		if got := PersonalName(c.name); got != c.want {
			t.Errorf("PersonalName(%q) = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestRandomLooking(t *testing.T) {
	cases := []struct {
		label string
		want  bool
	}{
		{"urps-mk-pdl", false}, // hyphenated acronyms
		{"ars-pdl", false},
		{"cabinet-kine-rennes", false},
		{"chu-nantes", false},
		{"kinesitherapie", false},
		{"xkqzvtrw", true}, // a run of consonants
		{"qwrtplkz-mail", true},
		{"a1b2c3d4", true}, // letters and digits shuffled
		{"bcdfghjk", true},
		{"mkprsdtl-fr", true}, // long, no vowels
		{"ovh", false},        // too short to judge
	}
	for _, c := range cases {
		if got := randomLooking(c.label); got != c.want {
			t.Errorf("randomLooking(%q) = %v, want %v", c.label, got, c.want)
		}
	}
}
