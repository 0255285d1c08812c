// Package incident holds what to do when the practice's computer is attacked:
// the first steps, whom to call, and a dated journal of what was done.
package incident

import (
	_ "embed"
	"encoding/json"
	"sync"

	"hygie/i18n"
)

//go:embed data/steps.json
var stepsJSON []byte

// Step is one thing to do, in order, when an attack is suspected.
type Step struct {
	ID    string    `json:"id"`
	Title i18n.Text `json:"title"`
	Why   i18n.Text `json:"why"`
}

// Contact is someone to call, with what they are for.
type Contact struct {
	ID    string    `json:"id"`
	Name  i18n.Text `json:"name"`
	When  i18n.Text `json:"when"`
	URL   string    `json:"url"`   // official https address, empty when there is none
	Phone string    `json:"phone"` // empty when none is documented for a practice
	// Source names who publishes the phone number, so that the reader
	// can trust it.
	Source string `json:"source,omitempty"`
	// Own marks the practice's own contacts, entered in Réglages.
	Own bool `json:"-"`
}

// steps is data/steps.json, read on the first use: the dashboard does not
// need it (docs/performance.md).
var steps = sync.OnceValues(func() ([]Step, []Contact) { return mustLoadSteps(stepsJSON) })

// Steps returns the first actions, in the order to take them: data/steps.json,
// following the URPS and ARS advice summarised in docs/incident.md. The
// slice is shared: callers must not change it.
func Steps() []Step {
	s, _ := steps()
	return s
}

// Contacts returns the services a private practice can reach, from
// data/steps.json. The slice is shared: callers must not change it.
func Contacts() []Contact {
	_, c := steps()
	return c
}

func mustLoadSteps(b []byte) ([]Step, []Contact) {
	var f struct {
		Steps    []Step    `json:"steps"`
		Contacts []Contact `json:"contacts"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		panic("incident: data/steps.json: " + err.Error())
	}
	return f.Steps, f.Contacts
}
