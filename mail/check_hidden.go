package mail

import (
	"strconv"
	"strings"
	"unicode"
)

// minHiddenSalad is how many distinct hidden words, absent from the
// visible text, make hidden filler: a preview line is a sentence or two.
const minHiddenSalad = 20

// checkHiddenSalad flags invisible text that is not a copy of the visible
// message. Newsletters hide a preview line or a duplicate block for
// phones, whose words are also shown; paragraphs of other words that the
// reader never sees are there to make a filter read a harmless message.
func checkHiddenSalad(a *analysis) {
	if a.m.HiddenWords == "" {
		return
	}
	hidden := wordSet(a.m.HiddenWords)
	if len(hidden) < minHiddenSalad {
		return
	}
	visible := wordSet(a.m.Subject + " " + a.m.Text + " " + a.m.HTMLText)
	var unseen []string
	for w := range hidden {
		if !visible[w] {
			unseen = append(unseen, w)
		}
	}
	if len(unseen) >= minHiddenSalad && 2*len(unseen) >= len(hidden) {
		a.add("hidden_text", strconv.Itoa(len(unseen))+" hidden words not shown, e.g. « "+strings.Join(firstN(unseen, 6), " ")+" »")
	}
}

// wordSet returns the distinct folded words of three letters or more.
func wordSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.FieldsFunc(fold(s, maxHTMLTextBytes), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) >= 3 {
			set[w] = true
		}
	}
	return set
}

func firstN(s []string, n int) []string {
	if len(s) > n {
		s = s[:n]
	}
	return s
}
