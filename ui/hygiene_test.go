package ui

import (
	"bytes"
	"context"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hygie/checks"
	"hygie/checks/probe"
	"hygie/store"
)

var hygieneDay = time.Date(2026, 11, 22, 9, 15, 0, 0, time.Local)

// itemCheck is the check box of item id on today's list, found by the
// item's id.
func itemCheck(t *testing.T, s *todayScreen, id string) *widget.Check {
	t.Helper()
	i := slices.IndexFunc(checks.Catalogue(), func(it checks.Item) bool { return it.ID == id })
	if i < 0 {
		t.Fatalf("no checklist item %q", id)
	}
	found := s.checks[id]
	if found == nil {
		t.Fatalf("no check box for %q on today's list", id)
	}
	return found
}

// newHygieneEnv is an app on the headless driver with a window and, when
// withDB, a database in a temporary folder; the clock is fixed.
func newHygieneEnv(t *testing.T, withDB bool) *Env {
	t.Helper()
	a := test.NewTempApp(t)
	SetupLanguage(langFR)
	env := &Env{App: a, DataDir: t.TempDir()}
	if withDB {
		db, err := store.Open(env.DataDir)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		env.DB = db
	} else {
		env.DBErr = fmt.Errorf("open: %w", store.ErrLocked)
	}
	env.Win = test.NewTempWindow(t, widget.NewLabel(""))
	old := hygieneNow
	hygieneNow = func() time.Time { return hygieneDay }
	t.Cleanup(func() { hygieneNow = old })
	env.open()
	return env
}

func TestTickChangesProgress(t *testing.T) {
	env := newHygieneEnv(t, true)
	s := newTodayScreen(env.hygiene, inBackground)
	env.Win.SetContent(s.content())
	if s.bar.Value != 0 {
		t.Fatalf("progress before any tick = %v, want 0", s.bar.Value)
	}
	test.Tap(itemCheck(t, s, "lock-session"))
	want := 1 / float64(len(checks.Catalogue()))
	if s.bar.Value != want {
		t.Errorf("progress after a tick = %v, want %v", s.bar.Value, want)
	}
	if !itemCheck(t, s, "lock-session").Checked {
		t.Errorf("ticked item is not checked after the refresh")
	}
	rec, err := env.hygiene.list.Load()
	if err != nil || len(rec.Ticks) != 1 || rec.Ticks[0].Day != "2026-11-22" {
		t.Fatalf("stored ticks = %+v, %v", rec.Ticks, err)
	}
	test.Tap(itemCheck(t, s, "lock-session"))
	if s.bar.Value != 0 || itemCheck(t, s, "lock-session").Checked {
		t.Errorf("after unticking: progress %v, checked %v", s.bar.Value, itemCheck(t, s, "lock-session").Checked)
	}
}

func TestChecklistReadOnlyWithoutDatabase(t *testing.T) {
	env := newHygieneEnv(t, false)
	s := newTodayScreen(env.hygiene, inBackground)
	env.Win.SetContent(s.content())
	c := itemCheck(t, s, "lock-session")
	if c == nil || !c.Disabled() {
		t.Fatalf("without a database the items must be shown disabled")
	}
	if !containsText(env.Win.Content(), "lecture seule") {
		t.Errorf("no read-only explanation shown")
	}
	test.Tap(c)
	if c.Checked {
		t.Errorf("a disabled item was ticked")
	}
}

// fakeProbes stands for probe.RunAll.
func fakeProbes(t *testing.T, results []probe.Result) {
	old := runProbes
	runProbes = func(ctx context.Context, cfg probe.Config) []probe.Result { return results }
	t.Cleanup(func() { runProbes = old })
}

func TestVerifyComputerTicksPassesOnly(t *testing.T) {
	env := newHygieneEnv(t, true)
	fakeProbes(t, []probe.Result{
		{ID: probe.Firewall, Status: probe.Pass, Code: probe.CodeFirewallOn, Details: "ufw status: active", Remedy: "pare-feu", At: hygieneDay},
		{ID: probe.Backup, Status: probe.Fail, Code: probe.CodeBackupOld, Params: probe.Params{Age: 72 * time.Hour, Limit: 26 * time.Hour},
			Details: "newest entry: cabinet.db", Remedy: "sauvegardes", At: hygieneDay},
		{ID: probe.DiskEncryption, Status: probe.Unknown, Code: probe.CodeMissing, Details: "lsblk -J: not installed", Remedy: "chiffrement-disque", At: hygieneDay},
	})
	var guide string
	oldGuide := showGuide
	showGuide = func(_ *Env, id string) { guide = id }
	t.Cleanup(func() { showGuide = oldGuide })

	bg := &backgroundRuns{}
	s := newTodayScreen(env.hygiene, bg.run)
	env.Win.SetContent(s.content())
	test.Tap(s.probes.button)
	waitDone(t, bg.done)

	if !itemCheck(t, s, "firewall-on").Checked {
		t.Errorf("firewall item not ticked after a passing probe")
	}
	if itemCheck(t, s, "disk-encryption-on").Checked || itemCheck(t, s, "backup-last-night").Checked {
		t.Errorf("an unknown or failed probe ticked its item")
	}
	if !containsText(s.items, "Vérifié automatiquement le 22 novembre 2026 : Le pare-feu est actif.") {
		t.Errorf("the automatic tick does not say so in a sentence")
	}
	if !containsText(s.items, "L'ordinateur n'a pas pu le vérifier : L'outil qui permet cette vérification n'est pas installé") {
		t.Errorf("the unknown result's reason is not shown")
	}
	if !containsText(s.items, "Dernière sauvegarde il y a 3 jours : plus ancienne que 26 h.") {
		t.Errorf("the failed backup is not said in a sentence")
	}
	// The commands sit behind « Détails », not in the sentences.
	if containsText(s.items, "ufw status") || containsText(s.items, "lsblk") {
		t.Errorf("a command is shown outside « Détails »")
	}
	for _, want := range []string{"ufw status: active", "newest entry: cabinet.db", "lsblk -J: not installed"} {
		if !detailsHold(s.items, want) {
			t.Errorf("no « Détails » holds %q", want)
		}
	}
	// failures first: the first heading and row are the failed backup
	if first := texts(s.items.Objects[0]); !strings.Contains(first, "À corriger") {
		t.Errorf("first group = %q, want the failures", first)
	}
	if row := texts(s.items.Objects[1]); !strings.Contains(row, "sauvegarde de la nuit") {
		t.Errorf("first row = %q, want the failed backup", row)
	}
	tapButton(t, s.items.Objects[1], "Comment corriger")
	if guide != "sauvegardes" {
		t.Errorf("fix-it guide opened = %q, want sauvegardes", guide)
	}
	if !containsText(s.probes.status, "1 en ordre, 1 à corriger, 1 impossible") {
		t.Errorf("summary = %q", s.probes.status.Text)
	}
}

func TestHygieneCardShowsFailuresFirst(t *testing.T) {
	env := newHygieneEnv(t, true)
	m := env.hygiene
	if _, err := m.list.RecordProbes([]probe.Result{{ID: probe.Firewall, Status: probe.Fail, Code: probe.CodeFirewallOff,
		Details: "ufw status: inactive", Remedy: "pare-feu", At: hygieneDay}}, hygieneDay); err != nil {
		t.Fatal(err)
	}
	m.changed()
	var guide string
	oldGuide := showGuide
	showGuide = func(_ *Env, id string) { guide = id }
	t.Cleanup(func() { showGuide = oldGuide })

	card := hygieneCard(env).(*widget.Card)
	box := card.Content.(*fyne.Container)
	if first := texts(box.Objects[0]); !strings.Contains(first, "À corriger : Activer le pare-feu") || !strings.Contains(first, "Le pare-feu est désactivé.") {
		t.Fatalf("first card row = %q, want the firewall failure", first)
	}
	if containsText(box.Objects[0], "ufw") || !detailsHold(box.Objects[0], "ufw status: inactive") {
		t.Errorf("the command must sit behind « Détails » only: row %q", texts(box.Objects[0]))
	}
	tapButton(t, box.Objects[0], "Comment corriger")
	if guide != "pare-feu" {
		t.Errorf("guide = %q, want pare-feu", guide)
	}
	if !containsText(box, "Score d'hygiène") {
		t.Errorf("the card shows no score")
	}
}

func TestPasswordTesterVerdict(t *testing.T) {
	env := newHygieneEnv(t, false)
	bg := &backgroundRuns{}
	s := newPasswordScreen(env, bg.run)
	env.Win.SetContent(s.content())
	test.Type(s.entry, "azerty")
	if !strings.HasPrefix(s.verdict.Text, "Trop faible") || !strings.Contains(s.rules.Text, "un seul suffit") || strings.Contains(s.rules.Text, "c'est le cas") {
		t.Errorf("azerty: verdict %q, rules %q", s.verdict.Text, s.rules.Text)
	}
	if !strings.Contains(s.rules.Text, "mot de passe très courant") {
		t.Errorf("azerty: the common-password weakness is not explained: %q", s.rules.Text)
	}
	s.entry.SetText("")
	test.Type(s.entry, "vR7#kq2!Lm9@xT4$wZ")
	if !strings.HasPrefix(s.verdict.Text, "Solide") || !strings.Contains(s.verdict.Text, "des siècles") || !strings.Contains(s.rules.Text, "caractères spéciaux : c'est le cas") {
		t.Errorf("strong: verdict %q, rules %q", s.verdict.Text, s.rules.Text)
	}
	// A long passphrase rated strong is not also called guessable.
	s.entry.SetText("")
	test.Type(s.entry, "le chat gris dort sur le vieux canape")
	if !strings.HasPrefix(s.verdict.Text, "Solide") || strings.Contains(s.rules.Text, "facile à deviner") || strings.Contains(s.rules.Text, "très courant") {
		t.Errorf("passphrase: verdict %q contradicted by %q", s.verdict.Text, s.rules.Text)
	}
	if strings.Count(s.verdict.Text+s.rules.Text, "bit") > 3 {
		t.Errorf("bits explained more than once: %q", s.verdict.Text)
	}
	if !s.breachBtn.Disabled() || s.breachOpt.Checked {
		t.Errorf("the breach check must be off by default")
	}
	if !strings.Contains(s.breachOpt.Text, "Have I Been Pwned") || !strings.Contains(s.breachNote.Text, "5 caractères") {
		t.Errorf("the breach option must name the service and what is sent: %q / %q", s.breachOpt.Text, s.breachNote.Text)
	}
	// A check's text does not wrap: a long one would force a window wider
	// than a small laptop's screen.
	if w := s.breachOpt.MinSize().Width; w > 600 {
		t.Errorf("breach option is %v wide; keep its label short and explain below", w)
	}
	for _, k := range []string{prefPwName, prefPwPractice, prefPwCity, prefPwProfession} {
		if v := env.App.Preferences().String(k); strings.Contains(v, "vR7") {
			t.Errorf("preference %s holds the password", k)
		}
	}
}

func TestPasswordBreachCheck(t *testing.T) {
	const pw = "motdepasse"
	sum := sha1.Sum([]byte(pw))
	full := strings.ToUpper(hex.EncodeToString(sum[:]))
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		paths = append(paths, r.URL.Path)
		fmt.Fprintf(w, "%s:3\r\n0018A45C4D1DEF81644B54AB7F969B88D65:0\r\n", full[5:])
	}))
	defer srv.Close()
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	old := breachChecker
	t.Cleanup(func() { breachChecker = old })

	env := newHygieneEnv(t, false)
	bg := &backgroundRuns{}
	s := newPasswordScreen(env, bg.run)
	env.Win.SetContent(s.content())
	test.Type(s.entry, pw)
	test.Tap(s.breachOpt)
	cases := []struct{ url, want string }{
		{srv.URL, "apparaît 3 fois"},
		{closed.URL, "hors ligne"},
	}
	for _, c := range cases {
		breachChecker.BaseURL = c.url
		test.Tap(s.breachBtn)
		waitDone(t, bg.done)
		if !strings.Contains(s.breach.Text, c.want) {
			t.Errorf("breach result with %s = %q, want %q", c.url, s.breach.Text, c.want)
		}
	}
	if len(paths) != 1 || paths[0] != "/range/"+full[:5] {
		t.Errorf("requests = %v, want only /range/%s", paths, full[:5])
	}
}

// An answer that arrives after the password was edited is about the old
// password: it must not be shown under the new one.
func TestPasswordBreachAnswerForAnEditedPassword(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-release
		fmt.Fprint(w, "0018A45C4D1DEF81644B54AB7F969B88D65:0\r\n")
	}))
	defer srv.Close()
	old := breachChecker
	t.Cleanup(func() { breachChecker = old })
	breachChecker.BaseURL = srv.URL

	env := newHygieneEnv(t, false)
	bg := &backgroundRuns{}
	s := newPasswordScreen(env, bg.run)
	env.Win.SetContent(s.content())
	test.Type(s.entry, "motdepasse")
	test.Tap(s.breachOpt)
	test.Tap(s.breachBtn)
	test.Type(s.entry, "2")
	close(release)
	waitDone(t, bg.done)
	if s.breach.Text != "" {
		t.Errorf("answer about %q shown under %q: %q", "motdepasse", s.entry.Text, s.breach.Text)
	}
	if s.breachBtn.Disabled() {
		t.Errorf("the breach button stays disabled after the answer")
	}
}

func TestTwoFAInventoryOrdersByRisk(t *testing.T) {
	env := newHygieneEnv(t, true)
	m := env.hygiene
	s := newTwoFAScreen(m)
	env.Win.SetContent(s.content())
	add := func(name string, kind int, on bool, method int) {
		test.Type(s.name, name)
		s.kind.SetSelectedIndex(kind)
		s.enabled.SetChecked(on)
		if on {
			s.method.SetSelectedIndex(method)
		}
		test.Tap(s.add)
	}
	add("Banque du cabinet", 4, true, 0) // app
	before := m.rec.Score(m.today()).Total
	add("Messagerie du cabinet", 0, false, 0)
	add("Doctolib", 5, true, 1) // SMS
	if len(m.rec.Accounts) != 3 {
		t.Fatalf("accounts stored = %d, want 3", len(m.rec.Accounts))
	}
	order := []string{"Messagerie du cabinet", "Doctolib", "Banque du cabinet"}
	for i, name := range order {
		if got := texts(s.list.Objects[i]); !strings.HasPrefix(got, name) {
			t.Errorf("row %d = %q, want %s", i, got, name)
		}
	}
	if after := m.rec.Score(m.today()).Total; after >= before {
		t.Errorf("adding unprotected accounts did not lower the score: %d → %d", before, after)
	}
	// the mailbox gets 2FA by app: it leaves the top of the list
	s.update(m.rec.Accounts[1], "Messagerie du cabinet", true, 0)
	if got := texts(s.list.Objects[0]); !strings.HasPrefix(got, "Doctolib") {
		t.Errorf("after turning 2FA on for the mailbox, first row = %q", got)
	}
	tapButton(t, s.list.Objects[0], "Retirer")
	if len(m.rec.Accounts) != 3 {
		t.Errorf("removed without asking: %d accounts", len(m.rec.Accounts))
	}
	ask := env.Win.Canvas().Overlays().Top()
	if ask == nil || !strings.Contains(dialogTexts(ask), "Doctolib") {
		t.Fatalf("no confirmation naming the account")
	}
	tapDialogButton(t, ask, "Retirer")
	if len(m.rec.Accounts) != 2 {
		t.Errorf("after removing: %d accounts", len(m.rec.Accounts))
	}
}

func TestHistoryHeatMapAndStreak(t *testing.T) {
	env := newHygieneEnv(t, true)
	m := env.hygiene
	for d := 0; d < 3; d++ {
		for _, it := range checks.Catalogue() {
			if d == 2 || it.Freq == checks.Daily { // everything 2 days ago, then the daily items
				if err := m.list.Tick(it.ID, hygieneDay.AddDate(0, 0, -d)); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	m.changed()
	s := newHistoryScreen(m)
	env.Win.SetContent(s.content())
	if s.streak.Text != "Série en cours : 3 jours complets d'affilée" {
		t.Errorf("streak = %q", s.streak.Text)
	}
	last := s.cells[checks.HistoryDays-1].FillColor
	if last != dayColour(1) || s.cells[0].FillColor != emptyDay {
		t.Errorf("heat-map colours: today %v, 90 days ago %v", last, s.cells[0].FillColor)
	}
	if len(s.cells) != checks.HistoryDays {
		t.Errorf("%d cells, want %d", len(s.cells), checks.HistoryDays)
	}
}

var clockCases = []struct {
	now   string
	clock string
	want  string
	err   bool
}{
	{"2026-11-22 07:00", "08:30", "2026-11-22 08:30", false},
	{"2026-11-22 08:30", "08:30", "2026-11-23 08:30", false},
	{"2026-11-22 21:00", "8h05", "2026-11-23 08:05", false},
	{"2026-11-22 07:00", "25:00", "", true},
	{"2026-11-22 07:00", "huit heures", "", true},
	{"2026-11-22 07:00", "", "", true},
}

func TestNextReminder(t *testing.T) {
	for _, c := range clockCases {
		now, _ := time.ParseInLocation("2006-01-02 15:04", c.now, time.Local)
		got, err := nextReminder(now, c.clock)
		if (err != nil) != c.err || (!c.err && got.Format("2006-01-02 15:04") != c.want) {
			t.Errorf("nextReminder(%s, %q) = %v, %v; want %s", c.now, c.clock, got, err, c.want)
		}
	}
}

func TestNextReminderAcrossSummerTime(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	now := time.Date(2026, 3, 28, 20, 0, 0, 0, paris) // summer time starts that night
	got, _ := nextReminder(now, "08:30")
	if got.Day() != 29 || got.Hour() != 8 || got.Minute() != 30 {
		t.Errorf("next reminder = %v, want 29 March 08:30 local", got)
	}
	if d := wakeAfter(now, got); d != maxSleep {
		t.Errorf("wakeAfter = %v, want at most %v", d, maxSleep)
	}
}

func TestShouldRemind(t *testing.T) {
	at := func(hm string) time.Time {
		t, _ := time.ParseInLocation("2006-01-02 15:04", "2026-11-22 "+hm, time.Local)
		return t
	}
	cases := []struct {
		now      time.Time
		last     string
		complete bool
		want     bool
	}{
		{at("08:29"), "", false, false},
		{at("08:30"), "", false, true},
		{at("14:00"), "2026-11-21", false, true},
		{at("14:00"), "2026-11-22", false, false}, // already reminded today
		{at("14:00"), "", true, false},            // nothing left to do
	}
	for _, c := range cases {
		if got := shouldRemind(c.now, "08:30", c.last, "2026-11-22", c.complete); got != c.want {
			t.Errorf("shouldRemind(%v, last %q, complete %v) = %v, want %v", c.now, c.last, c.complete, got, c.want)
		}
	}
}

// trayApp is a test app with a system tray.
type trayApp struct {
	fyne.App
	menu   *fyne.Menu
	window bool // SetSystemTrayWindow was called: closing the window hides it
}

func (a *trayApp) SetSystemTrayMenu(m *fyne.Menu)    { a.menu = m }
func (a *trayApp) SetSystemTrayIcon(fyne.Resource)   {}
func (a *trayApp) SetSystemTrayWindow(w fyne.Window) { a.window = true }

func TestTrayShowsProgressAndReminderSends(t *testing.T) {
	env := newHygieneEnv(t, true)
	tray := &trayApp{App: env.App}
	env.App = tray
	env.App.Preferences().SetBool(prefReminderOn, true)
	env.App.Preferences().SetString(prefReminderAt, "08:00")
	startReminder(env)
	t.Cleanup(func() { env.reminder.timer.Stop() })
	if tray.menu == nil || len(tray.menu.Items) != 2 {
		t.Fatalf("tray menu = %+v", tray.menu)
	}
	total := len(checks.Catalogue())
	if got := tray.menu.Items[0].Label; got != fmt.Sprintf("0 sur %d à jour aujourd'hui", total) {
		t.Errorf("tray progress = %q", got)
	}
	m := env.hygiene
	m.do("tick", func(l *checks.Checklist) error { return l.Tick("lock-session", hygieneDay) })
	if got := tray.menu.Items[0].Label; got != fmt.Sprintf("1 sur %d à jour aujourd'hui", total) {
		t.Errorf("tray progress after a tick = %q", got)
	}
	env.reminder.wake() // 09:15, reminder due at 08:00, list incomplete
	if got := env.App.Preferences().String(prefReminderLast); got != "2026-11-22" {
		t.Errorf("reminder not sent: last = %q", got)
	}
}

// The tray keeps Hygie running when its window is closed: it comes with the
// reminder, at start-up only (Fyne would not show one added later).
func TestTrayOnlyWithTheReminder(t *testing.T) {
	env := newHygieneEnv(t, true)
	tray := &trayApp{App: env.App}
	env.App = tray
	startReminder(env)
	t.Cleanup(func() { env.reminder.timer.Stop() })
	if tray.menu != nil {
		t.Fatalf("a tray with the reminder off: %+v", tray.menu)
	}
	s := newReminderScreen(env.hygiene)
	s.on.SetChecked(true)
	if tray.menu != nil || tray.window {
		t.Fatal("a tray added after start-up: Fyne would never show it, and closing the window would hide Hygie")
	}
	if !env.App.Preferences().Bool(prefReminderOn) {
		t.Fatal("the reminder choice was not saved")
	}
	env.reminder.timer.Stop()
	env.reminder = nil // the next start
	startReminder(env)
	if tray.menu == nil || len(tray.menu.Items) != 2 || !tray.window {
		t.Fatalf("no tray at the start after the reminder was turned on: %+v", tray.menu)
	}
}

func TestReportExport(t *testing.T) {
	env := newHygieneEnv(t, true)
	m := env.hygiene
	m.do("tick", func(l *checks.Checklist) error { return l.Tick("lock-session", hygieneDay) })
	var buf bytes.Buffer
	if err := writeReport(m, &buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) || buf.Len() < 2000 {
		t.Errorf("report is not a PDF (%d bytes)", buf.Len())
	}
	s := newReminderScreen(m)
	if msg, ok := s.export(failingWriter{}, "/x/r.pdf"); ok || !strings.Contains(msg, "n'a pas pu être écrit") {
		t.Errorf("a failed export says %q", msg)
	}
	path := filepath.Join(t.TempDir(), "rapport.pdf")
	u := storage.NewFileURI(path)
	w, err := storage.Writer(u)
	if err != nil {
		t.Fatal(err)
	}
	msg, ok := s.export(w, path)
	if !ok || !strings.Contains(msg, path) {
		t.Errorf("a saved report says %q, want its path", msg)
	}
	s.showSaved(u)
	if got := texts(s.saved); got != "Ouvrir | Afficher le dossier" {
		t.Errorf("after saving, buttons %q", got)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }
func (failingWriter) Close() error              { return nil }

func TestHygieneErrorMessages(t *testing.T) {
	test.NewTempApp(t)
	SetupLanguage(langFR)
	if msg := hygieneErrorMessage(fmt.Errorf("tick: %w", store.ErrLocked)); !strings.Contains(msg, "Rien n'a été perdu") {
		t.Errorf("locked: %q", msg)
	}
	if msg := hygieneErrorMessage(errors.New("boom")); !strings.Contains(msg, "intact") {
		t.Errorf("other: %q", msg)
	}
}

// backgroundRuns is a screen's background seam whose last run a test can
// wait for.
type backgroundRuns struct{ done chan struct{} }

func (b *backgroundRuns) run(f func()) {
	done := make(chan struct{})
	b.done = done
	go func() {
		defer close(done)
		f()
	}()
}

// waitDone waits for a background run the screen started.
func waitDone(t *testing.T, done chan struct{}) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("background work did not finish")
	}
}

// texts joins the text of every label, check and button under o.
func texts(o fyne.CanvasObject) string {
	var out []string
	walk(o, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *widget.Check:
			if w.Text != "" {
				out = append(out, w.Text)
			}
		case *toggleLabel:
			out = append(out, w.Text)
		case *widget.Button:
			out = append(out, w.Text)
		case *button:
			out = append(out, w.Text)
		}
	})
	return strings.Join(out, " | ")
}

func containsText(o fyne.CanvasObject, s string) bool { return strings.Contains(texts(o), s) }

func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			walk(c, fn)
		}
	case *widget.Card:
		walk(w.Content, fn)
	case *container.Scroll:
		walk(w.Content, fn)
	case *tabs:
		for _, it := range w.Items {
			walk(it.Content, fn)
		}
	}
}

func tapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	var found *widget.Button
	walk(o, func(o fyne.CanvasObject) {
		if b, ok := asButton(o); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q in %s", text, texts(o))
	}
	test.Tap(found)
}

// TestHowToOpensTheGuide: the "how to do it" button opens the real guide.
func TestHowToOpensTheGuide(t *testing.T) {
	env := newHygieneEnv(t, true)
	s := newTodayScreen(env.hygiene, inBackground)
	env.Win.SetContent(s.content())
	tapButton(t, s.items, "Comment faire")
	guide := env.Win.Canvas().Overlays().Top()
	if guide == nil {
		t.Fatalf("no guide dialog opened")
	}
	env.Win.Canvas().Overlays().Remove(guide)
}

func TestReportStartsInDocuments(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_DOCUMENTS_DIR", "")
	if got := documentsDir(); got != home {
		t.Errorf("without Documents: %q, want the home folder %q", got, home)
	}
	docs := filepath.Join(home, "Documents")
	if err := os.Mkdir(docs, 0o700); err != nil {
		t.Fatal(err)
	}
	if got := documentsDir(); got != docs {
		t.Errorf("documentsDir = %q, want %q", got, docs)
	}
}
