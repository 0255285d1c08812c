package alerts

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"hygie/store"
)

func openCache(t *testing.T) *Cache {
	t.Helper()
	db, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c, err := Open(db)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// feedServer serves the recorded feeds of testdata/ on 127.0.0.1, and
// counts the requests so a test can prove nothing was fetched.
func feedServer(t *testing.T, hits *int) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	serve := func(name string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			*hits++
			b, err := os.ReadFile("testdata/" + name)
			if err != nil {
				t.Error(err)
			}
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
			w.Write(b)
		}
	}
	mux.HandleFunc("/alerte/feed/", serve("alerte.xml"))
	mux.HandleFunc("/avis/feed/", serve("avis.xml"))
	mux.HandleFunc("/malformed/", serve("malformed.xml"))
	mux.HandleFunc("/slow/", func(w http.ResponseWriter, r *http.Request) {
		*hits++
		select {
		case <-r.Context().Done():
		case <-time.After(2 * time.Second):
		}
	})
	mux.HandleFunc("/huge/", func(w http.ResponseWriter, r *http.Request) {
		*hits++
		w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><description>`))
		w.Write([]byte(strings.Repeat("a", MaxBytes)))
		w.Write([]byte(`</description></channel></rss>`))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func testFeeds(srv *httptest.Server) []Feed {
	return []Feed{{ID: "alerte", URL: srv.URL + "/alerte/feed/"}, {ID: "avis", URL: srv.URL + "/avis/feed/"}}
}

var t0 = time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)

func TestNothingFetchedUntilOptIn(t *testing.T) {
	c := openCache(t)
	hits := 0
	srv := feedServer(t, &hits)
	on, err := c.OptedIn()
	if err != nil || on {
		t.Fatalf("OptedIn() = %v, %v; want off by default", on, err)
	}
	if _, err := c.Refresh(context.Background(), srv.Client(), testFeeds(srv), t0, true); !errors.Is(err, ErrOptInOff) {
		t.Errorf("Refresh(opted out) = %v, want ErrOptInOff", err)
	}
	if hits != 0 {
		t.Errorf("%d requests while opted out, want none", hits)
	}
	if txt, ok := ErrorText(ErrOptInOff); !ok || !strings.Contains(txt.FR, "hygie alerts enable") {
		t.Errorf("ErrorText(ErrOptInOff) = %q, want how to turn it on", txt.FR)
	}
}

func TestRefreshCachesAndChecksDaily(t *testing.T) {
	c := openCache(t)
	hits := 0
	srv := feedServer(t, &hits)
	if err := c.SetOptIn(true); err != nil {
		t.Fatal(err)
	}
	fetched, err := c.Refresh(context.Background(), srv.Client(), testFeeds(srv), t0, false)
	if err != nil || !fetched || hits != 2 {
		t.Fatalf("Refresh = %v, %v after %d requests; want a fetch of both feeds", fetched, err, hits)
	}
	items, _ := c.Items(0)
	if len(items) != 3 || items[0].Feed != "avis" || !strings.Contains(items[0].Title, "Firefox") {
		t.Fatalf("Items() = %+v, want 3 alerts, the Firefox advisory first", items)
	}
	latest, ok, err := c.Latest()
	if err != nil || !ok || !strings.Contains(latest.Title, "FortiOS") ||
		!latest.Published.Equal(time.Date(2026, 11, 30, 16, 20, 0, 0, time.UTC)) {
		t.Errorf("Latest() = %+v, %v, %v; want the FortiOS alert", latest, ok, err)
	}
	// Checked at most daily: a second call the same day fetches nothing.
	fetched, err = c.Refresh(context.Background(), srv.Client(), testFeeds(srv), t0.Add(3*time.Hour), false)
	if err != nil || fetched || hits != 2 {
		t.Errorf("second Refresh the same day = %v, %v (%d requests), want no fetch", fetched, err, hits)
	}
	if last, _ := c.LastCheck(); !last.Equal(t0) {
		t.Errorf("LastCheck() = %v, want %v", last, t0)
	}
	fetched, _ = c.Refresh(context.Background(), srv.Client(), testFeeds(srv), t0.Add(25*time.Hour), false)
	if !fetched || hits != 4 {
		t.Errorf("Refresh a day later fetched = %v (%d requests), want a fetch", fetched, hits)
	}
	if items, _ := c.Items(0); len(items) != 3 {
		t.Errorf("after a second fetch %d alerts cached, want the same 3", len(items))
	}
}

// TestFailuresKeepCache covers the feeds that go wrong: each gives its
// French sentence and leaves the alerts already cached untouched.
func TestFailuresKeepCache(t *testing.T) {
	hits := 0
	srv := feedServer(t, &hits)
	closed := httptest.NewServer(http.NotFoundHandler())
	closedURL := closed.URL
	closed.Close()
	slowClient := &http.Client{Timeout: 200 * time.Millisecond}
	cases := []struct {
		name   string
		client *http.Client
		url    string
		want   error
		words  string
	}{
		{"offline", srv.Client(), closedURL + "/alerte/feed/", ErrOffline, "connexion à Internet"},
		{"slow", slowClient, srv.URL + "/slow/", ErrTimeout, "trop de temps"},
		{"oversized", srv.Client(), srv.URL + "/huge/", ErrTooLarge, "ignorée"},
		{"malformed", srv.Client(), srv.URL + "/malformed/", ErrMalformed, "ignorée"},
		{"missing", srv.Client(), srv.URL + "/nothing-here/", ErrStatus, "ignorée"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := openCache(t)
			c.SetOptIn(true)
			if _, err := c.Refresh(context.Background(), srv.Client(), testFeeds(srv), t0, false); err != nil {
				t.Fatal(err)
			}
			bad := []Feed{{ID: "alerte", URL: tc.url}}
			fetched, err := c.Refresh(context.Background(), tc.client, bad, t0.Add(48*time.Hour), false)
			if fetched || !errors.Is(err, tc.want) {
				t.Fatalf("Refresh(%s) = %v, %v; want %v", tc.name, fetched, err, tc.want)
			}
			txt, ok := ErrorText(err)
			if !ok || !strings.Contains(txt.FR, tc.words) || !strings.Contains(txt.FR, "restent affichées") || !txt.Complete() {
				t.Errorf("ErrorText(%s) = %+v, want a French sentence with %q", tc.name, txt, tc.words)
			}
			if items, _ := c.Items(0); len(items) != 3 {
				t.Errorf("after %s, %d alerts cached, want the 3 kept", tc.name, len(items))
			}
			if last, _ := c.LastCheck(); !last.Equal(t0) {
				t.Errorf("after %s, LastCheck() = %v, want the last good check %v", tc.name, last, t0)
			}
		})
	}
}

func TestTagsMatchTitlesAndSummaries(t *testing.T) {
	cases := []struct {
		item   Item
		ticked []string
		want   []string
	}{
		{Item{Title: "Vulnérabilité dans Fortinet FortiOS"}, []string{"fortinet", "windows"}, []string{"fortinet"}},
		{Item{Title: "Multiples vulnérabilités", Summary: "Microsoft Windows, Office et Edge"}, []string{"windows", "office", "browsers"}, []string{"windows", "office", "browsers"}},
		{Item{Title: "Vulnérabilité dans Microsoft Windows"}, []string{"macos"}, nil},
		{Item{Title: "Vulnérabilité dans Wordpress"}, []string{"office"}, nil}, // whole words only
		{Item{Title: "Faille dans un logiciel de santé"}, []string{"practice_software"}, []string{"practice_software"}},
	}
	for _, tc := range cases {
		if got := tc.item.Matches(tc.ticked); !slices.Equal(got, tc.want) {
			t.Errorf("Matches(%q, %v) = %v, want %v", tc.item.Title, tc.ticked, got, tc.want)
		}
	}
}

func TestOnlyHTTPSLinksAreKept(t *testing.T) {
	for link, want := range map[string]string{
		"https://www.cert.ssi.gouv.fr/alerte/X/": "https://www.cert.ssi.gouv.fr/alerte/X/",
		"javascript:alert(1)":                    "",
		"http://example.org/":                    "",
		"file:///etc/passwd":                     "",
	} {
		if got := httpsOnly(link); got != want {
			t.Errorf("httpsOnly(%q) = %q, want %q", link, got, want)
		}
	}
}

func TestSummaryIsPlainText(t *testing.T) {
	got := plainText("<p>Une <b>vulnérabilité</b> &laquo;critique&raquo;\n  touche <a href=\"https://x\">FortiOS</a>.</p><p>Correctif</p>")
	if want := "Une vulnérabilité «critique» touche FortiOS. Correctif"; got != want {
		t.Errorf("plainText = %q, want %q", got, want)
	}
}

func TestTickedTagsAreStored(t *testing.T) {
	c := openCache(t)
	if err := c.SetTicked([]string{"windows", "fortinet"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := c.Ticked(); !slices.Equal(got, []string{"windows", "fortinet"}) {
		t.Errorf("Ticked() = %v", got)
	}
	if err := c.SetTicked([]string{"amiga"}); err == nil {
		t.Error("SetTicked(unknown) = nil, want an error")
	}
}

func TestDataIsComplete(t *testing.T) {
	for _, f := range Feeds() {
		if !strings.HasPrefix(f.URL, "https://www.cert.ssi.gouv.fr/") || !f.Name.Complete() {
			t.Errorf("feed %s: %q is not a CERT-FR https address or lacks a name", f.ID, f.URL)
		}
	}
	for _, tg := range Tags() {
		if !tg.Label.Complete() || len(tg.Keywords) == 0 {
			t.Errorf("tag %s: incomplete", tg.ID)
		}
	}
	if !Disclosure.Complete() || !strings.Contains(Disclosure.FR, "cert.ssi.gouv.fr") {
		t.Error("Disclosure must name, in both languages, the site the request goes to")
	}
}

// FuzzFeedText checks that no feed text makes the matching or the HTML
// clean-up panic.
func FuzzFeedText(f *testing.F) {
	for _, seed := range []string{"<p>Windows</p>", "Fortinet FortiOS", "<a href='x'>", "\x00\xff<", "é « »"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		it := Item{Title: s, Summary: plainText(s)}
		it.Matches([]string{"windows", "fortinet", "office", "practice_software"})
	})
}
