package i18n

import (
	"testing"
	"unicode/utf8"
)

var foldCases = []struct{ in, want string }{
	{"Sécurité", "securite"},
	{"MSSanté", "mssante"},
	{"ŒUVRE cœur Straße", "oeuvre coeur strasse"},
	{"l’ordinateur l‘autre l´écran", "l'ordinateur l'autre l'ecran"},
	{"« Urgent » — vite", "\" urgent \" - vite"},
	{"Rançongiciel", "rancongiciel"},
	{"e\u0301te\u0301", "ete"}, // already decomposed accents
	{"a\tb\x00c", "a b c"},
	{"ok\xffko", "ok ko"}, // invalid byte
	{"vrai \uFFFD", "vrai \uFFFD"},
	{"nbsp\u00a0ici\u202fet\u2007la", "nbsp ici et la"},
	{"deux  espaces", "deux  espaces"},
	{"in\u200bvi\u00adsi\ufeffble", "invisible"},
	{"ÇA", "ca"},
	{"😀 emoji", "😀 emoji"},
	{"", ""},
}

func TestFold(t *testing.T) {
	for _, c := range foldCases {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
		got, offs := FoldOffsets(c.in)
		if got != c.want {
			t.Errorf("FoldOffsets(%q) = %q, want %q", c.in, got, c.want)
		}
		if len(offs) != len(got)+1 || offs[len(got)] != len(c.in) {
			t.Errorf("FoldOffsets(%q): %d offsets ending at %d, want %d ending at %d", c.in, len(offs), offs[len(offs)-1], len(got)+1, len(c.in))
		}
		for i := 1; i < len(offs); i++ {
			if offs[i] < offs[i-1] {
				t.Errorf("FoldOffsets(%q): offsets go backwards at %d: %v", c.in, i, offs)
				break
			}
		}
	}
}

func TestFoldOffsetsPointBack(t *testing.T) {
	s := "Le rançongiciel"
	got, offs := FoldOffsets(s)
	i := len("le ran")
	if got[i:i+1] != "c" || s[offs[i]:offs[i]+len("ç")] != "ç" {
		t.Errorf("FoldOffsets(%q): byte %d (%q) maps to %d", s, i, got[i:i+1], offs[i])
	}
}

var unaccentCases = []struct{ in, want string }{
	{"Kinésithérapeute", "Kinesitherapeute"},
	{"ÉTÉ", "ETE"},
	{"k1nés1thérapeute!", "k1nes1therapeute!"},
	{"e\u0301", "e"},
	{"Cœur", "Cœur"},
	{"", ""},
}

func TestUnaccent(t *testing.T) {
	for _, c := range unaccentCases {
		if got := Unaccent(c.in); got != c.want {
			t.Errorf("Unaccent(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzFold checks that any input folds to valid UTF-8, that Fold and
// FoldOffsets agree, that folding twice changes nothing more, and that the
// offsets stay in range and in order.
func FuzzFold(f *testing.F) {
	for _, c := range foldCases {
		f.Add(c.in)
	}
	for _, c := range unaccentCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, offs := FoldOffsets(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Fold(%q) = %q is not valid UTF-8", s, got)
		}
		if plain := Fold(s); plain != got {
			t.Fatalf("Fold(%q) = %q but FoldOffsets gives %q", s, plain, got)
		}
		if again := Fold(got); again != got {
			t.Fatalf("Fold(Fold(%q)) = %q, want %q", s, again, got)
		}
		if len(offs) != len(got)+1 {
			t.Fatalf("FoldOffsets(%q): %d offsets for %d bytes", s, len(offs), len(got))
		}
		for i, o := range offs {
			if o < 0 || o > len(s) || (i > 0 && o < offs[i-1]) {
				t.Fatalf("FoldOffsets(%q): bad offset %d at %d", s, o, i)
			}
		}
		if u := Unaccent(s); utf8.ValidString(s) && !utf8.ValidString(u) {
			t.Fatalf("Unaccent(%q) = %q is not valid UTF-8", s, u)
		}
	})
}
