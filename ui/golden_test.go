package ui

// Golden tests: every section, in three states of the data, rendered at
// 900 × 600 with Fyne's test theme and compared with the markup kept in
// testdata/<section>/<state>.xml (<state>.en.xml in English). A layout
// change then shows as a failed test and a diff to read.
//
// After a deliberate change of a screen, rewrite them with `make golden`
// (go test -run TestGolden ./ui/ -args -update), look at `git diff
// ui/testdata` and commit the files with the change. A failed comparison
// writes what was rendered to testdata/failed/ (ignored by git).

import (
	"context"
	"flag"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hygie/checks"
	"hygie/checks/probe"
	"hygie/guides"
	"hygie/incident"
	"hygie/mail"
	"hygie/mail/mailbox"
	"hygie/mail/mailbox/mailboxtest"
	"hygie/store"
)

var update = flag.Bool("update", false, "rewrite the golden files under ui/testdata from the screens as they render now")

// goldenSize is the window of the golden and walk tests: a small laptop
// screen once the task bar and the window's title are taken off.
var goldenSize = fyne.NewSize(900, 600)

// goldenNow is the fixed clock of the golden and walk tests: a Monday.
var goldenNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.Local)

// goldenDataDir is shown by the settings screen; a fixed path keeps the
// markup the same on every machine (the database lives in t.TempDir()).
const goldenDataDir = "/home/cabinet/.local/share/hygie"

func init() {
	// The screens show dates in local time: fix the zone (French winter
	// time) so the goldens do not depend on the machine's. Set before any
	// test runs, so no goroutine reads it while it changes.
	time.Local = time.FixedZone("CET", 3600)
	goldenNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.Local)
}

// Data states of the golden tests.
const (
	stateEmpty       = "empty"       // fresh database
	statePopulated   = "populated"   // ticks, history, 2FA, journal, scanned mail
	stateUnavailable = "unavailable" // the database could not be opened
)

var goldenStates = []string{stateEmpty, statePopulated, stateUnavailable}

// fixClocks fixes every clock the screens read and replaces the computer
// probes by one that fails the test: a golden never reads the machine.
func fixClocks(t *testing.T) {
	t.Helper()
	oldH, oldG, oldI, oldP := hygieneNow, guidesNow, incidentNow, runProbes
	fixed := func() time.Time { return goldenNow }
	hygieneNow, guidesNow, incidentNow = fixed, fixed, fixed
	runProbes = func(context.Context, probe.Config) []probe.Result {
		t.Error("a golden test ran the computer probes")
		return nil
	}
	t.Cleanup(func() { hygieneNow, guidesNow, incidentNow, runProbes = oldH, oldG, oldI, oldP })
}

// goldenWindow opens Hygie's window in language lg on data in state, at
// goldenSize, on Fyne's headless driver and test theme.
func goldenWindow(t *testing.T, state, lg string) (*Env, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	fixClocks(t)
	SetupLanguage(lg)
	t.Cleanup(func() { SetupLanguage(langFR) })
	env := &Env{App: a, DataDir: goldenDataDir}
	switch state {
	case stateUnavailable:
		env.DBErr = fmt.Errorf("open: %w", store.ErrCorrupt)
	default:
		db, err := store.Open(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		env.DB = db
		if state == statePopulated {
			populate(t, env, lg)
		}
	}
	w := NewMainWindow(env)
	t.Cleanup(w.Close)
	w.Resize(goldenSize)
	return env, w
}

// goldenData is what the populated state holds, in the user's language:
// names the user typed are data, not the interface's text.
type goldenData struct {
	twoFA, twoFAOff, note string
}

var goldenTyped = map[string]goldenData{
	langFR: {"Messagerie du cabinet", "Banque du cabinet", "Ordinateur de l'accueil débranché du réseau à 8 h 40."},
	langEN: {"Practice mailbox", "Practice bank", "Reception computer unplugged from the network at 8:40."},
}

// goldenMessages are the messages of the populated mailbox: French mail, as
// a French practice receives, in English too (data, not interface text).
var goldenMessages = [][]byte{
	mailboxtest.Message(1, "Dr Martin <martin@cabinet-martin.fr>", "Compte rendu de la réunion",
		"Bonjour,\nvoici le compte rendu de notre réunion de mardi.\nBien à vous"),
	mailboxtest.Message(2, "\"Assurance Maladie\" <remboursement.ameli@gmail.com>",
		"URGENT : remboursement en attente, mettez à jour votre carte Vitale",
		"Votre remboursement de 245,90 EUR est suspendu.\nMettez à jour vos informations sous 24h : http://185.23.14.9/ameli/login.php\nSans action votre compte sera suspendu."),
	mailboxtest.Message(3, "Service de radiologie <radiologie@chu-exemple.mssante.fr>", "Résultats de votre patient",
		"Bonjour,\nvous trouverez les résultats dans la messagerie sécurisée.\nCordialement"),
}

// populate fills env's database through the domain packages: a few days
// of ticks, probe results, an item set aside, two 2FA accounts, a journal
// entry, guide marks and a scanned mailbox (an in-memory IMAP server on
// the loopback: nothing leaves the machine).
func populate(t *testing.T, env *Env, lg string) {
	t.Helper()
	data := goldenTyped[lg]
	l, err := checks.Open(env.DB)
	if err != nil {
		t.Fatal(err)
	}
	cat := checks.Catalogue()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for d := 1; d <= 4; d++ { // history: the first items on the days before
		day := goldenNow.AddDate(0, 0, -d)
		for _, it := range cat[:d+1] {
			must(l.Tick(it.ID, day))
		}
	}
	must(l.Tick("lock-session", goldenNow))
	must(l.SetNotApplicable(cat[len(cat)-1].ID, map[string]string{langFR: "Pas de Wi-Fi au cabinet", langEN: "No Wi-Fi at the practice"}[lg], goldenNow))
	_, err = l.RecordProbes([]probe.Result{
		{ID: probe.Firewall, Status: probe.Pass, Code: probe.CodeFirewallOn, Details: "ufw status: active", Remedy: "pare-feu", At: goldenNow},
		{ID: probe.Backup, Status: probe.Fail, Code: probe.CodeBackupOld, Params: probe.Params{Age: 72 * time.Hour, Limit: 26 * time.Hour},
			Details: "newest entry: cabinet.db", Remedy: "sauvegardes", At: goldenNow},
	}, goldenNow)
	must(err)
	_, err = l.AddAccount(checks.Account{Name: data.twoFA, Kind: checks.KindMail, Enabled: true, Method: checks.MethodSMS})
	must(err)
	_, err = l.AddAccount(checks.Account{Name: data.twoFAOff, Kind: checks.KindBank})
	must(err)

	j, err := incident.OpenJournal(env.DB)
	must(err)
	_, err = j.Add(goldenNow.Add(-50*time.Minute), incident.Steps()[0].ID, incident.Steps()[0].Title.In(lg))
	must(err)
	_, err = j.Add(goldenNow.Add(-45*time.Minute), "", data.note)
	must(err)

	gs, err := guides.OpenState(env.DB)
	must(err)
	must(gs.SetRead("mssante", true, goldenNow.AddDate(0, 0, -2)))
	must(gs.SetFavorite("sauvegardes", true))

	populateMail(t, env, lg)
}

// populateMail scans goldenMessages from an in-memory server, then gives
// the account a fixed server and the scan fixed times, as the screen shows
// them.
func populateMail(t *testing.T, env *Env, lg string) {
	t.Helper()
	st, err := mailbox.Open(env.DB)
	if err != nil {
		t.Fatal(err)
	}
	srv := mailboxtest.StartMemServer(t)
	srv.Admin(t).AppendAll(t, "INBOX", goldenMessages)
	host, p, _ := net.SplitHostPort(srv.Addr)
	port, _ := strconv.Atoi(p)
	acct := mailbox.Account{Name: "cabinet", Host: host, Port: port, Username: srv.User}
	if err := st.SaveAccount(acct); err != nil {
		t.Fatal(err)
	}
	sc := mailbox.NewScanner(st, mail.NewAnalyzer(mail.Options{Lang: lg}), mailbox.Options{RootCAs: srv.Cert.Pool()})
	if _, err := sc.Scan(context.Background(), acct, srv.Password, mailbox.Hooks{}); err != nil {
		t.Fatal(err)
	}
	acct.Host, acct.Port, acct.Username = "imap.cabinet-exemple.fr", 993, "accueil@cabinet-exemple.fr"
	if err := st.SaveAccount(acct); err != nil {
		t.Fatal(err)
	}
	at := goldenNow.Add(-20 * time.Minute).UTC().Format(time.RFC3339)
	for _, q := range []string{
		`UPDATE mailbox_messages SET scanned_at = ?`,
		`UPDATE mailbox_scans SET started_at = ?, seconds = 2`,
	} {
		if _, err := env.DB.Exec(q, at); err != nil {
			t.Fatal(err)
		}
	}
}

// goldenName is the file of a golden: <section>[-<tab>]/<state>[.en].xml.
func goldenName(section, tab, state, lg string) string {
	name := state
	if tab != "" {
		name += "-" + tab
	}
	if lg != langFR {
		name += "." + lg
	}
	return filepath.Join(section, name+".xml")
}

// assertGolden compares what c renders with testdata/<name>, or rewrites
// it with -update. On a difference it writes the markup to
// testdata/failed/<name>, as Fyne's AssertRendersToMarkup does, and shows
// the first line that differs rather than the whole file.
func assertGolden(t *testing.T, name string, c fyne.Canvas) {
	t.Helper()
	got := test.RenderToMarkup(c)
	master := filepath.Join("testdata", name)
	if *update {
		if err := writeFile(master, got); err != nil {
			t.Fatal(err)
		}
		return
	}
	raw, err := os.ReadFile(master)
	want := strings.ReplaceAll(string(raw), "\r", "")
	if err == nil && want == got {
		return
	}
	failed := filepath.Join("testdata", "failed", name)
	if werr := writeFile(failed, got); werr != nil {
		t.Fatal(werr)
	}
	if err != nil {
		t.Errorf("%s: no golden file (%v); run `make golden` to write it, rendered markup in %s", name, err, failed)
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Errorf("%s differs from its golden at line %d:\n  golden:   %s\n  rendered: %s\nrendered markup in %s; diff it, and after a deliberate change run `make golden`",
				name, i+1, strings.TrimSpace(w), strings.TrimSpace(g), failed)
			return
		}
	}
}

func writeFile(path, s string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(s), 0o644)
}

// screenTabs returns the sub-tabs of a screen (Hygiène's), or nil.
func screenTabs(o fyne.CanvasObject) *tabs {
	var found *tabs
	walkObjects(o, func(o fyne.CanvasObject) bool {
		if found != nil {
			return false
		}
		if tabs, ok := o.(*tabs); ok {
			found = tabs
			return false
		}
		return true
	})
	return found
}

// walkObjects calls visit on o and, while visit returns true, on what o
// holds: a container's objects, a widget's rendered objects.
func walkObjects(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) {
	if o == nil || !visit(o) {
		return
	}
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			walkObjects(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			walkObjects(c, visit)
		}
	}
}

// subTabKeys names the hygiene sub-tabs in the golden files, in order.
var subTabKeys = []string{"today", "history", "password", "twofa", "more"}

// selectFirstMessage shows the detail of the first listed message.
func selectFirstMessage(screen fyne.CanvasObject) {
	walkObjects(screen, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.List); ok {
			l.Select(0)
			return false
		}
		return true
	})
}

func TestGolden(t *testing.T) {
	for _, lg := range []string{langFR, langEN} {
		for _, state := range goldenStates {
			t.Run(lg+"/"+state, func(t *testing.T) {
				env, w := goldenWindow(t, state, lg)
				for _, s := range sections() {
					env.nav.show(s.key)
					screen := env.nav.tabs.Selected().Content
					if s.key == "mail" && state == statePopulated {
						selectFirstMessage(screen)
					}
					assertGolden(t, goldenName(s.key, "", state, lg), w.Canvas())
					if s.key != "hygiene" || state != statePopulated {
						continue
					}
					tabs := screenTabs(screen)
					if tabs == nil || len(tabs.Items) != len(subTabKeys) {
						t.Fatalf("hygiene: sub-tabs %v, want %d (update subTabKeys)", tabs, len(subTabKeys))
					}
					for i := 1; i < len(tabs.Items); i++ {
						tabs.SelectIndex(i)
						assertGolden(t, goldenName(s.key, subTabKeys[i], state, lg), w.Canvas())
					}
					tabs.SelectIndex(0)
				}
			})
		}
	}
}
