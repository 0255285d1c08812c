package mail

import "testing"

var nirCases = []struct {
	text, want string
}{
	{"NIR 1 85 05 78 006 084 91 du patient", "185057800608491"},
	{"n° 185057800608491.", "185057800608491"},
	{"2 92 01 75 123 456 04", "292017512345604"},
	{"1 85 05 78 006 084 92", ""},                // wrong key
	{"1 85 13 78 006 084 91", ""},                // month 13 does not exist
	{"tél 0185057800608491", ""},                 // glued to another digit
	{"1850578006084912", ""},                     // one digit too many
	{"2 55 08 2A 012 345 67", ""},                // Corsica, wrong key
	{"1 85 05 2A 006 084 35", "185052A00608435"}, // Corsica, 2A counts as 19
	{"pas de numéro ici", ""},
}

func TestFindNIR(t *testing.T) {
	for _, c := range nirCases {
		if got := findNIR(c.text); got != c.want {
			t.Errorf("findNIR(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
