package guides

import (
	"testing"
	"unicode/utf8"
)

var foldCases = []struct{ in, want string }{
	{"Sécurité", "securite"},
	{"MSSanté", "mssante"},
	{"ŒUVRE cœur", "oeuvre coeur"},
	{"l’ordinateur", "l'ordinateur"},
	{"Rançongiciel", "rancongiciel"},
	{"e\u0301te\u0301", "ete"}, // already decomposed accents
	{"a\tb\x00c", "a b c"},
	{"ok\xffko", "ok ko"}, // invalid byte
	{"vrai \uFFFD", "vrai \uFFFD"},
	{"nbsp\u00a0ici", "nbsp ici"},
	{"😀 emoji", "😀 emoji"},
}

func TestFold(t *testing.T) {
	for _, c := range foldCases {
		got, offs := fold(c.in)
		if got != c.want {
			t.Errorf("fold(%q) = %q, want %q", c.in, got, c.want)
		}
		if len(offs) != len(got)+1 || offs[len(got)] != len(c.in) {
			t.Errorf("fold(%q): %d offsets ending at %d, want %d ending at %d", c.in, len(offs), offs[len(offs)-1], len(got)+1, len(c.in))
		}
		for i := 1; i < len(offs); i++ {
			if offs[i] < offs[i-1] {
				t.Errorf("fold(%q): offsets go backwards at %d: %v", c.in, i, offs)
				break
			}
		}
	}
}

// FuzzFold checks that any input folds to valid UTF-8 with offsets that
// stay in range and in order.
func FuzzFold(f *testing.F) {
	for _, c := range foldCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, offs := fold(s)
		if !utf8.ValidString(got) {
			t.Fatalf("fold(%q) = %q is not valid UTF-8", s, got)
		}
		if len(offs) != len(got)+1 {
			t.Fatalf("fold(%q): %d offsets for %d bytes", s, len(offs), len(got))
		}
		for i, o := range offs {
			if o < 0 || o > len(s) || (i > 0 && o < offs[i-1]) {
				t.Fatalf("fold(%q): bad offset %d at %d", s, o, i)
			}
		}
	})
}
