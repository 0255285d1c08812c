package mail

import (
	_ "embed"
	"encoding/json"
	"sync"

	"hygie/i18n"
)

//go:embed data/advice.json
var adviceJSON []byte

// advice is data/advice.json, read on the first call of Advice.
var advice = sync.OnceValue(func() map[Verdict]i18n.Text { return mustLoadAdvice(adviceJSON) })

func mustLoadAdvice(b []byte) map[Verdict]i18n.Text {
	var f struct {
		Advice map[Verdict]i18n.Text `json:"advice"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		panic("mail: data/advice.json: " + err.Error())
	}
	return f.Advice
}

// Advice is the next step for a message with verdict v, in lang (i18n.Lang:
// English or French): one sentence a practitioner can act on. A safe
// message, or an unknown verdict, has none ("").
func Advice(v Verdict, lang string) string {
	return advice()[v].In(lang)
}
