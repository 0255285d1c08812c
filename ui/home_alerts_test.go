package ui

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hygie/alerts"
)

// feedFake serves alerts/testdata's recorded feeds on 127.0.0.1 and counts
// the requests, so a test proves what was (or was not) fetched. feed names
// the file served for the alerts feed.
type feedFake struct {
	srv  *httptest.Server
	hits atomic.Int32
	mu   sync.Mutex
	feed string
}

func newFeedFake(t *testing.T) *feedFake {
	t.Helper()
	f := &feedFake{feed: "alerte.xml"}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.hits.Add(1)
		name := "avis.xml"
		if strings.HasPrefix(r.URL.Path, "/alerte/") {
			f.mu.Lock()
			name = f.feed
			f.mu.Unlock()
		}
		b, err := os.ReadFile("../alerts/testdata/" + name)
		if err != nil {
			t.Error(err)
		}
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.Write(b)
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *feedFake) serve(name string) {
	f.mu.Lock()
	f.feed = name
	f.mu.Unlock()
}

// client sends every request, whatever its address, to the fake server on
// the loopback: the production feed addresses are kept, nothing leaves
// the machine.
func (f *feedFake) client() *http.Client {
	target, _ := url.Parse(f.srv.URL)
	return &http.Client{Timeout: 5 * time.Second, Transport: rewrite{to: target}}
}

// gated is client whose requests wait for gate to close.
func gated(client *http.Client, gate chan struct{}) *http.Client {
	r := client.Transport.(rewrite)
	r.gate = gate
	return &http.Client{Timeout: client.Timeout, Transport: r}
}

// rewrite sends requests to another server; with a gate, only once the
// gate is closed. The test driver runs fyne.Do on the calling goroutine, so
// a check must not end while the test is still building the screen.
type rewrite struct {
	to   *url.URL
	gate chan struct{}
}

func (r rewrite) RoundTrip(req *http.Request) (*http.Response, error) {
	if r.gate != nil {
		<-r.gate
	}
	req = req.Clone(req.Context())
	req.URL.Scheme, req.URL.Host = r.to.Scheme, r.to.Host
	return http.DefaultTransport.RoundTrip(req)
}

// offlineClient reaches a port where nothing listens.
func offlineClient(t *testing.T) *http.Client {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	to, _ := url.Parse("http://" + l.Addr().String())
	l.Close()
	return &http.Client{Timeout: 5 * time.Second, Transport: rewrite{to: to}}
}

// alertsEnv is a French app with a throw-away database whose alerts use
// client; optIn turns them on before the window opens, as a user did
// yesterday.
func alertsEnv(t *testing.T, client *http.Client, optIn bool) *Env {
	t.Helper()
	env := newTestEnv(t) // opened: env.alerts exists
	env.alerts.client = client
	if optIn {
		if err := env.alerts.cache.SetOptIn(true); err != nil {
			t.Fatal(err)
		}
	}
	return env
}

// checked returns a channel told when a background check ends; register
// it after the screens so that it is told after they refreshed.
func checked(a *alertsState) <-chan struct{} {
	done := make(chan struct{}, 4)
	a.onChange(func() {
		if !a.checking {
			select {
			case done <- struct{}{}:
			default:
			}
		}
	})
	return done
}

func waitCheck(t *testing.T, done <-chan struct{}) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the alerts check did not end")
	}
}

func TestDashboardShowsNewestAlertFromFeed(t *testing.T) {
	feeds := newFeedFake(t)
	gate := make(chan struct{})
	env := alertsEnv(t, gated(feeds.client(), gate), true)
	if err := env.alerts.cache.SetTicked([]string{"fortinet", "macos"}); err != nil {
		t.Fatal(err)
	}
	home := homeView(env)
	done := checked(env.alerts) // after the card's own follower: told last
	if !strings.Contains(texts(home), "Lecture des alertes du CERT-FR…") {
		t.Errorf("no word of the check under way:\n%s", texts(home))
	}
	close(gate)
	waitCheck(t, done)
	got := texts(home)
	for _, want := range []string{"Vulnérabilité dans Fortinet FortiOS (exemple)",
		"Publiée le 30 novembre 2026 — Alertes de sécurité du CERT-FR",
		"Concerne un logiciel du cabinet : Pare-feu ou VPN Fortinet (FortiGate)."} {
		if !strings.Contains(got, want) {
			t.Errorf("dashboard lacks %q:\n%s", want, got)
		}
	}
	if feeds.hits.Load() != int32(len(alerts.Feeds())) {
		t.Errorf("feeds requested %d times, want %d (one per feed)", feeds.hits.Load(), len(alerts.Feeds()))
	}
	var opened []string
	old := openURL
	openURL = func(_ fyne.App, u *url.URL) error { opened = append(opened, u.String()); return nil }
	t.Cleanup(func() { openURL = old })
	if len(opened) != 0 {
		t.Fatal("a page opened before any tap")
	}
	tapButton(t, home, "Lire l'alerte sur cert.ssi.gouv.fr")
	if len(opened) != 1 || opened[0] != "https://www.cert.ssi.gouv.fr/alerte/CERTFR-2026-ALE-901/" {
		t.Errorf("tap opened %v, want the alert's page", opened)
	}

	// A second window the same day reads the cache, without a request.
	homeView(env)
	time.Sleep(50 * time.Millisecond)
	if feeds.hits.Load() != int32(len(alerts.Feeds())) {
		t.Errorf("a second dashboard the same day fetched again (%d requests)", feeds.hits.Load())
	}
}

func TestAlertsOffByDefaultFetchNothing(t *testing.T) {
	feeds := newFeedFake(t)
	env := alertsEnv(t, feeds.client(), false)
	w := test.NewTempWindow(t, homeView(env))
	env.Win = w
	settings := newAlertsSettings(env)
	box := settings.content()
	card := alertsCard(env)
	if card.Visible() {
		t.Error("alerts off: a dashboard card shows")
	}
	time.Sleep(100 * time.Millisecond) // a fetch, if one started, would have reached the server
	if n := feeds.hits.Load(); n != 0 {
		t.Fatalf("alerts off: %d requests made, want none", n)
	}
	if settings.on.Checked {
		t.Error("the alerts are on by default")
	}
	if !settings.check.Disabled() {
		t.Error("« Vérifier maintenant » usable while the alerts are off")
	}
	if !strings.Contains(texts(box), "cert.ssi.gouv.fr") || !strings.Contains(texts(box), "Rien d'autre n'est envoyé") {
		t.Errorf("the setting does not say what is sent and to whom:\n%s", texts(box))
	}

	// Turning them on is what starts the first check.
	done := checked(env.alerts)
	test.Tap(settings.on)
	waitCheck(t, done)
	if feeds.hits.Load() == 0 {
		t.Error("turning the alerts on fetched nothing")
	}
	if !strings.Contains(texts(settings.list), "Vulnérabilité dans Microsoft Windows (exemple)") {
		t.Errorf("saved alerts list = %s", texts(settings.list))
	}
	if !card.Visible() || !strings.Contains(texts(card), "Vulnérabilité dans Fortinet FortiOS (exemple)") {
		t.Errorf("alerts on: dashboard card visible %v, %s", card.Visible(), texts(card))
	}

	// Off again: the card goes, the saved alerts stay readable.
	hits := feeds.hits.Load()
	test.Tap(settings.on)
	if card.Visible() || !settings.check.Disabled() {
		t.Error("alerts off again: the card still shows or « Vérifier maintenant » still works")
	}
	if !strings.Contains(texts(settings.list), "Vulnérabilité dans Microsoft Windows (exemple)") {
		t.Error("turning the alerts off emptied the saved list")
	}
	if feeds.hits.Load() != hits {
		t.Error("turning the alerts off made a request")
	}
}

func TestBadFeedKeepsCacheWithFrenchMessage(t *testing.T) {
	for name, setup := range map[string]func(*feedFake) *http.Client{
		"malformed": func(f *feedFake) *http.Client { f.serve("malformed.xml"); return f.client() },
		"offline":   func(f *feedFake) *http.Client { return offlineClient(t) },
	} {
		t.Run(name, func(t *testing.T) {
			feeds := newFeedFake(t)
			env := alertsEnv(t, feeds.client(), true)
			// Two days ago the feeds were read: the cache holds them, a check is due.
			if _, err := env.alerts.cache.Refresh(context.Background(), feeds.client(), alerts.Feeds(), time.Now().Add(-48*time.Hour), false); err != nil {
				t.Fatal(err)
			}
			gate := make(chan struct{})
			env.alerts.client = gated(setup(feeds), gate)
			home := homeView(env)
			done := checked(env.alerts)
			close(gate)
			waitCheck(t, done)
			got := texts(home)
			if !strings.Contains(got, "Vulnérabilité dans Fortinet FortiOS (exemple)") {
				t.Errorf("cache lost after a %s feed:\n%s", name, got)
			}
			want, _ := alerts.ErrorText(env.alerts.lastErr)
			if want.FR == "" || !strings.Contains(got, want.FR) || !strings.Contains(want.FR, "restent affichées") {
				t.Errorf("no French message for a %s feed (error %v):\n%s", name, env.alerts.lastErr, got)
			}
			items, _ := env.alerts.cache.Items(0)
			if len(items) != 3 {
				t.Errorf("cache holds %d alerts after a %s feed, want 3", len(items), name)
			}
		})
	}
}

func TestSettingsWithoutDatabase(t *testing.T) {
	a := test.NewTempApp(t)
	SetupLanguage(langFR)
	env := opened(&Env{App: a})
	box := newAlertsSettings(env).content()
	if !strings.Contains(texts(box), "indisponibles") {
		t.Errorf("no database: %s", texts(box))
	}
	if alertsCard(env) != nil {
		t.Error("no database: an alerts card on the dashboard")
	}
}

// TestGoldenAlertCards renders the dashboard card and the Réglages card
// with a cache read from the recorded feeds, in French and in English, on
// their own (without the navigation, so another section's change leaves
// them alone). Rewrite with `go test -run TestGoldenAlertCards ./ui/ -args -update`.
func TestGoldenAlertCards(t *testing.T) {
	for _, lg := range []string{langFR, langEN} {
		t.Run(lg, func(t *testing.T) {
			feeds := newFeedFake(t)
			env := alertsEnv(t, feeds.client(), true)
			SetupLanguage(lg)
			t.Cleanup(func() { SetupLanguage(langFR) })
			old := alertsNow
			alertsNow = func() time.Time { return goldenNow }
			t.Cleanup(func() { alertsNow = old })
			if err := env.alerts.cache.SetTicked([]string{"fortinet", "windows"}); err != nil {
				t.Fatal(err)
			}
			if _, err := env.alerts.cache.Refresh(context.Background(), feeds.client(), alerts.Feeds(), goldenNow, true); err != nil {
				t.Fatal(err)
			}
			card := alertsCard(env) // not due: no request
			w := test.NewTempWindow(t, card)
			w.Resize(fyne.NewSize(720, 300))
			assertGolden(t, goldenName("home", "", "alerts-card", lg), w.Canvas())
			w = test.NewTempWindow(t, newAlertsSettings(env).content())
			w.Resize(fyne.NewSize(720, 1500))
			assertGolden(t, goldenName("settings", "", "alerts-card", lg), w.Canvas())
			if n := feeds.hits.Load(); n != int32(len(alerts.Feeds())) {
				t.Errorf("%d requests, want only the %d of the cache's fill", n, len(alerts.Feeds()))
			}
		})
	}
}
