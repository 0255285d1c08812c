package guides

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fold returns s in the form search compares: lowercase, without accents or
// other combining marks, with ligatures spelled out, typographic apostrophes
// and spaces made plain and control characters turned into spaces. Invalid
// UTF-8 bytes become spaces too.
//
// offs maps every byte of the result back to the byte of s it came from,
// with one extra entry, len(s), so that a match found in the folded text
// can be highlighted in the original, accented text.
func fold(s string) (folded string, offs []int) {
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
	if unicode.IsControl(r) || unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
		b.WriteByte(' ')
		return
	}
	for _, d := range norm.NFD.String(string(r)) {
		if unicode.Is(unicode.Mn, d) {
			continue
		}
		b.WriteRune(unicode.ToLower(d))
	}
}

// special spells out what decomposition leaves alone.
var special = map[rune]string{
	'œ': "oe", 'Œ': "oe", 'æ': "ae", 'Æ': "ae", 'ß': "ss",
	'’': "'", 'ʼ': "'", '‘': "'", '«': "\"", '»': "\"",
	'–': "-", '—': "-", '‑': "-",
}

// isWordRune reports whether r belongs to a word once folded.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
