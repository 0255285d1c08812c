package mail

import "testing"

var phoneCases = []struct {
	text, want string
}{
	{"call us at: +1 (805) 248 4054 if", "+1 (805) 248 4054"},
	{"helpline: 1 803-661-1663hello", "1 803-661-1663"},
	{"appelez le 01 84 80 62 17 (du lundi", "01 84 80 62 17"},
	{"au 01.84.80.62.17.", "01.84.80.62.17"},
	{"(865)-237-2014 or", "(865)-237-2014"},
	{"commande 884-471 du 14", ""},                   // too few digits
	{"confirmation id: 422wvz-302drq-11395151", ""},  // glued to letters
	{"version 1.31 10 115 114 is out", ""},           // dots mixed with spaces
	{"order number 2913376448", ""},                  // one run, no groups
	{"card 4111 1111 1111 1111", ""},                 // 16 digits
	{"ref a650b9e2-0575-41fe-8098-1994b58e2949", ""}, // identifier
}

func TestFindPhone(t *testing.T) {
	for _, c := range phoneCases {
		if got := findPhone(c.text); got != c.want {
			t.Errorf("findPhone(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestHasAmount(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"amount: $299.99 today", true},
		{"montant preleve : 389,99 € le", true},
		{"total 440 usd", true},
		{"1 249,00 € ttc", true},
		{"we love the $ sign", false},
		{"euros are a currency", false},
	} {
		if got := hasAmount(c.text); got != c.want {
			t.Errorf("hasAmount(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
