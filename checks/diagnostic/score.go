package diagnostic

import "math"

// Level is a maturity level, 1 (à construire) to 4 (exemplaire).
type Level int

// The levels and the share of weighted points each starts at; see
// docs/diagnostic.md.
const (
	ToBuild    Level = 1 // below 40 %
	Progress   Level = 2 // from 40 %
	Solid      Level = 3 // from 65 %
	Exemplary  Level = 4 // from 85 %
	progressAt       = 0.40
	solidAt          = 0.65
	exemplarAt       = 0.85
)

// levelOf turns a share of points into a level.
func levelOf(ratio float64) Level {
	switch {
	case ratio >= exemplarAt:
		return Exemplary
	case ratio >= solidAt:
		return Solid
	case ratio >= progressAt:
		return Progress
	}
	return ToBuild
}

// points is what an answer earns: « je ne sais pas » earns nothing, as a
// measure nobody can vouch for protects nothing.
func points(v Value) float64 {
	switch v {
	case Yes:
		return 1
	case Partial:
		return 0.5
	}
	return 0
}

// ThemeScore is the result of one theme; Level is nil when no question of
// the theme was answered, or all were not applicable.
type ThemeScore struct {
	Theme   string  `json:"theme"`
	Percent int     `json:"percent"`
	Level   *Level  `json:"level"`
	Gaps    int     `json:"gaps"` // questions not fully met (partial, no, unknown)
	ratio   float64 // unrounded, for the overall score
}

// Result is the scored assessment.
type Result struct {
	Themes  []ThemeScore `json:"themes"`
	Percent int          `json:"percent"`
	Level   *Level       `json:"level"` // nil when nothing was answered
}

// Score scores answers per theme and overall:
//
//	ratio(theme) = Σ weight × points(answer) / Σ weight, over the
//	applicable questions of the theme; an unanswered question of a theme
//	that has answers counts as « je ne sais pas ».
//	overall = the same sum over every applicable question of the answered themes.
func (c *Catalogue) Score(answers map[string]Answer) Result {
	var res Result
	var num, den float64
	for _, t := range c.Themes {
		ts, tn, td := c.scoreTheme(t.ID, answers)
		res.Themes = append(res.Themes, ts)
		num, den = num+tn, den+td
	}
	if den > 0 {
		res.Percent = int(math.Round(100 * num / den))
		l := levelOf(num / den)
		res.Level = &l
	}
	return res
}

func (c *Catalogue) scoreTheme(theme string, answers map[string]Answer) (ThemeScore, float64, float64) {
	ts := ThemeScore{Theme: theme}
	var num, den float64
	answered := false
	for _, q := range c.Questions {
		if q.Theme != theme {
			continue
		}
		a, ok := answers[q.ID]
		answered = answered || ok
		if ok && a.Value == NA {
			continue
		}
		w := float64(q.Weight)
		den += w
		num += w * points(a.Value)
		if a.Value != Yes {
			ts.Gaps++
		}
	}
	if !answered || den == 0 {
		return ThemeScore{Theme: theme}, 0, 0
	}
	ts.ratio = num / den
	ts.Percent = int(math.Round(100 * ts.ratio))
	l := levelOf(ts.ratio)
	ts.Level = &l
	return ts, num, den
}
