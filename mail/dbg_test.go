package mail

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestDebugOne(t *testing.T) {
	for _, p := range strings.Fields(os.Getenv("DBG")) {
		raw, _ := os.ReadFile("../../shared/corpus/" + p)
		m, _ := Parse(bytes.NewReader(raw))
		an := NewAnalyzer(Options{})
		rep := an.Report(m)
		a := &analysis{findings: findings{}, m: m, contacts: an.contacts}
		a.from = m.FromAddr(); a.fromDomain = a.from.Domain(); a.fromReg = registeredDomain(a.fromDomain)
		a.text = fold(a.from.Name, 512) + " \n " + fold(m.Subject, 4<<10) + " \n " + fold(m.Text, 48<<10) + " \n " + fold(m.HTMLText, 48<<10)
		checkWording(a)
		t.Logf("%s from=%q %v signals=%v", p, rep.From, ids(rep), a.signals)
		for _, f := range rep.Findings { t.Logf("  %s: %s", f.ID, f.Evidence) }
	}
}
