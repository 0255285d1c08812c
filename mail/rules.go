package mail

import (
	_ "embed"
	"encoding/json"
	"sort"
	"strings"
	"sync"

	"hygie/i18n"
)

//go:embed data/rules.json
var rulesJSON []byte

// Rule is one entry of the rule catalogue: what it weighs and how it is
// explained, in French and English.
type Rule struct {
	ID     string `json:"id"`
	Weight int    `json:"weight"`
	// Floor is the least verdict a message gets when the rule fires, for
	// facts no reassurance can offset (an executable, an MSSanté
	// imitation) or that always deserve a look (health data outside
	// MSSanté). Empty means no floor.
	Floor Verdict `json:"floor,omitempty"`
	// Clue marks a weak sign that honest mail shows every day (a
	// newsletter's search form, its subscription link in plain http, a
	// bounce address at its mailing service, a cut attachment): it adds its
	// weight to the score, so that it tips a message that shows other
	// signs, but alone it is no warning and never makes a message « à
	// vérifier ». Its severity is info.
	Clue        bool      `json:"clue,omitempty"`
	Title       i18n.Text `json:"title"`
	Explanation i18n.Text `json:"explanation"`
}

// catalogue is data/rules.json by rule id, read on the first use.
var catalogue = sync.OnceValue(func() map[string]*Rule { return mustLoadRules(rulesJSON) })

func mustLoadRules(b []byte) map[string]*Rule {
	var f struct {
		Rules []*Rule `json:"rules"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		panic("mail: data/rules.json: " + err.Error())
	}
	m := make(map[string]*Rule, len(f.Rules))
	for _, r := range f.Rules {
		m[r.ID] = r
	}
	return m
}

// Rules returns the catalogue sorted by decreasing weight, for the
// documentation and the UI's "what is checked" page.
func Rules() []Rule {
	out := make([]Rule, 0, len(catalogue()))
	for _, r := range catalogue() {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Weight != out[j].Weight {
			return out[i].Weight > out[j].Weight
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// severity names how much a finding of rule r weighs: a clue informs and
// does not warn.
func severity(r *Rule) string {
	switch weight := r.Weight; {
	case weight <= 0 || r.Clue:
		return "info"
	case weight < 20:
		return "low"
	case weight < 45:
		return "medium"
	}
	return "high"
}

// verdictRank orders verdicts from harmless to harmful.
var verdictRank = map[Verdict]int{Safe: 0, Caution: 1, Suspicious: 2, Dangerous: 3}

// worse returns the more harmful of two verdicts.
func worse(a, b Verdict) Verdict {
	if verdictRank[b] > verdictRank[a] {
		return b
	}
	return a
}

// floor returns the least verdict the findings impose.
func (f *findings) floor() Verdict {
	v := Safe
	for _, fd := range f.list {
		if fl := catalogue()[fd.ID].Floor; fl != "" {
			v = worse(v, fl)
		}
	}
	return v
}

// maxEvidence caps the evidence items kept per finding.
const maxEvidence = 5

// findings collects the rules that fired, one Finding per rule id.
type findings struct {
	lang string
	list []Finding
	ev   map[string][]string
}

// add records that rule id fired with the given evidence. A rule that fires
// again only adds evidence: weights are counted once per rule.
func (f *findings) add(id string, evidence ...string) {
	if f.ev == nil {
		f.ev = map[string][]string{}
	}
	if _, seen := f.ev[id]; !seen {
		r, ok := catalogue()[id]
		if !ok {
			panic("mail: unknown rule " + id)
		}
		f.list = append(f.list, Finding{ID: id, Severity: severity(r), Weight: r.Weight, Title: r.Title.In(f.lang), Explanation: r.Explanation.In(f.lang)})
		f.ev[id] = []string{}
	}
	for _, e := range evidence {
		if e != "" && len(f.ev[id]) < maxEvidence && !contains(f.ev[id], e) {
			f.ev[id] = append(f.ev[id], e)
		}
	}
}

// Localized returns f with the title and explanation of its rule in lang
// (i18n.Lang: English or French), as the catalogue has them now: an
// analysis stored in one language, or by an older version, reads in the
// language on screen. A finding whose rule is no longer in the catalogue
// keeps the text it was stored with.
func (f Finding) Localized(lang string) Finding {
	if r, ok := catalogue()[f.ID]; ok {
		f.Title, f.Explanation = r.Title.In(lang), r.Explanation.In(lang)
	}
	return f
}

func (f *findings) has(id string) bool {
	_, ok := f.ev[id]
	return ok
}

// sorted returns the findings by decreasing weight, with their evidence.
func (f *findings) sorted() []Finding {
	out := make([]Finding, len(f.list))
	for i, fd := range f.list {
		fd.Evidence = strings.Join(f.ev[fd.ID], "; ")
		out[i] = fd
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Weight > out[j].Weight })
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
