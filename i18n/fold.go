package i18n

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s in the form Hygie compares words in, for the guides'
// search, the mail wording and the password lists alike: lower-case,
// without accents or other combining marks, ligatures spelled out (œ → oe,
// ß → ss), typographic apostrophes, quotes and dashes made ASCII,
// invisible formatting characters (zero-width spaces, soft hyphens)
// dropped, and every control or space character, no-break ones included,
// turned into one ASCII space. Invalid UTF-8 bytes become spaces too.
// Runs of spaces are kept as they are: callers that want them collapsed
// do it themselves.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		foldRune(&b, r, s[i:])
	}
	return b.String()
}

// FoldOffsets is Fold that also maps every byte of the result back to the
// byte of s it came from, with one extra entry, len(s), so that a match
// found in the folded text can be highlighted in the original one.
func FoldOffsets(s string) (folded string, offs []int) {
	var b strings.Builder
	b.Grow(len(s))
	offs = make([]int, 0, len(s)+1)
	for i, r := range s {
		start := b.Len()
		foldRune(&b, r, s[i:])
		for range b.Len() - start {
			offs = append(offs, i)
		}
	}
	offs = append(offs, len(s))
	return b.String(), offs
}

// Unaccent removes accents and other combining marks and changes nothing
// else, case included, for text whose case counts (a password's strength).
func Unaccent(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// foldRune writes the folded form of r, found at the head of rest.
func foldRune(b *strings.Builder, r rune, rest string) {
	switch {
	case r < utf8.RuneSelf:
		c := byte(r)
		if c < ' ' || c == 0x7f {
			c = ' '
		} else if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
		return
	case r == utf8.RuneError && !strings.HasPrefix(rest, "\xef\xbf\xbd"):
		b.WriteByte(' ') // an invalid byte, not a real U+FFFD
		return
	}
	if s, ok := special[r]; ok {
		b.WriteString(s)
		return
	}
	switch {
	case unicode.Is(unicode.Cf, r):
		return // invisible: written inside words to defeat filters
	case unicode.IsControl(r) || unicode.IsSpace(r):
		b.WriteByte(' ')
		return
	}
	for _, d := range norm.NFD.String(string(r)) {
		switch d = unicode.ToLower(d); {
		case unicode.Is(unicode.Mn, d):
		case special[d] != "":
			b.WriteString(special[d]) // ´ from a Greek accent, say
		default:
			b.WriteRune(d)
		}
	}
}

// special spells out what decomposition leaves alone.
var special = map[rune]string{
	'œ': "oe", 'Œ': "oe", 'æ': "ae", 'Æ': "ae", 'ß': "ss",
	'’': "'", 'ʼ': "'", '‘': "'", '´': "'", '«': "\"", '»': "\"",
	'–': "-", '—': "-", '‑': "-",
}
