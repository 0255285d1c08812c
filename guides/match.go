package guides

import (
	"strings"

	"github.com/sahilm/fuzzy"
)

// candidate is a vocabulary word a query term may stand for, and how
// sure we are: 1 for the word itself, less for a prefix, a synonym or a
// word one typo away.
type candidate struct {
	word    int32
	quality float64
}

// Match qualities, and the caps that keep one vague term from touching
// the whole vocabulary.
const (
	qualityExact    = 1.0
	qualitySynonym  = 0.8
	qualityTypo     = 0.6
	qualityMissing  = 0.5
	maxPrefixWords  = 40
	minTypoLength   = 4
	minMissingLen   = 5
	missingLeeway   = 3
	prefixBase      = 0.7
	prefixLengthFit = 0.25
)

// candidates returns the vocabulary words term may stand for.
func (ix *index) candidates(term string) []candidate {
	var out []candidate
	seen := map[int32]bool{}
	addWord := func(id int32, q float64) {
		if id >= 0 && !seen[id] {
			seen[id] = true
			out = append(out, candidate{id, q})
		}
	}
	addWord(ix.wordID(term), qualityExact)
	for _, syn := range synonyms[term] {
		addWord(ix.wordID(syn), qualitySynonym)
	}
	ix.prefixes(term, addWord)
	if len(term) >= minTypoLength {
		ix.typos(term, addWord)
	}
	return out
}

// prefixes adds the words that start with term: what the user is typing.
func (ix *index) prefixes(term string, add func(int32, float64)) {
	i := int(ix.wordID(term))
	if i < 0 {
		i = lowerBound(ix.words, term)
	}
	for n := 0; i < len(ix.words) && n < maxPrefixWords; i++ {
		w := ix.words[i]
		if !strings.HasPrefix(w, term) {
			break
		}
		if w != term {
			add(int32(i), prefixBase+prefixLengthFit*float64(len(term))/float64(len(w)))
			n++
		}
	}
}

// typos adds the words one slip away from term (a wrong, missing, extra
// or swapped letter) and, through fuzzy subsequence matching, the words
// term spells with a few letters left out ("sauvgrde"). Only words with
// the same first letter are tried: people rarely miss the first one, and
// it keeps the search fast.
func (ix *index) typos(term string, add func(int32, float64)) {
	bucket := ix.byFirst[term[0]]
	for _, id := range bucket {
		if oneEditApart(term, ix.words[id]) {
			add(id, qualityTypo)
		}
	}
	if len(term) < minMissingLen {
		return
	}
	for _, m := range fuzzy.FindFromNoSort(term, wordSource{ix, bucket}) {
		w := ix.words[bucket[m.Index]]
		if m.MatchedIndexes[0] == 0 && len(w) <= len(term)+missingLeeway {
			add(bucket[m.Index], qualityMissing)
		}
	}
}

// wordSource lets fuzzy match against a bucket of the vocabulary.
type wordSource struct {
	ix  *index
	ids []int32
}

func (s wordSource) String(i int) string { return s.ix.words[s.ids[i]] }
func (s wordSource) Len() int            { return len(s.ids) }

func lowerBound(words []string, w string) int {
	lo, hi := 0, len(words)
	for lo < hi {
		mid := (lo + hi) / 2
		if words[mid] < w {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// oneEditApart reports whether a and b differ by exactly one substituted,
// inserted, deleted or swapped adjacent byte. Folded words are almost all
// ASCII, so bytes stand for letters.
func oneEditApart(a, b string) bool {
	if a == b {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	switch len(b) - len(a) {
	case 0:
		return sameLengthSlip(a, b)
	case 1:
		i := commonPrefix(a, b)
		return a[i:] == b[i+1:]
	}
	return false
}

func sameLengthSlip(a, b string) bool {
	i := commonPrefix(a, b)
	if a[i+1:] == b[i+1:] {
		return true // one substitution
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

func commonPrefix(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}
