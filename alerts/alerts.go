// Package alerts reads, when the user has opted in, the public security
// alerts of CERT-FR (the ANSSI's response centre), keeps them in the
// database for offline reading, checks at most once a day, and highlights
// those that name software the practice uses.
//
// Nothing is fetched unless the opt-in is on. What a fetch sends is
// described by Disclosure: an ordinary request for a public page.
package alerts

import (
	_ "embed"
	"encoding/json"
	"strings"
	"sync"
	"time"

	"hygie/i18n"
)

//go:embed data/alerts.json
var alertsJSON []byte

// Feed is one public feed Hygie may read.
type Feed struct {
	ID   string    `json:"id"`
	URL  string    `json:"url"`
	Name i18n.Text `json:"name"`
}

// Tag is software a user may tick, with the words that name it in alerts.
type Tag struct {
	ID       string    `json:"id"`
	Label    i18n.Text `json:"label"`
	Keywords []string  `json:"keywords"`
}

// catalogue is data/alerts.json, read on the first use: with the alerts
// off, nothing needs it (docs/performance.md).
var catalogue = sync.OnceValues(func() ([]Feed, []Tag) { return mustLoad(alertsJSON) })

// Feeds returns CERT-FR's alert and advisory feeds, from data/alerts.json.
// The slice is shared: callers must not change it.
func Feeds() []Feed {
	f, _ := catalogue()
	return f
}

// Tags returns the software a user may tick, from data/alerts.json. The
// slice is shared: callers must not change it.
func Tags() []Tag {
	_, t := catalogue()
	return t
}

func mustLoad(b []byte) ([]Feed, []Tag) {
	var f struct {
		Feeds []Feed `json:"feeds"`
		Tags  []Tag  `json:"tags"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		panic("alerts: data/alerts.json: " + err.Error())
	}
	return f.Feeds, f.Tags
}

// Disclosure says what turning the alerts on sends, and to whom; the
// setting shows it next to the switch.
var Disclosure = i18n.Text{
	FR: "Une fois par jour au plus, Hygie demande au site du CERT-FR (cert.ssi.gouv.fr, le centre d'alerte de l'ANSSI) la liste publique de ses alertes. Rien d'autre n'est envoyé : ni vos données, ni vos messages, ni les logiciels que vous cochez (la comparaison se fait sur votre ordinateur). Comme pour toute visite d'un site, le CERT-FR voit l'adresse internet de votre connexion.",
	EN: "At most once a day, Hygie asks the CERT-FR website (cert.ssi.gouv.fr, the ANSSI's alert centre) for the public list of its alerts. Nothing else is sent: not your data, not your messages, not the software you tick (the matching is done on your computer). As with any visit to a website, CERT-FR sees your connection's internet address.",
}

// CheckEvery is the least time between two automatic checks.
const CheckEvery = 24 * time.Hour

// Item is one alert, as cached.
type Item struct {
	GUID      string
	Feed      string // Feed.ID
	Title     string
	Link      string // shown as text; the user opens it in a browser
	Summary   string
	Published time.Time
}

// Matches returns the ids of the tags (among ticked) whose keywords appear,
// as whole words, in the alert's title or summary.
func (it Item) Matches(ticked []string) []string {
	text := " " + words(it.Title+" "+it.Summary) + " "
	var out []string
	for _, t := range Tags() {
		if !contains(ticked, t.ID) {
			continue
		}
		for _, k := range t.Keywords {
			if strings.Contains(text, " "+words(k)+" ") {
				out = append(out, t.ID)
				break
			}
		}
	}
	return out
}

// words folds s and keeps only letters and digits, each run of anything
// else becoming one space, so "Windows," and "windows" compare equal.
func words(s string) string {
	f := strings.FieldsFunc(i18n.Fold(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-')
	})
	return strings.Join(f, " ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
