package ui

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestTrustListDownloadOnRequest(t *testing.T) {
	xml, err := os.ReadFile("../mail/testdata/trustlist.xml")
	if err != nil {
		t.Fatal(err)
	}
	requests := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests++
		w.Write(xml)
	}))
	defer srv.Close()
	old := trustListURL
	trustListURL = srv.URL
	defer func() { trustListURL = old }()

	ended := make(chan struct{})
	c := newTrustCard(newTestEnv(t), func(f func()) { go func() { defer close(ended); f() }() })
	test.NewTempWindow(t, c.content())
	if requests != 0 || !strings.Contains(c.status.Text, "Aucune liste") {
		t.Fatalf("before any click: %d requests, status %q; want none and no list", requests, c.status.Text)
	}
	test.Tap(c.button)
	<-ended
	if requests != 1 || !strings.Contains(c.status.Text, "domaines") {
		t.Errorf("after the click: %d requests, status %q; want one download and the list's date", requests, c.status.Text)
	}
}

func TestTrustListFailureKeepsPrevious(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	old := trustListURL
	trustListURL = srv.URL
	defer func() { trustListURL = old }()

	ended := make(chan struct{})
	c := newTrustCard(newTestEnv(t), func(f func()) { go func() { defer close(ended); f() }() })
	test.NewTempWindow(t, c.content())
	test.Tap(c.button)
	<-ended
	if !strings.Contains(c.status.Text, "n'a pas pu être téléchargée") || c.button.Disabled() {
		t.Errorf("after a failed download: status %q, button disabled %v; want the French explanation and the button back", c.status.Text, c.button.Disabled())
	}
}

func TestLanguageChoiceIsSavedForNextStart(t *testing.T) {
	a := test.NewTempApp(t)
	SetupLanguage(langFR)
	card := languageCard(&Env{App: a})
	test.NewTempWindow(t, card)
	sel := findSelect(card)
	if sel == nil {
		t.Fatal("no language choice in the card")
	}
	note := findLabel(card, lang.X("settings.lang.restart", ""))
	if note == nil || note.Visible() {
		t.Fatal("the restart note is missing, or shown before any choice")
	}
	sel.SetSelected("English")
	if got := a.Preferences().String(PrefLanguage); got != langEN {
		t.Errorf("saved language = %q, want en", got)
	}
	if !note.Visible() {
		t.Error("no note that the language applies at the next start")
	}
}

func findLabel(o fyne.CanvasObject, text string) *widget.Label {
	switch v := o.(type) {
	case *widget.Label:
		if v.Text == text {
			return v
		}
	case *widget.Card:
		return findLabel(v.Content, text)
	case *fyne.Container:
		for _, c := range v.Objects {
			if l := findLabel(c, text); l != nil {
				return l
			}
		}
	}
	return nil
}

func findSelect(o fyne.CanvasObject) *widget.Select {
	switch v := o.(type) {
	case *widget.Select:
		return v
	case *widget.Card:
		return findSelect(v.Content)
	case *fyne.Container:
		for _, c := range v.Objects {
			if s := findSelect(c); s != nil {
				return s
			}
		}
	}
	return nil
}
