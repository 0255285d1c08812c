package mail

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sync"
)

//go:embed data/wording.json
var wordingJSON []byte

// family is a group of phrases that together make one finding.
type family struct {
	ID string `json:"id"`
	// Rule is the rule id the family reports under; empty means ID.
	Rule     string   `json:"rule"`
	Min      int      `json:"min"`
	Required []string `json:"required"`
	Phrases  []string `json:"phrases"`
	// Signal is true for a family that fires no rule by itself: other
	// checks read it (a payment request, a remote-access tool).
	Signal bool `json:"signal"`
}

// families are the wording families of data/wording.json, folded. Like
// the other tables of the engine, they are built on the first analysis,
// not when Hygie starts (docs/performance.md).
var families = sync.OnceValue(func() []family { return mustLoadFamilies(wordingJSON) })

// wordLists are the plain lists of data/wording.json that single checks
// look through. They are written as the text they meet is: lower-case and
// accent-folded (a test keeps them so), and are read as they are.
type wordLists struct {
	Health      []string `json:"health_words"`           // in a subject or file name: health data
	NotHealth   []string `json:"not_health"`             // subjects where those words mean something else
	Billing     []string `json:"billing_words"`          // a charge, an order, a subscription
	Greetings   []string `json:"generic_greetings"`      // impersonal salutations
	Actions     []string `json:"action_words"`           // a link's text asking to act on an account
	Security    []string `json:"account_security_words"` // an account's security, read where a QR code is to scan
	LureAffixes []string `json:"lure_affixes"`           // glued to a brand in phishing domains
}

var words = sync.OnceValue(func() wordLists { return mustLoadWords(wordingJSON) })

func mustLoadWords(b []byte) wordLists {
	var w wordLists
	if err := json.Unmarshal(b, &w); err != nil {
		panic("mail: data/wording.json: " + err.Error())
	}
	return w
}

// phrases indexes every family's phrases for one-pass matching.
var phrases = sync.OnceValue(func() *phraseIndex { return newPhraseIndex(families()) })

// lexicons holds, per language and then per family id, the lure phrases
// of the European languages other than French and English
// (data/wording.json "lexicons"). They join the family of the same id, so
// a German « konto gesperrt » weighs what « compte bloqué » weighs: no rule
// and no weight of their own.
type lexicons map[string]map[string][]string

// addTo appends each language's phrases to their family, languages in name
// order so that evidence comes out in the same order on every run.
func (lx lexicons) addTo(fams []family) error {
	for lang, lists := range lx {
		for id := range lists {
			if !slices.ContainsFunc(fams, func(f family) bool { return f.ID == id }) {
				return fmt.Errorf("lexicon %s: no family %q", lang, id)
			}
		}
	}
	for _, lang := range slices.Sorted(maps.Keys(lx)) {
		for i := range fams {
			fams[i].Phrases = append(fams[i].Phrases, lx[lang][fams[i].ID]...)
		}
	}
	return nil
}

func mustLoadFamilies(b []byte) []family {
	var f struct {
		Families []family `json:"families"`
		Lexicons lexicons `json:"lexicons"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		panic("mail: data/wording.json: " + err.Error())
	}
	if err := f.Lexicons.addTo(f.Families); err != nil {
		panic("mail: data/wording.json: " + err.Error())
	}
	for i := range f.Families {
		f.Families[i].Phrases = foldUnique(f.Families[i].Phrases)
		for j, p := range f.Families[i].Required {
			f.Families[i].Required[j] = fold(p, len(p)+1)
		}
	}
	return f.Families
}

// foldUnique folds phrases and drops repeats, which would count twice.
func foldUnique(list []string) []string {
	out := make([]string, 0, len(list))
	for _, p := range list {
		if p = fold(p, len(p)+1); !contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// rule returns the id of the rule the family fires.
func (f *family) rule() string {
	if f.Rule != "" {
		return f.Rule
	}
	return f.ID
}

// fired returns the family's phrases marked in hit, or nil when the family
// does not fire.
func (f *family) fired(hit []bool) []string {
	var out []string
	for i, h := range hit {
		if h {
			out = append(out, f.Phrases[i])
		}
	}
	if len(out) < max(f.Min, 1) || !f.requiredHit(out) {
		return nil
	}
	return out
}

func (f *family) requiredHit(hits []string) bool {
	if len(f.Required) == 0 {
		return true
	}
	for _, h := range hits {
		for _, r := range f.Required {
			if h == r {
				return true
			}
		}
	}
	return false
}
