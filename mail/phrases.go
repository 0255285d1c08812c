package mail

import (
	"strings"
	"unicode/utf8"
)

// tokens splits folded text into words (runs of letters and digits); all
// else separates them. It records, per word, whether "'t" follows it so
// that "you won" does not match "you won't".
func tokens(text string) (words []string, negated []bool) {
	words = make([]string, 0, len(text)/6+1)
	negated = make([]bool, 0, cap(words))
	start := -1
	for i := 0; i <= len(text); {
		r, n := rune(' '), 1
		if i < len(text) {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			words = append(words, text[start:i])
			negated = append(negated, strings.HasPrefix(text[i:], "'t") && !startsWord(text[min(i+2, len(text)):]))
			start = -1
		}
		i += n
	}
	return words, negated
}

// startsWord reports whether s starts with a letter or digit.
func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && isWordRune(r)
}

// phraseRef is one phrase of one wording family, as words.
type phraseRef struct {
	family int
	phrase int
	words  []string
	// prefix is true when the last word only has to start the text word.
	prefix bool
}

// phraseIndex finds every phrase of every family in one pass over the
// words of a message, instead of one search of the text per phrase.
type phraseIndex struct {
	byFirst  map[string][]phraseRef
	prefixed []phraseRef // one-word prefix phrases, checked on every word
}

func newPhraseIndex(fams []family) *phraseIndex {
	ix := &phraseIndex{byFirst: map[string][]phraseRef{}}
	for fi, f := range fams {
		for pi, p := range f.Phrases {
			ref := phraseRef{family: fi, phrase: pi, prefix: strings.HasSuffix(p, "*")}
			ref.words, _ = tokens(strings.TrimSuffix(p, "*"))
			switch {
			case len(ref.words) == 0:
			case ref.prefix && len(ref.words) == 1:
				ix.prefixed = append(ix.prefixed, ref)
			default:
				ix.byFirst[ref.words[0]] = append(ix.byFirst[ref.words[0]], ref)
			}
		}
	}
	return ix
}

// match returns, per family, which of its phrases occur in text.
func (ix *phraseIndex) match(text string, nfam int) [][]bool {
	hits := make([][]bool, nfam)
	words, negated := tokens(text)
	for i, w := range words {
		for _, ref := range ix.byFirst[w] {
			if ref.matchesAt(words, negated, i) {
				mark(hits, ref)
			}
		}
		for _, ref := range ix.prefixed {
			if strings.HasPrefix(w, ref.words[0]) {
				mark(hits, ref)
			}
		}
	}
	return hits
}

func mark(hits [][]bool, ref phraseRef) {
	if hits[ref.family] == nil {
		hits[ref.family] = make([]bool, len(families()[ref.family].Phrases))
	}
	hits[ref.family][ref.phrase] = true
}

// matchesAt reports whether the phrase's words follow from position i.
func (ref phraseRef) matchesAt(words []string, negated []bool, i int) bool {
	n := len(ref.words)
	if i+n > len(words) {
		return false
	}
	for k := 1; k < n; k++ {
		w := words[i+k]
		if k == n-1 && ref.prefix {
			if !strings.HasPrefix(w, ref.words[k]) {
				return false
			}
			continue
		}
		if w != ref.words[k] {
			return false
		}
	}
	return !negated[i+n-1]
}
