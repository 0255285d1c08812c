package ui

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"hygie/store"
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

	a := test.NewTempApp(t)
	SetupLanguage(langFR)
	db, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c := newTrustCard(&Env{App: a, DB: db})
	test.NewTempWindow(t, c.content())
	if requests != 0 || !strings.Contains(c.status.Text, "Aucune liste") {
		t.Fatalf("before any click: %d requests, status %q; want none and no list", requests, c.status.Text)
	}
	ended := make(chan struct{})
	c.done = func() { close(ended) }
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

	a := test.NewTempApp(t)
	SetupLanguage(langFR)
	db, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c := newTrustCard(&Env{App: a, DB: db})
	test.NewTempWindow(t, c.content())
	ended := make(chan struct{})
	c.done = func() { close(ended) }
	test.Tap(c.button)
	<-ended
	if !strings.Contains(c.status.Text, "n'a pas pu être téléchargée") || c.button.Disabled() {
		t.Errorf("after a failed download: status %q, button disabled %v; want the French explanation and the button back", c.status.Text, c.button.Disabled())
	}
}
