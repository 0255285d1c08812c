package guides

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Kind says where in a guide a search hit is. Results are ranked in this
// order: title hits first, then headings, then summary and tags, then body.
type Kind int

// Kinds of hit, best first.
const (
	KindTitle Kind = iota
	KindHeading
	KindSummary
	KindBody
)

var kindNames = [...]string{"title", "heading", "summary", "body"}

// String returns "title", "heading", "summary" or "body".
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return "unknown"
	}
	return kindNames[k]
}

// kindWeight is how much a word found in each kind of text counts.
var kindWeight = [...]float64{KindTitle: 4, KindHeading: 3, KindSummary: 2.5, KindBody: 1}

// unit is one searchable piece of text: a title, a heading, the summary,
// the tags, or one paragraph or list item of the body.
type unit struct {
	guide   int32
	section int32 // index in Guide.Sections
	kind    Kind
	text    string // original text, as shown in results
	folded  string // kept for titles and headings, matched whole by fuzzy
	offs    []int
}

// posting is one occurrence of a word: its unit and its bytes in unit.text.
type posting struct {
	unit, start, end int32
}

// index is the inverted index of the library, built once by Load.
type index struct {
	units    []unit
	words    []string // sorted vocabulary; a word's id is its position
	postings [][]posting
	byFirst  map[byte][]int32     // word ids by first byte, for typo matching
	whole    []int32              // units matched whole by fuzzy: titles, headings
	raw      map[string][]posting // occurrences by word, until buildVocabulary
}

// token is a word of folded text, with its folded byte range.
type token struct {
	word       string
	start, end int
	// part is set on the pieces of a dashed compound ("e", "cps" of
	// "e-cps"); the compound itself is also a token ("ecps").
	part bool
}

// tokenize splits folded text into words. A dashed compound gives its
// pieces and the joined whole, so "e-CPS" is found by "cps", "ecps" and
// "e-cps".
func tokenize(folded string) []token {
	var out []token
	i := 0
	for i < len(folded) {
		r, size := utf8.DecodeRuneInString(folded[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		start, pieces := i, []token{}
		for {
			end := wordEnd(folded, i)
			pieces = append(pieces, token{word: folded[i:end], start: i, end: end})
			i = end
			if i+1 < len(folded) && folded[i] == '-' && startsWord(folded[i+1:]) {
				i++
				continue
			}
			break
		}
		if len(pieces) == 1 {
			out = append(out, pieces[0])
			continue
		}
		var joined strings.Builder
		for k := range pieces {
			pieces[k].part = true
			joined.WriteString(pieces[k].word)
		}
		out = append(out, pieces...)
		out = append(out, token{word: joined.String(), start: start, end: i})
	}
	return out
}

func wordEnd(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			break
		}
		i += size
	}
	return i
}

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

// buildIndex indexes every title, heading, summary, tag list and paragraph.
func buildIndex(gs []*Guide) *index {
	ix := &index{byFirst: map[byte][]int32{}}
	for gi, g := range gs {
		ix.add(gi, 0, KindTitle, g.Title)
		ix.add(gi, 0, KindSummary, g.Summary)
		ix.add(gi, 0, KindSummary, strings.Join(g.Tags, ", "))
		for si, s := range g.Sections {
			if s.Title != "" {
				ix.add(gi, si, KindHeading, s.Title)
			}
			for _, p := range paragraphs(s.Markdown) {
				ix.add(gi, si, KindBody, p)
			}
		}
	}
	ix.buildVocabulary()
	return ix
}

func (ix *index) add(gi, si int, kind Kind, text string) {
	if text == "" {
		return
	}
	folded, offs := fold(text)
	u := unit{guide: int32(gi), section: int32(si), kind: kind, text: text}
	if kind == KindTitle || kind == KindHeading {
		u.folded, u.offs = folded, offs
		ix.whole = append(ix.whole, int32(len(ix.units)))
	}
	id := int32(len(ix.units))
	ix.units = append(ix.units, u)
	if ix.raw == nil {
		ix.raw = map[string][]posting{}
	}
	for _, t := range tokenize(folded) {
		ix.raw[t.word] = append(ix.raw[t.word], posting{id, int32(offs[t.start]), int32(offs[t.end])})
	}
}

// buildVocabulary sorts the words so that prefixes are a binary search away.
func (ix *index) buildVocabulary() {
	ix.words = make([]string, 0, len(ix.raw))
	for w := range ix.raw {
		ix.words = append(ix.words, w)
	}
	slices.Sort(ix.words)
	ix.postings = make([][]posting, len(ix.words))
	for id, w := range ix.words {
		ix.postings[id] = ix.raw[w]
		ix.byFirst[w[0]] = append(ix.byFirst[w[0]], int32(id))
	}
	ix.raw = nil
}

// wordID returns the id of w in the vocabulary, or -1.
func (ix *index) wordID(w string) int32 {
	if i, ok := slices.BinarySearch(ix.words, w); ok {
		return int32(i)
	}
	return -1
}
