package training

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"hygie/i18n"
	"hygie/incident"
)

// Scenario is a crisis exercise: situations to go through in order, each
// with choices, and a debrief of what to prepare beforehand.
type Scenario struct {
	ID         string      `json:"id"`
	Title      i18n.Text   `json:"title"`
	Intro      i18n.Text   `json:"intro"`
	Situations []Situation `json:"situations"`
	Debrief    []Prep      `json:"debrief"`
}

// Situation is one moment of the exercise.
type Situation struct {
	ID      string    `json:"id"`
	Text    i18n.Text `json:"text"`
	Choices []Choice  `json:"choices"`
}

// Choice is one possible move, with its feedback and the incident steps
// and contacts (incident/data/steps.json ids) it rehearses.
type Choice struct {
	ID       string    `json:"id"`
	Good     bool      `json:"good"`
	Text     i18n.Text `json:"text"`
	Feedback i18n.Text `json:"feedback"`
	Steps    []string  `json:"steps"`
	Contacts []string  `json:"contacts"`
}

// Prep is one thing to have ready before an attack.
type Prep struct {
	ID   string    `json:"id"`
	Text i18n.Text `json:"text"`
}

// Scenarios returns the crisis exercises of data/exercises.json, read on
// the first call. The slice is shared: callers must not change it.
var Scenarios = sync.OnceValue(mustLoadScenarios)

func mustLoadScenarios() []Scenario {
	b, err := data.ReadFile("data/exercises.json")
	if err != nil {
		panic("training: data/exercises.json: " + err.Error())
	}
	var f struct {
		Scenarios []Scenario `json:"scenarios"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		panic("training: data/exercises.json: " + err.Error())
	}
	return f.Scenarios
}

// ScenarioByID returns the scenario with that id.
func ScenarioByID(id string) (Scenario, bool) {
	for _, s := range Scenarios() {
		if s.ID == id {
			return s, true
		}
	}
	return Scenario{}, false
}

// ErrUnknownChoice is returned for a situation or choice the scenario lacks.
var ErrUnknownChoice = errors.New("training: unknown situation or choice")

// Run is one play of a scenario: the choice made in each situation.
type Run struct {
	Scenario Scenario
	chosen   map[string]Choice // situation id → choice
}

// Start begins a run of s.
func Start(s Scenario) *Run {
	return &Run{Scenario: s, chosen: map[string]Choice{}}
}

// Choose records the choice made in a situation and returns it, with its
// feedback. Choosing again in the same situation replaces the first choice.
func (r *Run) Choose(situationID, choiceID string) (Choice, error) {
	for _, sit := range r.Scenario.Situations {
		if sit.ID != situationID {
			continue
		}
		for _, c := range sit.Choices {
			if c.ID == choiceID {
				r.chosen[sit.ID] = c
				return c, nil
			}
		}
	}
	return Choice{}, fmt.Errorf("%w: %s/%s", ErrUnknownChoice, situationID, choiceID)
}

// Outcome is how a run went.
type Outcome struct {
	Good, Total int
	// ToReview are the situations answered wrongly or not at all, in order.
	ToReview []Situation
}

// Outcome sums up the run so far.
func (r *Run) Outcome() Outcome {
	o := Outcome{Total: len(r.Scenario.Situations)}
	for _, sit := range r.Scenario.Situations {
		if c, ok := r.chosen[sit.ID]; ok && c.Good {
			o.Good++
		} else {
			o.ToReview = append(o.ToReview, sit)
		}
	}
	return o
}

// Record writes the run's result in the incident journal as an exercise,
// in French, one entry in one transaction, kept apart from real incidents.
func (r *Run) Record(j *incident.Journal, at time.Time) (incident.Entry, error) {
	return r.RecordIn(j, at, i18n.FR)
}

// RecordIn is Record with the entry written in lang, the language of the
// screen the exercise was played on: the journal is read on that screen.
func (r *Run) RecordIn(j *incident.Journal, at time.Time, lang string) (incident.Entry, error) {
	o := r.Outcome()
	en := i18n.Lang(lang) == i18n.EN
	var note string
	if en {
		s := "s"
		if o.Good == 1 {
			s = ""
		}
		note = fmt.Sprintf("Exercise “%s”: %d right answer%s out of %d.", r.Scenario.Title.EN, o.Good, s, o.Total)
	} else {
		note = fmt.Sprintf("Exercice « %s » : %d bonne%s réponse%s sur %d.",
			r.Scenario.Title.FR, o.Good, plural(o.Good), plural(o.Good), o.Total)
	}
	if len(o.ToReview) > 0 {
		var names []string
		for _, sit := range o.ToReview {
			names = append(names, goodChoice(sit).Text.In(lang))
		}
		if en {
			note += " To review: " + strings.Join(names, "; ") + "."
		} else {
			note += " À revoir : " + strings.Join(names, " ; ") + "."
		}
	}
	return j.AddKind(at, incident.KindExercise, "", note)
}

func plural(n int) string {
	if n > 1 {
		return "s"
	}
	return ""
}

// GoodChoice is the right move of a situation, to name it in a debrief.
func GoodChoice(sit Situation) Choice { return goodChoice(sit) }

// goodChoice is the right move of a situation (every situation has one).
func goodChoice(sit Situation) Choice {
	for _, c := range sit.Choices {
		if c.Good {
			return c
		}
	}
	return Choice{}
}
