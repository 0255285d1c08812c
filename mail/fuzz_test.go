package mail

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// addSeeds adds the scenario messages and the adversarial cases as seeds.
func addSeeds(f *testing.F) {
	for _, sc := range scenarios {
		raw, err := os.ReadFile(filepath.Join("testdata", "messages", sc.file))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	for _, c := range adversarial {
		if len(c.raw) < 1<<16 { // keep the seed corpus small
			f.Add(c.raw)
		}
	}
}

// FuzzParse checks that no input makes the parser panic, hang or keep
// more than its caps.
func FuzzParse(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		m, err := Parse(bytes.NewReader(raw))
		if err != nil {
			return
		}
		if len(m.Text) > maxTextBytes+8 || len(m.HTMLText) > maxHTMLTextBytes+8 || len(m.Links) > maxLinks {
			t.Fatalf("caps exceeded: text %d, html %d, links %d", len(m.Text), len(m.HTMLText), len(m.Links))
		}
	})
}

// FuzzAnalyze checks that every input gets a verdict and a score in range.
func FuzzAnalyze(f *testing.F) {
	addSeeds(f)
	an := NewAnalyzer(testOptions)
	f.Fuzz(func(t *testing.T, raw []byte) {
		rep, err := an.Analyze(bytes.NewReader(raw))
		if err != nil {
			return
		}
		if rep.Score < 0 || rep.Score > 100 {
			t.Fatalf("score %d out of range", rep.Score)
		}
		if _, ok := verdictRank[rep.Verdict]; !ok {
			t.Fatalf("verdict %q unknown", rep.Verdict)
		}
	})
}
