package mail

import (
	"strconv"
	"strings"
	"unicode"
)

// minHiddenSalad is how many distinct hidden words, absent from the
// visible text, make hidden filler: a preview line is a sentence or two.
const minHiddenSalad = 20

// checkHidden flags text or links hidden from the reader. Newsletters
// hide a line of preview text and duplicate blocks for phones, whose words
// and links are also visible; paragraphs of other words, or hidden links
// to sites the visible message never links to, are there to fool filters.
func checkHidden(a *analysis) {
	hidden, unseen := hiddenWords(a)
	copied := len(hidden) >= minHiddenSalad && 2*len(unseen) < len(hidden)
	switch foreign := foreignHiddenLinks(a); {
	case foreign > 0:
		a.add("hidden_content", strconv.Itoa(foreign)+" hidden link(s) to sites not shown")
	case a.m.HiddenText > 1000 && !copied:
		a.add("hidden_content", strconv.Itoa(a.m.HiddenText)+" hidden characters")
	}
	if len(unseen) >= minHiddenSalad && !copied {
		a.add("hidden_text", strconv.Itoa(len(unseen))+" hidden words not shown, e.g. « "+strings.Join(firstN(unseen, 6), " ")+" »")
	}
}

// hiddenWords returns the distinct words of the invisible text and those
// of them the visible message (subject and body) never shows.
func hiddenWords(a *analysis) (hidden map[string]bool, unseen []string) {
	if a.m.HiddenWords == "" {
		return nil, nil
	}
	hidden = wordSet(a.m.HiddenWords)
	if len(hidden) < minHiddenSalad {
		return hidden, nil
	}
	visible := wordSet(a.m.Subject + " " + a.m.seenText())
	for w := range hidden {
		if !visible[w] {
			unseen = append(unseen, w)
		}
	}
	return hidden, unseen
}

// foreignHiddenLinks counts hidden links to registered domains that no
// visible link leads to.
func foreignHiddenLinks(a *analysis) int {
	visible := map[string]bool{}
	for _, l := range a.m.Links {
		if !l.Hidden && l.Host != "" {
			visible[a.host(l.Host).reg] = true
		}
	}
	foreign := 0
	for _, l := range a.m.Links {
		if l.Hidden && l.Host != "" && !visible[a.host(l.Host).reg] {
			foreign++
		}
	}
	return foreign
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
