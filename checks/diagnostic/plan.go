package diagnostic

import (
	"cmp"
	"slices"
)

// Item is one step of the action plan.
type Item struct {
	Question Question
	Answer   Value // Partial, No or Unknown (unanswered counts as Unknown)
	// FindOut is true for « je ne sais pas »: the first step is to find
	// out (Question.FindOut), then to act.
	FindOut  bool
	Priority int    // Risk × Ease, 1–9: quick wins on serious risks first
	State    string // PlanTodo, PlanPlanned or PlanDone
}

// effortRank orders efforts, smallest first.
var effortRank = map[string]int{Minutes: 0, Hours: 1, Days: 2}

// Plan lists the measures not fully met, ordered by risk × ease (highest
// first), then smaller effort, then heavier weight, then questionnaire
// order. Only the themes that have answers take part, as in Score. states
// are the planned/done marks kept in the database, by question id.
func (c *Catalogue) Plan(answers map[string]Answer, states map[string]string) []Item {
	themes := map[string]bool{}
	for id := range answers {
		if q, ok := c.Question(id); ok {
			themes[q.Theme] = true
		}
	}
	var items []Item
	for _, q := range c.Questions {
		a, ok := answers[q.ID]
		if !themes[q.Theme] || a.Value == Yes || a.Value == NA {
			continue
		}
		v := a.Value
		if !ok {
			v = Unknown
		}
		state := states[q.ID]
		if state == "" {
			state = PlanTodo
		}
		items = append(items, Item{Question: q, Answer: v, FindOut: v == Unknown, Priority: q.Risk * q.Ease, State: state})
	}
	slices.SortStableFunc(items, func(a, b Item) int {
		return cmp.Or(
			cmp.Compare(b.Priority, a.Priority),
			cmp.Compare(effortRank[a.Question.Effort], effortRank[b.Question.Effort]),
			cmp.Compare(b.Question.Weight, a.Question.Weight),
		)
	})
	return items
}
