// Package training holds Hygie's practice material: a quiz of sample
// messages to judge (légitime or piège), with the clues a user may point at
// and one sentence of lesson each, sessions of a few messages that bring
// back those missed, and the score history kept in the database; and crisis
// exercises (exercise.go), whose result goes in the incident journal as an
// exercise, apart from real incidents.
//
// The samples are our own messages, embedded; their links are exposed as
// text only, since a quiz sample must never open anything.
package training

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"sync"

	"hygie/i18n"
	"hygie/mail"
)

//go:embed data/quiz.json data/exercises.json data/messages/*.eml
var data embed.FS

// Answer is what a sample really is.
type Answer string

// The two answers of the quiz.
const (
	Legitimate Answer = "legitimate" // « légitime »
	Trap       Answer = "trap"       // « piège »
)

// Label returns the answer as the quiz names it.
func (a Answer) Label() i18n.Text {
	if a == Trap {
		return i18n.Text{FR: "piège", EN: "trap"}
	}
	return i18n.Text{FR: "légitime", EN: "legitimate"}
}

// Clue is one thing a user may tap on a sample to say why they judged it so.
type Clue struct {
	ID    string    `json:"id"`
	Label i18n.Text `json:"label"`
}

// Sample is one message of the quiz.
type Sample struct {
	ID     string `json:"id"` // also the .eml file name without extension
	Answer Answer `json:"answer"`
	// Clues are the ids of the clues that explain the answer: warning
	// signs for a trap, reassuring signs for an honest message.
	Clues  []string  `json:"clues"`
	Lesson i18n.Text `json:"lesson"`
	// Raw is the message itself, RFC 5322.
	Raw []byte `json:"-"`
}

// quiz is data/quiz.json with its messages, read on the first use: the
// window starts without them (docs/performance.md).
var quiz = sync.OnceValues(mustLoad)

// Clues returns the clue catalogue of data/quiz.json. The slice is shared:
// callers must not change it.
func Clues() []Clue {
	c, _ := quiz()
	return c
}

// Samples returns the messages of the quiz, from data/quiz.json and
// data/messages. The slice is shared: callers must not change it.
func Samples() []Sample {
	_, s := quiz()
	return s
}

func mustLoad() ([]Clue, []Sample) {
	b, err := data.ReadFile("data/quiz.json")
	if err != nil {
		panic("training: data/quiz.json: " + err.Error())
	}
	var f struct {
		Clues   []Clue   `json:"clues"`
		Samples []Sample `json:"samples"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		panic("training: data/quiz.json: " + err.Error())
	}
	for i := range f.Samples {
		raw, err := data.ReadFile("data/messages/" + f.Samples[i].ID + ".eml")
		if err != nil {
			panic("training: sample " + f.Samples[i].ID + ": " + err.Error())
		}
		f.Samples[i].Raw = raw
	}
	return f.Clues, f.Samples
}

// ClueByID returns the clue with that id.
func ClueByID(id string) (Clue, bool) {
	for _, c := range Clues() {
		if c.ID == id {
			return c, true
		}
	}
	return Clue{}, false
}

// SampleByID returns the sample with that id.
func SampleByID(id string) (Sample, bool) {
	for _, s := range Samples() {
		if s.ID == id {
			return s, true
		}
	}
	return Sample{}, false
}

// Analyze runs the mail engine on the sample, so the quiz can show, after
// the answer, what Hygie itself would have said about it.
func (s Sample) Analyze(a *mail.Analyzer) (mail.Report, error) {
	rep, err := a.Analyze(bytes.NewReader(s.Raw))
	if err != nil {
		return mail.Report{}, fmt.Errorf("analyse sample %s: %w", s.ID, err)
	}
	return rep, nil
}

// ShownLink is a link of a sample as the quiz shows it: text to read,
// never an address to open.
type ShownLink struct {
	Text string // what the message displays ("" for a bare address)
	Dest string // where it really leads, to be rendered as plain text
	Host string
}

// Links returns the sample's links as text only. The UI renders them
// read-only: a quiz sample is never a way out to the Internet.
func (s Sample) Links() ([]ShownLink, error) {
	m, err := mail.Parse(bytes.NewReader(s.Raw))
	if err != nil {
		return nil, fmt.Errorf("read sample %s: %w", s.ID, err)
	}
	out := make([]ShownLink, 0, len(m.Links))
	for _, l := range m.Links {
		out = append(out, ShownLink{Text: l.Text, Dest: l.URL, Host: l.Host})
	}
	return out, nil
}

// Judge tells whether answer is right for the sample.
func (s Sample) Judge(answer Answer) bool {
	return answer == s.Answer
}
