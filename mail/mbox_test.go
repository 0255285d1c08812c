package mail

import (
	"errors"
	"io"
	"strings"
	"testing"
)

const mboxSample = "From alice@example.fr Mon Nov 17 09:00:00 2025\n" +
	"From: alice@example.fr\nSubject: un\n\nPremier message.\n>From the start, escaped.\n\n" +
	"From bob@example.fr Mon Nov 17 10:00:00 2025\n" +
	"From: bob@example.fr\nSubject: deux\n\nSecond message.\n"

func TestMbox(t *testing.T) {
	box := NewMbox(strings.NewReader(mboxSample))
	var subjects []string
	var bodies []string
	for {
		r, err := box.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		m, err := Parse(r)
		if err != nil {
			t.Fatal(err)
		}
		subjects = append(subjects, m.Subject)
		bodies = append(bodies, m.Text)
	}
	if strings.Join(subjects, ",") != "un,deux" {
		t.Fatalf("subjects = %v, want [un deux]", subjects)
	}
	if !strings.Contains(bodies[0], "\nFrom the start") {
		t.Errorf("body = %q, want the >From line unescaped", bodies[0])
	}
}

func TestMboxRejectsNonMbox(t *testing.T) {
	if _, err := NewMbox(strings.NewReader("Subject: x\n\nbody\n")).Next(); err == nil || errors.Is(err, io.EOF) {
		t.Errorf("Next() on a non-mbox = %v, want an error", err)
	}
	if _, err := NewMbox(strings.NewReader("")).Next(); !errors.Is(err, io.EOF) {
		t.Errorf("Next() on an empty file = %v, want io.EOF", err)
	}
}
