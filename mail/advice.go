package mail

import (
	_ "embed"
	"encoding/json"
	"strings"
)

//go:embed data/advice.json
var adviceJSON []byte

var advice = mustLoadAdvice(adviceJSON)

func mustLoadAdvice(b []byte) map[Verdict]map[string]string {
	var f struct {
		Advice map[Verdict]map[string]string `json:"advice"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		panic("mail: data/advice.json: " + err.Error())
	}
	return f.Advice
}

// Advice is the next step for a message with verdict v, in lang ("en" or
// anything else: French): one sentence a practitioner can act on. A safe
// message, or an unknown verdict, has none ("").
func Advice(v Verdict, lang string) string {
	texts := advice[v]
	if strings.HasPrefix(strings.ToLower(lang), "en") {
		return texts["en"]
	}
	return texts["fr"]
}
