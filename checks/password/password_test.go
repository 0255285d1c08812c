package password

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
)

var practice = Inputs{Name: "Claire Durand", Practice: "Cabinet des Tilleuls", City: "Angers", Profession: "masseur-kinésithérapeute"}

// evalCases: the weakness expected among those found, and the level.
var evalCases = []struct {
	pw    string
	level Level
	weak  Weakness // "" when none is expected
}{
	{"", Weak, ""},
	{"azerty", Weak, WeakCommon},
	{"motdepasse", Weak, WeakCommon},
	{"P@ssw0rd", Weak, WeakCommon},
	{"Mathilde2024!", Weak, WeakFirstName},
	{"Kinésithérapeute", Weak, WeakYours}, // the profession given in the inputs
	{"Ostéopathe", Weak, WeakPractice},
	{"0st3opathe", Weak, WeakPractice},
	{"Durand49Angers", Weak, WeakYours},
	{"tilleuls", Weak, WeakYours},
	{"marseille13", Weak, WeakCommon},
	{"qsdfghjklm", Weak, ""},
	{"vR7#kq2!Lm9@xT4$wZ", Strong, ""},
	{"7fQ!x2", Weak, ""},
}

func TestEvaluate(t *testing.T) {
	for _, c := range evalCases {
		v := Evaluate(c.pw, practice)
		if v.Level != c.level {
			t.Errorf("Evaluate(%q) level = %v (%.1f bits), want %v", c.pw, v.Level, v.Bits, c.level)
		}
		if c.weak != "" && !slices.Contains(v.Weaknesses, c.weak) {
			t.Errorf("Evaluate(%q) weaknesses = %v, want %s among them", c.pw, v.Weaknesses, c.weak)
		}
		if len(v.Rules) != 6 {
			t.Errorf("Evaluate(%q) has %d rules, want 6", c.pw, len(v.Rules))
		}
	}
}

func rule(v Verdict, id RuleID) bool {
	for _, r := range v.Rules {
		if r.ID == id {
			return r.Met
		}
	}
	panic("no rule " + id)
}

func TestRules(t *testing.T) {
	strong := Evaluate("vR7#kq2!Lm9@xT4$wZ", Inputs{})
	for _, id := range []RuleID{RuleAlone80, RuleRestricted50, RuleMixed12, RuleNoGuessable} {
		if !rule(strong, id) {
			t.Errorf("strong password misses %s (%.1f bits)", id, strong.Bits)
		}
	}
	if rule(strong, RulePassphrase7) {
		t.Errorf("a random string counted as a passphrase")
	}
	phrase := Evaluate("le chat gris dort sur le vieux canape", Inputs{})
	if !rule(phrase, RulePassphrase7) {
		t.Errorf("8-word phrase misses the passphrase rule")
	}
	long := Evaluate("Tulipe8Horloge3Menthe", Inputs{})
	if !rule(long, RuleLong14) || rule(long, RuleMixed12) {
		t.Errorf("long-14/mixed-12 wrong for a 21-char password without specials")
	}
	weak := Evaluate("azerty", Inputs{})
	if rule(weak, RuleAlone80) || rule(weak, RuleRestricted50) || rule(weak, RuleNoGuessable) {
		t.Errorf("azerty meets a rule: %+v", weak.Rules)
	}
}

// TestStrongPassphraseNotGuessable: a long passphrase of everyday words
// rated strong is not also reported as guessable.
func TestStrongPassphraseNotGuessable(t *testing.T) {
	for _, pw := range []string{"le chat gris dort sur le vieux canape", "motdepasse soleil jardin bicyclette orange montagne"} {
		v := Evaluate(pw, practice)
		if v.Level != Strong {
			t.Errorf("Evaluate(%q) = %v (%.1f bits), want Strong", pw, v.Level, v.Bits)
			continue
		}
		if len(v.Weaknesses) != 0 || !rule(v, RuleNoGuessable) {
			t.Errorf("Evaluate(%q) strong but guessable: %v", pw, v.Weaknesses)
		}
	}
}

// TestVerdictHoldsNoPassword: nothing in the verdict can give it back.
func TestVerdictHoldsNoPassword(t *testing.T) {
	pw := "Tilleuls-Angers-2026"
	v := Evaluate(pw, practice)
	dump := fmt.Sprintf("%+v %#v", v, v)
	for _, part := range []string{pw, "Tilleuls", "Angers", "2026"} {
		if strings.Contains(dump, part) {
			t.Errorf("verdict contains %q: %s", part, dump)
		}
	}
}

func TestInputsWords(t *testing.T) {
	got := practice.words()
	for _, w := range []string{"claire", "durand", "clairedurand", "tilleuls", "angers", "kinesitherapeute", "masseurkinesitherapeute"} {
		if !slices.Contains(got, w) {
			t.Errorf("words() = %v, missing %q", got, w)
		}
	}
	for _, w := range got {
		if len([]rune(w)) < 3 {
			t.Errorf("words() kept %q, shorter than 3 letters", w)
		}
	}
}

func TestListsLoad(t *testing.T) {
	m := listOf()
	for w, want := range map[string]Weakness{"azerty": WeakCommon, "kinesitherapeute": WeakPractice, "angers": WeakCity, "camille": WeakCommon, "mathilde": WeakFirstName} {
		if m[w] != want {
			t.Errorf("list of %q = %q, want %q", w, m[w], want)
		}
	}
	if len(frenchWords()) < 400 {
		t.Errorf("only %d French words", len(frenchWords()))
	}
}

func FuzzEvaluate(f *testing.F) {
	for _, c := range evalCases {
		f.Add(c.pw)
	}
	f.Add(strings.Repeat("é€😀\x00\xff", 60))
	f.Add(strings.Repeat("a@4e3i1o0s5", 20))
	f.Fuzz(func(t *testing.T, pw string) {
		v := Evaluate(pw, practice)
		if math.IsNaN(v.Bits) || math.IsInf(v.Bits, 0) || v.Bits < 0 || v.Bits > 999 {
			t.Errorf("Evaluate(%q) bits = %v", pw, v.Bits)
		}
		if v.Length > MaxLen {
			t.Errorf("length %d over MaxLen", v.Length)
		}
	})
}

func BenchmarkEvaluate(b *testing.B) {
	for b.Loop() {
		Evaluate("Tilleuls-Angers-2026!", practice)
	}
}
