package cli

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"hygie/alerts"
)

func TestAlertsRefuseWithoutOptIn(t *testing.T) {
	t.Setenv("HYGIE_HOME", t.TempDir())
	hits := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits++ }))
	defer srv.Close()
	defer swapFeeds([]alerts.Feed{{ID: "alerte", URL: srv.URL}})()
	var out, errb bytes.Buffer
	if code := Run([]string{"alerts", "--refresh"}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "hygie alerts enable") {
		t.Errorf("alerts --refresh (opted out) = %d, stderr %q; want 1 and how to turn it on", code, errb.String())
	}
	if hits != 0 {
		t.Errorf("%d requests while opted out, want none", hits)
	}
}

func TestAlertsEnableRefreshAndTags(t *testing.T) {
	t.Setenv("HYGIE_HOME", t.TempDir())
	feed, err := os.ReadFile("../alerts/testdata/alerte.xml")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(feed) }))
	defer srv.Close()
	defer swapFeeds([]alerts.Feed{{ID: "alerte", URL: srv.URL}})()
	var out, errb bytes.Buffer
	for _, args := range [][]string{{"alerts", "enable"}, {"alerts", "tags", "fortinet"}} {
		if code := Run(args, &out, &errb); code != 0 {
			t.Fatalf("Run(%v) = %d, stderr %q", args, code, errb.String())
		}
	}
	if !strings.Contains(out.String(), "cert.ssi.gouv.fr") || !strings.Contains(out.String(), "[x] fortinet") {
		t.Errorf("enable and tags said %q, want the disclosure and the ticked tag", out.String())
	}
	out.Reset()
	if code := Run([]string{"alerts", "--refresh"}, &out, &errb); code != 0 {
		t.Fatalf("alerts --refresh = %d, stderr %q", code, errb.String())
	}
	if !strings.Contains(out.String(), "! 30/11/2026  Vulnérabilité dans Fortinet FortiOS") {
		t.Errorf("alerts = %q, want the FortiOS alert highlighted", out.String())
	}
	// Offline afterwards: the error is said, the cache still shown.
	srv.Close()
	out.Reset()
	errb.Reset()
	if code := Run([]string{"alerts", "--refresh"}, &out, &errb); code != 1 ||
		!strings.Contains(errb.String(), "n'a pas pu être joint") || !strings.Contains(out.String(), "FortiOS") {
		t.Errorf("alerts --refresh offline = %d, out %q, err %q; want 1, the sentence and the kept alerts", code, out.String(), errb.String())
	}
	if code := Run([]string{"alerts", "tags", "amiga"}, &out, &errb); code != 2 {
		t.Errorf("alerts tags amiga = %d, want 2", code)
	}
}

func swapFeeds(f []alerts.Feed) func() {
	old := alertFeeds
	alertFeeds = func() []alerts.Feed { return f }
	return func() { alertFeeds = old }
}
