package mail

import (
	"strings"
	"testing"
)

func TestAdvice(t *testing.T) {
	for _, v := range []Verdict{Caution, Suspicious, Dangerous} {
		fr, en := Advice(v, "fr"), Advice(v, "en-GB")
		if !strings.HasPrefix(fr, "Que faire : ") || !strings.HasPrefix(en, "What to do: ") {
			t.Errorf("%s: fr %q, en %q", v, fr, en)
		}
	}
	if Advice(Safe, "fr") != "" || Advice("", "fr") != "" {
		t.Error("a safe or unanalysed message has no next step to take")
	}
	for v, tx := range advice() {
		if _, ok := verdictRank[v]; !ok || v == Safe || !tx.Complete() {
			t.Errorf("data/advice.json: verdict %q unknown, safe, or not written in both languages", v)
		}
	}
	if !strings.Contains(Advice(Dangerous, ""), "phishing-initiative.fr") {
		t.Error("the dangerous advice names where to report the link")
	}
}
