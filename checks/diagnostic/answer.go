package diagnostic

import (
	"errors"
	"fmt"

	"hygie/checks/probe"
)

// Value is one answer to a question.
type Value string

// The answers; Unknown (« je ne sais pas ») counts as a gap, NA takes the
// question out of the score.
const (
	Yes     Value = "yes"
	Partial Value = "partial"
	No      Value = "no"
	Unknown Value = "unknown"
	NA      Value = "na"
)

// Valid reports whether v is one of the five answers.
func (v Value) Valid() bool {
	switch v {
	case Yes, Partial, No, Unknown, NA:
		return true
	}
	return false
}

// Where an answer comes from.
const (
	FromUser  = "user"
	FromProbe = "probe"
	// FromPlan is « oui » carried over from a plan item marked done, in
	// the next assessment (Start) and in the hygiene score (Progress).
	FromPlan = "plan"
)

// Answer is the answer to one question, with what it rests on.
type Answer struct {
	Value    Value  `json:"value"`
	Source   string `json:"source"`             // FromUser or FromProbe
	Evidence string `json:"evidence,omitempty"` // the probe's details, for a pre-filled answer
}

// ErrInvalid is returned for an unknown question id or answer value.
var ErrInvalid = errors.New("diagnostic: invalid answer")

// Prefill answers the questions linked to a probe from its latest result:
// pass is « oui », fail is « non »; a probe that could not tell leaves the
// question to the user. The probe's details are kept as evidence.
func (c *Catalogue) Prefill(results []probe.Result) map[string]Answer {
	byProbe := map[string]probe.Result{}
	for _, r := range results {
		byProbe[r.ID] = r
	}
	out := map[string]Answer{}
	for _, q := range c.Questions {
		r, ok := byProbe[q.Probe]
		if q.Probe == "" || !ok {
			continue
		}
		switch r.Status {
		case probe.Pass:
			out[q.ID] = Answer{Value: Yes, Source: FromProbe, Evidence: evidence(r)}
		case probe.Fail:
			out[q.ID] = Answer{Value: No, Source: FromProbe, Evidence: evidence(r)}
		}
	}
	return out
}

func evidence(r probe.Result) string {
	if r.Details != "" {
		return r.Details
	}
	return string(r.Code)
}

// Merge lays the user's answers over the pre-filled ones: the user always
// has the last word, and a pre-filled answer they did not touch stays.
func Merge(prefilled, user map[string]Answer) map[string]Answer {
	out := make(map[string]Answer, len(prefilled)+len(user))
	for id, a := range prefilled {
		out[id] = a
	}
	for id, a := range user {
		out[id] = a
	}
	return out
}

// Check refuses answers to unknown questions or with unknown values.
func (c *Catalogue) Check(answers map[string]Answer) error {
	for id, a := range answers {
		if _, ok := c.Question(id); !ok {
			return fmt.Errorf("question %q: %w", id, ErrInvalid)
		}
		if !a.Value.Valid() {
			return fmt.Errorf("question %s, answer %q: %w", id, a.Value, ErrInvalid)
		}
		if a.Source != FromUser && a.Source != FromProbe && a.Source != FromPlan {
			return fmt.Errorf("question %s, source %q: %w", id, a.Source, ErrInvalid)
		}
	}
	return nil
}

// WithDone counts the plan items marked done as met: their question is
// answered « oui » (FromPlan) unless it already is, or is not applicable.
func (c *Catalogue) WithDone(answers map[string]Answer, states map[string]string) map[string]Answer {
	out := Merge(answers, nil)
	for id, st := range states {
		a := out[id]
		if _, ok := c.Question(id); !ok || st != PlanDone || a.Value == Yes || a.Value == NA {
			continue
		}
		out[id] = Answer{Value: Yes, Source: FromPlan}
	}
	return out
}

// Start is where a new assessment begins: the previous answers, the plan
// items done since counted as « oui », and over both what the computer's
// checks saw last (fresh evidence beats an old answer or a mark). The user
// then corrects what they want (Merge).
func (c *Catalogue) Start(previous map[string]Answer, states map[string]string, probes []probe.Result) map[string]Answer {
	return Merge(c.WithDone(previous, states), c.Prefill(probes))
}

// Progress is the share of the latest assessment met once the plan items
// marked done are counted (0–1), for the hygiene score; ok is false before
// the first assessment or when nothing in it is applicable.
func (c *Catalogue) Progress(answers map[string]Answer, states map[string]string) (ratio float64, ok bool) {
	if len(answers) == 0 {
		return 0, false
	}
	res := c.Score(c.WithDone(answers, states))
	if res.Level == nil {
		return 0, false
	}
	return float64(res.Percent) / 100, true
}
