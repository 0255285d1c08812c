package mail

import "strings"

// confusables maps characters that look like Latin letters or that attackers
// substitute for them (a small, curated subset of Unicode UTS #39 plus digit
// tricks) to the letter they imitate.
var confusables = map[rune]string{
	// Cyrillic
	'а': "a", 'в': "b", 'е': "e", 'ё': "e", 'к': "k", 'м': "m", 'н': "h", 'о': "o", 'р': "p",
	'с': "c", 'т': "t", 'у': "y", 'х': "x", 'ѕ': "s", 'і': "l", 'ї': "l", 'ј': "j", 'ԁ': "d",
	'ԛ': "q", 'ԝ': "w", 'һ': "h", 'ӏ': "l", 'ɡ': "g", 'ո': "n", 'ս': "u",
	// Greek
	'α': "a", 'β': "b", 'ε': "e", 'ι': "l", 'κ': "k", 'ν': "v", 'ο': "o", 'ρ': "p", 'τ': "t",
	'υ': "u", 'χ': "x", 'ω': "w",
	// Latin lookalikes and digits
	'ı': "l", 'ł': "l", 'ƅ': "b", 'ß': "ss", 'æ': "ae", 'œ': "oe",
	'0': "o", '1': "l", '3': "e", '4': "a", '5': "s", '7': "t", '@': "a", '$': "s",
	'i': "l", '|': "l", '!': "l",
	'-': "", '_': "", '.': "",
}

// accents folds the Latin letters with diacritics French mail uses.
var accents = map[rune]rune{
	'à': 'a', 'á': 'a', 'â': 'a', 'ä': 'a', 'ã': 'a', 'å': 'a', 'ç': 'c', 'è': 'e', 'é': 'e',
	'ê': 'e', 'ë': 'e', 'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ñ': 'n', 'ò': 'o', 'ó': 'o',
	'ô': 'o', 'ö': 'o', 'õ': 'o', 'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'ý': 'y', 'ÿ': 'y',
}

// skeleton reduces a domain label to the shape a reader perceives, so that
// "amel1", "аmeli" (Cyrillic а) and "arneli" all become the same string.
func skeleton(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if f, ok := accents[r]; ok {
			r = f
		}
		if rep, ok := confusables[r]; ok {
			b.WriteString(rep)
			continue
		}
		if r >= 0xFF01 && r <= 0xFF5E { // fullwidth ASCII
			r -= 0xFEE0
		}
		b.WriteRune(r)
	}
	out := b.String()
	out = strings.ReplaceAll(out, "rn", "m")
	out = strings.ReplaceAll(out, "vv", "w")
	return out
}

// withinDistance reports whether the edit distance between a and b is at
// most k and above zero. Lengths differing by more than k exit early.
func withinDistance(a, b string, k int) bool {
	ra, rb := []rune(a), []rune(b)
	if abs(len(ra)-len(rb)) > k || a == b {
		return false
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
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
