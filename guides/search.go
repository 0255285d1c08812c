package guides

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// Result is one guide found by Search, pointing at its best-matching text.
type Result struct {
	Guide *Guide
	// Section is the anchor of the section the hit is in; "" means the top
	// of the guide (title, summary or introduction).
	Section string
	Kind    Kind
	// Text is the title, heading or paragraph that matched, as written in
	// the guide (accents included).
	Text string
	// Matches are the byte offsets in Text of the matched characters, in
	// increasing order, for highlighting. See Spans.
	Matches []int
	Score   float64
}

// Limits that keep any query fast, however long or strange.
const (
	maxQueryBytes = 200
	maxTerms      = 8
	maxWholeRunes = 64
)

// Search finds the guides matching query, best first, one result per
// guide. It ignores case and accents, tolerates typos and missing letters,
// and ranks hits in titles above headings, headings above summaries and
// summaries above body text. An empty query, or one of a single
// character (the first key typed), lists every guide. It is safe for
// concurrent use.
func (l *Library) Search(query string) []Result {
	q := cleanQuery(query)
	if utf8.RuneCountInString(q) < 2 {
		return l.everything()
	}
	terms := queryTerms(q)
	s := newSearch(l, l.index(), len(terms))
	for ti, t := range terms {
		s.matchTerm(ti, t)
	}
	s.matchWhole(q)
	return s.results()
}

// cleanQuery makes any input safe and short: valid UTF-8, folded, at most
// maxQueryBytes long, spaces collapsed.
func cleanQuery(query string) string {
	if len(query) > maxQueryBytes*2 {
		query = query[:maxQueryBytes*2]
	}
	q, _ := fold(strings.ToValidUTF8(query, " "))
	if len(q) > maxQueryBytes {
		cut := maxQueryBytes
		for cut > 0 && !utf8.RuneStart(q[cut]) {
			cut--
		}
		q = q[:cut]
	}
	return strings.Join(strings.Fields(q), " ")
}

// queryTerms keeps the words worth looking up: no stopwords (unless
// nothing else is left), no single letters, no duplicates, at most
// maxTerms. Dashed compounds count as one word.
func queryTerms(q string) []string {
	var all, kept []string
	for _, t := range tokenize(q) {
		if t.part || utf8.RuneCountInString(t.word) < 2 || slices.Contains(all, t.word) {
			continue
		}
		all = append(all, t.word)
		if !stopwords[t.word] {
			kept = append(kept, t.word)
		}
	}
	if len(kept) == 0 {
		kept = all
	}
	if len(kept) > maxTerms {
		kept = kept[:maxTerms]
	}
	return kept
}

// unitHit accumulates what matched in one unit.
type unitHit struct {
	quality []float64 // best quality per term
	spans   [][2]int32
	whole   []int // matched byte offsets from whole-query fuzzy
}

type search struct {
	lib   *Library
	ix    *index
	n     int
	units map[int32]*unitHit
}

func newSearch(l *Library, ix *index, terms int) *search {
	return &search{lib: l, ix: ix, n: terms, units: map[int32]*unitHit{}}
}

func (s *search) hit(u int32) *unitHit {
	h := s.units[u]
	if h == nil {
		h = &unitHit{quality: make([]float64, s.n)}
		s.units[u] = h
	}
	return h
}

func (s *search) matchTerm(ti int, term string) {
	ix := s.ix
	for _, c := range ix.candidates(term) {
		for _, p := range ix.postings[c.word] {
			h := s.hit(p.unit)
			h.quality[ti] = max(h.quality[ti], c.quality)
			h.spans = append(h.spans, [2]int32{p.start, p.end})
		}
	}
}

// matchWhole runs the whole query through fuzzy against titles and
// headings, so "mots de pa" or "3-2-1" find their heading even when a
// word is cut or too short to look up. Only compact matches count.
func (s *search) matchWhole(q string) {
	if utf8.RuneCountInString(q) > maxWholeRunes || len(q) < 2 {
		return
	}
	ix := s.ix
	for _, m := range fuzzy.FindFromNoSort(q, wholeSource{ix}) {
		u := ix.whole[m.Index]
		if !compact(m.MatchedIndexes, ix.units[u].folded, strings.Count(q, " ")+1) {
			continue
		}
		offs := ix.units[u].offs
		h := s.hit(u)
		h.whole = h.whole[:0]
		for _, i := range m.MatchedIndexes {
			h.whole = append(h.whole, offs[i])
		}
	}
}

type wholeSource struct{ ix *index }

func (s wholeSource) String(i int) string { return s.ix.units[s.ix.whole[i]].folded }
func (s wholeSource) Len() int            { return len(s.ix.whole) }

// compact accepts a fuzzy match whose letters form at most one run per
// query word, plus one for a slip when the query is long enough to have
// one, and whose first run starts a word, so letters scattered across a
// title don't count.
func compact(idx []int, text string, words int) bool {
	slack := 0
	if len(idx) >= minMissingLen {
		slack = 1
	}
	runs := 0
	for k, i := range idx {
		if k > 0 && i == idx[k-1]+1 {
			continue
		}
		runs++
		if k == 0 && i > 0 && isWordByte(text[i-1]) {
			return false
		}
	}
	return runs <= words+slack
}

func isWordByte(c byte) bool {
	return c >= utf8.RuneSelf || ('a' <= c && c <= 'z') || ('0' <= c && c <= '9')
}

// guideHit is the best of one guide's unit hits.
type guideHit struct {
	best    []float64 // per term, best quality × kind weight
	unit    int32
	covered int
	whole   bool
	rank    unitRank
}

// unitRank orders a guide's hits to pick the one shown: the unit that
// covers the most query words, then the better kind, then the better
// matches.
type unitRank struct {
	covered int
	kind    Kind
	quality float64
}

func (a unitRank) better(b unitRank) bool {
	if a.covered != b.covered {
		return a.covered > b.covered
	}
	if a.kind != b.kind {
		return a.kind < b.kind
	}
	return a.quality > b.quality
}

// ranked is a result with what it is sorted by.
type ranked struct {
	Result
	covered, unitCovered int
}

func (s *search) results() []Result {
	guides := s.perGuide()
	idf := s.idf(guides)
	var rs []ranked
	for gi, g := range guides {
		if g == nil {
			continue
		}
		if c := g.coverage(s.n); c >= needed(s.n) && c > 0 {
			rs = append(rs, ranked{s.result(gi, g, idf), c, g.rank.covered})
		}
	}
	slices.SortStableFunc(rs, compareRanked)
	out := make([]Result, len(rs))
	for i, r := range rs {
		out[i] = r.Result
	}
	return out
}

// compareRanked puts first the guides matching more of the query, then
// those whose best hit covers more of it, then title hits before headings
// before summaries before body text, then the higher score.
func compareRanked(a, b ranked) int {
	switch {
	case a.covered != b.covered:
		return b.covered - a.covered
	case a.unitCovered != b.unitCovered:
		return b.unitCovered - a.unitCovered
	case a.Kind != b.Kind:
		return int(a.Kind) - int(b.Kind)
	case a.Score > b.Score:
		return -1
	case a.Score < b.Score:
		return 1
	}
	return strings.Compare(a.Guide.ID, b.Guide.ID)
}

func (s *search) perGuide() []*guideHit {
	guides := make([]*guideHit, len(s.lib.guides))
	for u, h := range s.units {
		un := s.ix.units[u]
		g := guides[un.guide]
		if g == nil {
			g = &guideHit{best: make([]float64, s.n), unit: -1}
			guides[un.guide] = g
		}
		r := unitRank{kind: un.kind}
		for ti, q := range h.quality {
			if q > 0 {
				r.covered++
				r.quality += q
				g.best[ti] = max(g.best[ti], q*kindWeight[un.kind])
			}
		}
		if h.whole != nil {
			r.covered, r.quality = max(s.n, 1), r.quality+1
			g.whole = true
		}
		if g.unit < 0 || r.better(g.rank) || (!g.rank.better(r) && u < g.unit) {
			g.unit, g.rank = u, r
		}
	}
	return guides
}

// coverage is how many query words the guide matched anywhere.
func (g *guideHit) coverage(n int) int {
	if g.whole {
		return n
	}
	c := 0
	for _, b := range g.best {
		if b > 0 {
			c++
		}
	}
	return c
}

// needed is how many of n query words a guide must match: all of one or
// two, and all but a third of longer questions, whose extra words often
// are not in any guide.
func needed(n int) int {
	return n - n/3
}

// idf weighs each query word by how rare it is across the library.
func (s *search) idf(guides []*guideHit) []float64 {
	out := make([]float64, s.n)
	for ti := range out {
		df := 0
		for _, g := range guides {
			if g != nil && g.best[ti] > 0 {
				df++
			}
		}
		if df > 0 {
			out[ti] = math.Log(1 + float64(len(s.lib.guides))/float64(df))
		}
	}
	return out
}

func (s *search) result(gi int, g *guideHit, idf []float64) Result {
	un := s.ix.units[g.unit]
	guide := s.lib.guides[gi]
	score := 0.0
	for ti, b := range g.best {
		score += idf[ti] * b
	}
	score += 2 * float64(g.rank.covered) / float64(max(s.n, 1))
	if g.whole {
		score += 2
	}
	return Result{
		Guide:   guide,
		Section: guide.Sections[un.section].Anchor,
		Kind:    un.kind,
		Text:    un.text,
		Matches: positions(un.text, s.units[g.unit]),
		Score:   math.Round(score*100) / 100,
	}
}

// positions lists the byte offsets of every matched character of text.
func positions(text string, h *unitHit) []int {
	var out []int
	for _, sp := range h.spans {
		for i := int(sp[0]); i < int(sp[1]) && i < len(text); {
			out = append(out, i)
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
		}
	}
	out = append(out, h.whole...)
	slices.Sort(out)
	return slices.Compact(out)
}
