// Package diagnostic is the practice self-assessment (« Diagnostic du
// cabinet »): about forty questions in ten themes, kept as embedded JSON,
// answered once in a while, scored per theme, pre-filled from the computer
// probes and turned into an action plan, quick wins first. It is plain Go:
// the window and the command line both use it. See docs/diagnostic.md.
package diagnostic

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"

	"hygie/checks/probe"
	"hygie/i18n"
)

//go:embed data/questions.json
var questionsJSON []byte

// Who usually carries out a measure.
const (
	Practitioner = "practitioner"
	ITProvider   = "it_provider"
)

// Rough effort of a measure, smallest first.
const (
	Minutes = "minutes"
	Hours   = "hours"
	Days    = "days"
)

// Source is a public document a question comes from.
type Source struct {
	Publisher string `json:"publisher"`
	Title     string `json:"title"`
	URL       string `json:"url"`
}

// Theme groups questions; its level is scored on its own.
type Theme struct {
	ID    string    `json:"id"`
	Title i18n.Text `json:"title"`
}

// Question is one measure the practice meets or not.
type Question struct {
	ID      string    `json:"id"`
	Theme   string    `json:"theme"`
	Weight  int       `json:"weight"` // 1–3, in the theme's score
	Risk    int       `json:"risk"`   // 1–3, what a gap exposes
	Ease    int       `json:"ease"`   // 1–3, 3 is easiest
	Effort  string    `json:"effort"` // Minutes, Hours or Days
	Who     string    `json:"who"`    // Practitioner or ITProvider
	Guide   string    `json:"guide"`  // id of the Hygie guide explaining it
	Source  string    `json:"source"` // key of Catalogue.Sources
	Measure i18n.Text `json:"measure"`
	Probe   string    `json:"probe,omitempty"` // probe id that can pre-fill it
	Text    i18n.Text `json:"text"`
	FindOut i18n.Text `json:"find_out"` // how to answer « je ne sais pas »
	Action  i18n.Text `json:"action"`   // what to do when not met
}

// Catalogue is the whole questionnaire.
type Catalogue struct {
	Sources   map[string]Source `json:"sources"`
	Themes    []Theme           `json:"themes"`
	Questions []Question        `json:"questions"`
	byID      map[string]int
}

// Builtin returns the embedded questionnaire; the tests check it, so an
// error here means a broken build.
var Builtin = sync.OnceValues(func() (*Catalogue, error) { return Parse(questionsJSON) })

// Parse reads and validates a questionnaire.
func Parse(data []byte) (*Catalogue, error) {
	var c Catalogue
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("diagnostic questions: %w", err)
	}
	if err := c.validate(); err != nil {
		return nil, fmt.Errorf("diagnostic questions: %w", err)
	}
	return &c, nil
}

// Question returns the question with that id.
func (c *Catalogue) Question(id string) (Question, bool) {
	i, ok := c.byID[id]
	if !ok {
		return Question{}, false
	}
	return c.Questions[i], true
}

// Theme returns the theme with that id.
func (c *Catalogue) Theme(id string) (Theme, bool) {
	for _, t := range c.Themes {
		if t.ID == id {
			return t, true
		}
	}
	return Theme{}, false
}

func (c *Catalogue) validate() error {
	themes := map[string]bool{}
	for _, t := range c.Themes {
		if t.ID == "" || themes[t.ID] || !t.Title.Complete() {
			return fmt.Errorf("theme %q: duplicate, empty or not bilingual", t.ID)
		}
		themes[t.ID] = true
	}
	c.byID = map[string]int{}
	for i, q := range c.Questions {
		if _, dup := c.byID[q.ID]; dup || q.ID == "" {
			return fmt.Errorf("question %q: duplicate or empty id", q.ID)
		}
		if err := c.validateQuestion(q, themes); err != nil {
			return fmt.Errorf("question %s: %w", q.ID, err)
		}
		c.byID[q.ID] = i
	}
	return nil
}

func (c *Catalogue) validateQuestion(q Question, themes map[string]bool) error {
	switch {
	case !themes[q.Theme]:
		return fmt.Errorf("unknown theme %q", q.Theme)
	case !inRange(q.Weight) || !inRange(q.Risk) || !inRange(q.Ease):
		return fmt.Errorf("weight, risk and ease must be 1 to 3")
	case q.Effort != Minutes && q.Effort != Hours && q.Effort != Days:
		return fmt.Errorf("unknown effort %q", q.Effort)
	case q.Who != Practitioner && q.Who != ITProvider:
		return fmt.Errorf("unknown who %q", q.Who)
	case q.Guide == "":
		return fmt.Errorf("no guide")
	case c.Sources[q.Source].URL == "":
		return fmt.Errorf("unknown source %q", q.Source)
	case q.Probe != "" && !isProbe(q.Probe):
		return fmt.Errorf("unknown probe %q", q.Probe)
	}
	for name, t := range map[string]i18n.Text{"text": q.Text, "find_out": q.FindOut, "action": q.Action, "measure": q.Measure} {
		if !t.Complete() {
			return fmt.Errorf("%s is not in both languages", name)
		}
	}
	return nil
}

func inRange(n int) bool { return n >= 1 && n <= 3 }

func isProbe(id string) bool {
	for _, p := range probe.IDs() {
		if p == id {
			return true
		}
	}
	return false
}
