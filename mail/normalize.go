package mail

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"hygie/i18n"
)

// fold is i18n.Fold (lower-case, accents and ligatures folded,
// typographic apostrophes and dashes made plain, invisible characters
// dropped) with every run of white space made one ASCII space and none
// leading, so wording matches however the message was typed or
// obfuscated. At most max bytes of s are read.
func fold(s string, max int) string {
	if len(s) > max {
		s = s[:max]
	}
	f := i18n.Fold(s)
	var b strings.Builder
	b.Grow(len(f))
	space := true
	for i := 0; i < len(f); i++ {
		if f[i] == ' ' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteByte(f[i])
	}
	return b.String()
}

// isInvisible reports zero-width and formatting characters that spammers
// insert inside words to defeat filters.
func isInvisible(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u034f', '\u180e':
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// invisibleCount counts invisible formatting characters in s.
func invisibleCount(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x80 && isInvisible(r) {
			n++
		}
	}
	return n
}

// styledCount counts characters that only imitate letters: mathematical
// bold or script letters (𝐅𝐑𝐄𝐄), the combining grapheme joiner slipped
// between letters, and enclosed or fullwidth letters. Senders use them
// to write words that filters cannot read.
func styledCount(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r >= 0x1D400 && r <= 0x1D7FF, r == 0x034F, r >= 0x1D00 && r <= 0x1D2B, r == 0xA731, r == 0x0299, r == 0x0280, r >= 0x24B6 && r <= 0x24E9, r >= 0xE0000 && r <= 0xE01EF,
			r >= 0xFF21 && r <= 0xFF5A, r >= 0x1F130 && r <= 0x1F189:
			n++
		}
	}
	return n
}

// containsPhrase reports whether folded text holds phrase as whole words.
// A phrase ending in '*' matches any word starting with it.
func containsPhrase(text, phrase string) bool {
	prefix := strings.HasSuffix(phrase, "*")
	phrase = strings.TrimSuffix(phrase, "*")
	for off := 0; ; {
		i := strings.Index(text[off:], phrase)
		if i < 0 {
			return false
		}
		start := off + i
		end := start + len(phrase)
		if boundaryBefore(text, start) && (prefix || boundaryAfter(text, end)) {
			return true
		}
		off = start + 1
	}
}

func boundaryBefore(text string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return !isWordRune(r)
}

// boundaryAfter reports a word end at i; an apostrophe followed by a
// letter continues the word ("won't" is not "won").
func boundaryAfter(text string, i int) bool {
	if i >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	if r == '\'' && i+1 < len(text) {
		next, _ := utf8.DecodeRuneInString(text[i+1:])
		return !unicode.IsLetter(next)
	}
	return !isWordRune(r)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
