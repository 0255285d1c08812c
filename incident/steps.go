// Package incident holds what to do when the practice's computer is attacked:
// the first steps, whom to call, and a dated journal of what was done.
package incident

import (
	_ "embed"
	"encoding/json"

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

// Steps are the first actions, in the order to take them, and Contacts the
// services a private practice can reach: data/steps.json, read once. They
// follow the URPS and ARS advice summarised in docs/incident.md.
var Steps, Contacts = mustLoadSteps(stepsJSON)

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
