package mail

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"go.mau.fi/util/confusable"
)

// hygieTricks are what attackers type instead of letters and what the
// Unicode confusables table (UTS #39, go.mau.fi/util/confusable) does not
// map to a letter: digits and punctuation standing for letters in domain
// names ("amel1", "paypa!", "micr0soft"), separators dropped so that
// "ameli-fr" and "amelifr" compare alike, and i read as l ("ameIi").
var hygieTricks = map[rune]string{
	'0': "o", '1': "l", '3': "e", '4': "a", '5': "s", '7': "t", '@': "a", '$': "s",
	'i': "l", '|': "l", '!': "l",
	'-': "", '_': "", '.': "",
}

// accents folds the Latin letters with diacritics French mail uses, before
// the confusables table (which keeps "é" as e plus an accent).
var accents = map[rune]rune{
	'à': 'a', 'á': 'a', 'â': 'a', 'ä': 'a', 'ã': 'a', 'å': 'a', 'ç': 'c', 'è': 'e', 'é': 'e',
	'ê': 'e', 'ë': 'e', 'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ñ': 'n', 'ò': 'o', 'ó': 'o',
	'ô': 'o', 'ö': 'o', 'õ': 'o', 'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'ý': 'y', 'ÿ': 'y',
}

// skeleton reduces a domain label to the shape a reader perceives, so that
// "amel1", "аmeli" (Cyrillic а) and "arneli" all become the same string:
// lower case, French accents folded, every character of the full Unicode
// confusables table (UTS #39) replaced by the one it imitates (Cyrillic,
// Greek, Armenian, Cherokee, mathematical and fullwidth letters…),
// Hygie's digit and punctuation tricks on top, combining marks dropped,
// and "rn" read as m, "vv" as w.
func skeleton(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToLower(s) {
		if r >= utf8.RuneSelf {
			if f, ok := accents[r]; ok {
				r = f
			} else if rep := confusable.GetReplacement(r); rep != "" {
				for _, q := range strings.ToLower(rep) {
					writeSkeletonRune(&b, q)
				}
				continue
			}
		}
		writeSkeletonRune(&b, r)
	}
	out := b.String()
	out = strings.ReplaceAll(out, "rn", "m")
	out = strings.ReplaceAll(out, "vv", "w")
	return out
}

// writeSkeletonRune writes r with Hygie's tricks applied, dropping
// combining marks (the stroke of "ø" once the table made it o and a mark).
func writeSkeletonRune(b *strings.Builder, r rune) {
	if rep, ok := hygieTricks[r]; ok {
		b.WriteString(rep)
		return
	}
	if f, ok := accents[r]; ok {
		r = f
	}
	if r >= utf8.RuneSelf && unicode.Is(unicode.Mn, r) {
		return
	}
	b.WriteRune(r)
}

// withinDistance reports whether the edit distance between a and b is at
// most k and above zero. Lengths differing by more than k exit early.
func withinDistance(a, b string, k int) bool {
	// Most pairs differ in length by more than k: tell without allocating.
	if abs(utf8.RuneCountInString(a)-utf8.RuneCountInString(b)) > k || a == b {
		return false
	}
	ra, rb := []rune(a), []rune(b)
	var buf [2 * 64]int
	var prev, cur []int
	if len(rb)+1 <= 64 {
		prev, cur = buf[:len(rb)+1], buf[64:64+len(rb)+1]
	} else {
		prev, cur = make([]int, len(rb)+1), make([]int, len(rb)+1)
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > k {
			return false
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)] <= k
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
