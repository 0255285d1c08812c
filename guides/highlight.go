package guides

import (
	"strings"
	"unicode/utf8"
)

// Span is a run of text [Start, End) in bytes, highlighted when Match is set.
type Span struct {
	Start, End int
	Match      bool
}

// Spans cuts text into alternating plain and matched runs from the byte
// offsets of matched characters (Result.Matches), for drawing highlights.
// Offsets out of range or not at a character boundary are ignored.
func Spans(text string, matches []int) []Span {
	var out []Span
	add := func(start, end int, match bool) {
		if start >= end {
			return
		}
		if n := len(out); n > 0 && out[n-1].Match == match && out[n-1].End == start {
			out[n-1].End = end
			return
		}
		out = append(out, Span{start, end, match})
	}
	pos := 0
	for _, m := range matches {
		if m < pos || m >= len(text) || !utf8.RuneStart(text[m]) {
			continue
		}
		_, size := utf8.DecodeRuneInString(text[m:])
		add(pos, m, false)
		add(m, m+size, true)
		pos = m + size
	}
	add(pos, len(text), false)
	return out
}

// Snippet shortens text to about maxRunes characters around its first
// match, adding "…" where it cuts, and shifts matches to the new text.
func Snippet(text string, matches []int, maxRunes int) (string, []int) {
	if utf8.RuneCountInString(text) <= maxRunes {
		return text, matches
	}
	first := 0
	if len(matches) > 0 && matches[0] < len(text) {
		first = matches[0]
	}
	start := backRunes(text, first, maxRunes/4)
	start = min(wordStart(text, start), first)
	end := forwardRunes(text, start, maxRunes)
	var b strings.Builder
	shift := 0
	if start > 0 {
		b.WriteString("…")
		shift = len("…") - start
	}
	b.WriteString(strings.TrimRight(text[start:end], " "))
	if end < len(text) {
		b.WriteString("…")
	}
	var kept []int
	for _, m := range matches {
		if m >= start && m < end {
			kept = append(kept, m+shift)
		}
	}
	return b.String(), kept
}

func backRunes(s string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return i
}

func forwardRunes(s string, i, n int) int {
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// wordStart moves i forward to the start of the next word, unless i is
// already at one, so a snippet doesn't open on half a word.
func wordStart(s string, i int) int {
	if i == 0 {
		return 0
	}
	if sp := strings.IndexByte(s[i:], ' '); sp >= 0 && sp < 20 {
		return i + sp + 1
	}
	return i
}
