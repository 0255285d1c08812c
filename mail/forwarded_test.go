package mail

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestAnalyzeRawForwards checks the scanner's path: a forward from the
// practice's secretary, from the reader's own address or from a stranger
// is judged on the phishing it carries, and the report says it was
// forwarded.
func TestAnalyzeRawForwards(t *testing.T) {
	an := NewAnalyzer(Options{
		KnownPeople:  []Person{{Name: "Julie Petit", Role: "secrétaire", Addresses: []string{"secretariat@cabinet-martin.fr"}}},
		OwnAddresses: []string{"marie.martin@cabinet-martin.fr"},
	})
	read := func(name string) []byte {
		raw, err := os.ReadFile(filepath.Join("testdata", "forward", name))
		if err != nil {
			t.Fatal(err)
		}
		return raw
	}
	own := bytes.Replace(read("transfert-gmail.eml"), []byte("From: Paul Bernard <paul.bernard.kine@gmail.com>"),
		[]byte("From: Marie Martin <marie.martin@cabinet-martin.fr>"), 1)
	for _, c := range []struct {
		name string
		raw  []byte
		kind ForwardKind
		by   string
	}{
		{"transfert-piece-jointe.eml", read("transfert-piece-jointe.eml"), ForwardAttached, "secretariat@cabinet-martin.fr"},
		{"own address", own, ForwardInline, "marie.martin@cabinet-martin.fr"},
		{"transfert-gmail.eml", read("transfert-gmail.eml"), ForwardInline, "paul.bernard.kine@gmail.com"},
		{"transfert-outlook.eml", read("transfert-outlook.eml"), ForwardInline, "accueil@cabinet-lefevre.fr"},
	} {
		rep, err := an.AnalyzeRaw(c.raw)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if verdictRank[rep.Verdict] < verdictRank[Suspicious] {
			t.Errorf("%s: verdict %s (%d, %v), want the forwarded phishing flagged", c.name, rep.Verdict, rep.Score, ids(rep))
		}
		if rep.Forward == nil || rep.Forward.Kind != c.kind || rep.Forward.By.Addr != c.by {
			t.Errorf("%s: Forward = %+v, want %s by %s", c.name, rep.Forward, c.kind, c.by)
		}
		// The window's "Vérifier un message" and hygie inspect open the
		// same forward through ReadInput: same verdict.
		ins, err := ReadInput("x.eml", bytes.NewReader(c.raw), int64(len(c.raw)))
		if err != nil || len(ins) != 1 {
			t.Fatalf("%s: ReadInput = %v, %v", c.name, ins, err)
		}
		direct, _ := an.Analyze(bytes.NewReader(ins[0].Raw))
		if direct.Verdict != rep.Verdict {
			t.Errorf("%s: AnalyzeRaw %s but ReadInput+Analyze %s", c.name, rep.Verdict, direct.Verdict)
		}
	}
	plain, err := an.AnalyzeRaw(read("sans-transfert.eml"))
	if err != nil || plain.Forward != nil {
		t.Errorf("message without forward: Forward = %+v, %v", plain.Forward, err)
	}
}

// FuzzAnalyzeRaw: the scanner's path never panics and fails only where
// Analyze would.
func FuzzAnalyzeRaw(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "forward", "*.eml"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	an := NewAnalyzer(Options{OwnAddresses: []string{"marie.martin@cabinet-martin.fr"}})
	f.Fuzz(func(t *testing.T, raw []byte) {
		rep, err := an.AnalyzeRaw(raw)
		if _, perr := Parse(bytes.NewReader(raw)); (err == nil) != (perr == nil) {
			t.Fatalf("AnalyzeRaw error %v, Parse error %v", err, perr)
		}
		if err == nil && rep.Verdict == "" {
			t.Fatal("no verdict")
		}
	})
}
