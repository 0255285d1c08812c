// Package checks holds the practice's hygiene checklist: the catalogue of
// actions (as data), the ticks kept per calendar day in the database, the
// two-factor authentication inventory, the history and the hygiene score.
// It has no user interface: ui and cli present what it computes.
package checks

import (
	_ "embed"
	"encoding/json"

	"hygie/i18n"
)

// Frequency says how often an item must be done to stay up to date.
type Frequency string

// The frequencies of the catalogue, as printed by `hygie checks list --json`.
const (
	Daily   Frequency = "daily"
	Weekly  Frequency = "weekly"
	Monthly Frequency = "monthly"
	Yearly  Frequency = "yearly"
	Once    Frequency = "once"
)

// frequencyText is how often, said as a person would.
var frequencyText = map[Frequency]i18n.Text{
	Daily:   {FR: "chaque jour", EN: "every day"},
	Weekly:  {FR: "chaque semaine", EN: "every week"},
	Monthly: {FR: "chaque mois", EN: "every month"},
	Yearly:  {FR: "chaque année", EN: "every year"},
	Once:    {FR: "une fois", EN: "once"},
}

// Text is the frequency in words in lang: « chaque jour », "every week".
func (f Frequency) Text(lang string) string {
	if t, ok := frequencyText[f]; ok {
		return t.In(lang)
	}
	return string(f)
}

// Window is the number of calendar days a tick keeps the item up to date,
// the tick's day included; 0 means forever (Once).
func (f Frequency) Window() int {
	switch f {
	case Daily:
		return 1
	case Weekly:
		return 7
	case Monthly:
		return 30
	case Yearly:
		return 365
	}
	return 0
}

// Item is one hygiene action of the catalogue. Its texts come in French
// and English; Title and Why pick one.
type Item struct {
	ID    string
	Freq  Frequency
	Guide string // id of the guide that explains how to do it
	Probe string // id of the probe that can verify it, "" when none can
	title i18n.Text
	why   i18n.Text // why it matters, one line
}

// Title is the item's text in lang (i18n.Lang: English or French).
func (it Item) Title(lang string) string { return it.title.In(lang) }

// Why is the one-line reason in lang (i18n.Lang: English or French).
func (it Item) Why(lang string) string { return it.why.In(lang) }

// Automatic reports whether a probe can verify the item.
func (it Item) Automatic() bool { return it.Probe != "" }

// Catalogue returns the hygiene items, daily first. The slice is a copy.
func Catalogue() []Item {
	return append([]Item(nil), catalogue...)
}

// Find returns the catalogue item with id.
func Find(id string) (Item, bool) {
	for _, it := range catalogue {
		if it.ID == id {
			return it, true
		}
	}
	return Item{}, false
}

// ForProbe returns the items a probe verifies.
func ForProbe(probeID string) []Item {
	var out []Item
	for _, it := range catalogue {
		if it.Probe == probeID {
			out = append(out, it)
		}
	}
	return out
}

//go:embed data/catalogue.json
var catalogueJSON []byte

// catalogue is data/catalogue.json, read once; its _comment gives the
// sources (see docs/hygiene.md).
var catalogue = mustLoadCatalogue(catalogueJSON)

func mustLoadCatalogue(b []byte) []Item {
	var f struct {
		Items []struct {
			ID    string    `json:"id"`
			Freq  Frequency `json:"freq"`
			Guide string    `json:"guide"`
			Probe string    `json:"probe"`
			Title i18n.Text `json:"title"`
			Why   i18n.Text `json:"why"`
		} `json:"items"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		panic("checks: data/catalogue.json: " + err.Error())
	}
	out := make([]Item, len(f.Items))
	for i, it := range f.Items {
		out[i] = Item{ID: it.ID, Freq: it.Freq, Guide: it.Guide, Probe: it.Probe, title: it.Title, why: it.Why}
	}
	return out
}
