// Package password estimates the strength of a password against the CNIL's
// 2022 recommendation, with zxcvbn completed by French word lists and the
// practice's own details, and can ask Have I Been Pwned whether it leaked.
//
// zxcvbn is github.com/ccojocar/zxcvbn-go, used as published: its scores
// keep a random password of 18 characters above the CNIL's 80 bits, where
// the zxcvbn 4 port (github.com/trustelem/zxcvbn) gives it 60, and it names
// the practice's French words more often (docs/performance.md).
//
// The password is never stored, logged, put in an error or sent: only the
// first 5 hexadecimal characters of its SHA-1 leave the machine, and only
// when the caller asks for the breach check.
package password

import (
	"math"
	"strings"
	"unicode"

	"github.com/ccojocar/zxcvbn-go"
	"github.com/ccojocar/zxcvbn-go/match"
)

// MaxLen is how many characters are analysed: beyond it a password is long
// enough and the pattern search would only cost time.
const MaxLen = 128

// CNIL délibération n° 2022-100: minimum entropy of a password.
const (
	BitsAlone      = 80 // password used alone
	BitsRestricted = 50 // account locked or slowed after failed attempts
)

// Level summarises the verdict.
type Level int

// Levels, weakest first.
const (
	Weak       Level = iota // under 50 bits: not acceptable
	Restricted              // 50–80 bits: only where the account blocks repeated failures
	Strong                  // 80 bits or more: acceptable alone
)

// RuleID names one rule or example of the CNIL recommendation.
type RuleID string

// The rules a verdict reports, met or missed, in this order.
const (
	RuleAlone80      RuleID = "alone-80"      // ≥ 80 bits estimated
	RuleRestricted50 RuleID = "restricted-50" // ≥ 50 bits estimated
	RuleMixed12      RuleID = "mixed-12"      // ≥ 12 characters of the 4 kinds
	RuleLong14       RuleID = "long-14"       // ≥ 14 characters with upper, lower and digits
	RulePassphrase7  RuleID = "passphrase-7"  // a phrase of at least 7 words
	RuleNoGuessable  RuleID = "no-guessable"  // no common password, name, place or practice word
)

// Rule is one rule and whether the password meets it.
type Rule struct {
	ID  RuleID
	Met bool
}

// Weakness is a kind of guessable part found in the password.
type Weakness string

// Weaknesses, as the verdict lists them (each at most once).
const (
	WeakYours     Weakness = "yours"      // the practitioner's name, practice, city…
	WeakCommon    Weakness = "common"     // a common French or international password
	WeakFirstName Weakness = "first-name" // a common first name
	WeakPractice  Weakness = "practice"   // a word of the health professions
	WeakCity      Weakness = "city"       // a French city
	WeakWord      Weakness = "word"       // a dictionary word or surname
	WeakKeyboard  Weakness = "keyboard"   // keys next to each other (azerty, qsdf)
	WeakSequence  Weakness = "sequence"   // abc, 1234
	WeakRepeat    Weakness = "repeat"     // aaaa
	WeakDate      Weakness = "date"       // a date or a year
)

// Inputs are details of the practice that make a password guessable.
type Inputs struct {
	Name, Practice, City, Profession string
	Other                            []string
}

// Verdict is the analysis of one password. It does not hold the password.
type Verdict struct {
	Bits       float64 // estimated entropy
	Length     int     // in characters
	Level      Level
	Rules      []Rule
	Weaknesses []Weakness
}

// Evaluate estimates pw's strength. It never fails: an empty password is
// weak, and an analysis that breaks falls back to counting characters.
func Evaluate(pw string, in Inputs) Verdict {
	runes := []rune(pw)
	if len(runes) > MaxLen {
		runes = runes[:MaxLen]
		pw = string(runes)
	}
	v := Verdict{Length: len([]rune(pw))}
	if pw == "" {
		v.Rules = rules(v, pw)
		return v
	}
	yours := in.words()
	res := strength(pw, yours)
	if f := fold(pw); f != pw {
		// zxcvbn-go does not undo accents, nor l33t inside user inputs
		if alt := strength(f, yours); alt.bits+1 < res.bits {
			res = alt
			res.bits++
		}
	}
	v.Bits, v.Weaknesses = res.bits, res.weak
	switch {
	case v.Bits >= BitsAlone:
		v.Level = Strong
	case v.Bits >= BitsRestricted:
		v.Level = Restricted
	}
	if v.Level == Strong {
		// A passphrase is made of words by design: once the estimate is
		// past 80 bits with them counted, they no longer make it guessable,
		// and saying so beside « Solide » would contradict it.
		v.Weaknesses = nil
	}
	v.Rules = rules(v, pw)
	return v
}

type analysis struct {
	bits float64
	weak []Weakness
}

// strength runs zxcvbn with the practice's words and the French lists as
// "user inputs", which zxcvbn ranks first. It recovers from a panic of the
// library so that bad input never brings the app down.
func strength(pw string, yours []string) (a analysis) {
	defer func() {
		if recover() != nil {
			a = analysis{bits: bruteForceBits(pw)}
		}
	}()
	res := zxcvbn.PasswordStrength(pw, append(yours, frenchWords()...))
	a.bits = res.Entropy
	if math.IsNaN(a.bits) || math.IsInf(a.bits, 0) || a.bits > 999 {
		a.bits = math.Min(bruteForceBits(pw), 999)
	}
	a.weak = weaknesses(res.MatchSequence, yours)
	return a
}

// bruteForceBits is length × log2(alphabet size), the CNIL's own measure.
func bruteForceBits(pw string) float64 {
	c := classify(pw)
	pool := 0
	for _, k := range []struct {
		has  bool
		size int
	}{{c.lower, 26}, {c.upper, 26}, {c.digit, 10}, {c.special, 37}, {c.other, 100}} {
		if k.has {
			pool += k.size
		}
	}
	if pool == 0 {
		return 0
	}
	return float64(len([]rune(pw))) * math.Log2(float64(pool))
}

// weaknesses names the guessable parts zxcvbn found, once each.
func weaknesses(seq []match.Match, yours []string) []Weakness {
	seen := map[Weakness]bool{}
	var out []Weakness
	for _, m := range seq {
		w, ok := weaknessOf(m, yours)
		if ok && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

func weaknessOf(m match.Match, yours []string) (Weakness, bool) {
	n := len([]rune(m.Token))
	if m.Pattern != "date" && (n < 3 || (m.Pattern != "dictionary" && n < 4)) {
		return "", false // "a", "q2!": noise, not a weakness worth explaining
	}
	switch m.Pattern {
	case "spatial":
		return WeakKeyboard, true
	case "sequence":
		return WeakSequence, true
	case "repeat":
		return WeakRepeat, true
	case "date":
		return WeakDate, true
	case "dictionary":
		return dictionaryWeakness(m, yours), true
	}
	return "", false
}

func dictionaryWeakness(m match.Match, yours []string) Weakness {
	tok := unaccent(strings.ToLower(m.Token))
	for _, y := range yours {
		if y == tok {
			return WeakYours
		}
	}
	if w, ok := listOf()[tok]; ok {
		return w
	}
	if strings.HasPrefix(m.DictionaryName, "Passwords") {
		return WeakCommon
	}
	return WeakWord
}

// chars says which kinds of characters a password holds.
type chars struct{ lower, upper, digit, special, other bool }

func classify(pw string) chars {
	var c chars
	for _, r := range pw {
		switch {
		case r < 128 && unicode.IsLower(r):
			c.lower = true
		case r < 128 && unicode.IsUpper(r):
			c.upper = true
		case unicode.IsDigit(r):
			c.digit = true
		case r < 128 && (unicode.IsPunct(r) || unicode.IsSymbol(r) || r == ' '):
			c.special = true
		case unicode.IsLower(r):
			c.lower, c.other = true, true
		case unicode.IsUpper(r):
			c.upper, c.other = true, true
		default:
			c.other = true
		}
	}
	return c
}

// rules checks the CNIL rule and its examples. The entropy rules decide the
// level; the composition examples tell the user how to get there.
func rules(v Verdict, pw string) []Rule {
	c := classify(pw)
	return []Rule{
		{RuleAlone80, v.Bits >= BitsAlone},
		{RuleRestricted50, v.Bits >= BitsRestricted},
		{RuleMixed12, v.Length >= 12 && c.lower && c.upper && c.digit && (c.special || c.other)},
		{RuleLong14, v.Length >= 14 && c.lower && c.upper && c.digit},
		{RulePassphrase7, words(pw) >= 7},
		{RuleNoGuessable, pw != "" && len(v.Weaknesses) == 0},
	}
}

// words counts the words of a passphrase, separated by spaces or
// punctuation.
func words(pw string) int {
	return len(strings.FieldsFunc(pw, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
	}))
}
