package mail

import (
	"bytes"
	"io"
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

// FuzzParseTrustList checks that a hostile list (it comes from the network)
// is refused or read without a panic, and that what it holds can be asked.
func FuzzParseTrustList(f *testing.F) {
	raw, err := os.ReadFile(filepath.Join("testdata", "trustlist.xml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(raw)
	f.Add([]byte(`<ListeBlancheMSSante><Domaine><Nom>a.mssante.fr</Nom></Domaine></ListeBlancheMSSante>`))
	f.Add([]byte(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><ListeBlancheMSSante>&a;</ListeBlancheMSSante>`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		l, err := ParseTrustList(bytes.NewReader(raw))
		if err != nil {
			return
		}
		l.Lookup("cabinet.mssante.fr")
		if l.Len() < 0 {
			t.Fatal("negative length")
		}
	})
}

// FuzzMbox checks that splitting any file ends, and that the messages it
// yields hold no more than the file did.
func FuzzMbox(f *testing.F) {
	f.Add([]byte("From a@b Mon Jan 1 00:00:00 2026\nSubject: un\n\nFrom here\n>From there\n\nFrom c@d Tue Jan 2 00:00:00 2026\nSubject: deux\n\ncorps\n"))
	f.Add([]byte("From \n"))
	f.Add([]byte("From x\r\n\r\nFrom y\r\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		mb := NewMbox(bytes.NewReader(raw))
		total := 0
		for i := 0; i <= len(raw); i++ {
			r, err := mb.Next()
			if err != nil {
				return
			}
			n, err := io.Copy(io.Discard, r)
			if err != nil {
				return
			}
			total += int(n)
			if total > len(raw) {
				t.Fatalf("messages hold %d bytes, the file %d", total, len(raw))
			}
		}
		t.Fatalf("more messages than bytes in a %d-byte file", len(raw))
	})
}

// FuzzContactsFromHistory checks that any From the cache could hold is read
// back without a panic, and that what it teaches parses as a contact.
func FuzzContactsFromHistory(f *testing.F) {
	f.Add(`"Hélène Dupré" <helene.dupre@cabinet-dupre.fr>`, 2)
	f.Add(`<a@b>`, 3)
	f.Add(`"\"<>@" <x@y>`, 2)
	f.Fuzz(func(t *testing.T, from string, n int) {
		for _, c := range ContactsFromHistory(map[string]int{from: n}) {
			if len(parseContacts([]string{c})) != 1 {
				t.Fatalf("learned %q from %q, which does not read back", c, from)
			}
		}
	})
}
