package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hygie/mail"
	"hygie/mail/mailbox"
	"hygie/mail/mailbox/mailboxtest"
	"hygie/store"
)

// brokenKeychain behaves like a desktop without Secret Service.
type brokenKeychain struct{}

func (brokenKeychain) Get(string) (string, error) { return "", mailbox.ErrKeychainUnavailable }
func (brokenKeychain) Set(string, string) error   { return mailbox.ErrKeychainUnavailable }
func (brokenKeychain) Delete(string) error        { return mailbox.ErrKeychainUnavailable }

var uiMessages = [][]byte{
	mailboxtest.Message(1, "Dr Martin <martin@cabinet-martin.fr>", "Compte rendu de la réunion",
		"Bonjour,\nvoici le compte rendu de notre réunion de mardi.\nBien à vous"),
	mailboxtest.Message(2, "\"Assurance Maladie\" <remboursement.ameli@gmail.com>",
		"URGENT : remboursement en attente, mettez à jour votre carte Vitale",
		"Votre remboursement de 245,90 EUR est suspendu.\nMettez à jour vos informations sous 24h : http://185.23.14.9/ameli/login.php\nSans action votre compte sera suspendu."),
	mailboxtest.Message(3, "Service de radiologie <radiologie@chu-exemple.mssante.fr>", "Résultats de votre patient",
		"Bonjour,\nvous trouverez les résultats dans la messagerie sécurisée.\nCordialement"),
}

// mailFixture is a screen with a database, an in-memory IMAP server holding
// uiMessages and a saved account whose certificate is pinned.
type mailFixture struct {
	s    *mailScreen
	env  *Env
	srv  *mailboxtest.MemServer
	acct mailbox.Account
	st   *mailbox.Store
	ui   chan func() // what the scan hands to the UI goroutine
}

func newMailFixture(t *testing.T, keys mailbox.Keychain, pin bool) *mailFixture {
	t.Helper()
	env := newTestEnv(t)
	srv := mailboxtest.StartMemServer(t)
	srv.Admin(t).AppendAll(t, "INBOX", uiMessages)
	st := env.mail.store
	host, p, _ := net.SplitHostPort(srv.Addr)
	port, _ := strconv.Atoi(p)
	acct := mailbox.Account{Name: "cabinet", Host: host, Port: port, Username: srv.User}
	if pin {
		acct.PinnedSHA256 = srv.Cert.SHA256
	}
	if err := st.SaveAccount(acct); err != nil {
		t.Fatal(err)
	}
	ui := make(chan func(), 1000)
	s := newMailScreen(env, keys, func(fn func()) { ui <- fn })
	s.session = &mailbox.MemoryKeychain{}
	env.Win = test.NewTempWindow(t, s.content())
	env.Win.Resize(fyne.NewSize(1000, 700))
	return &mailFixture{s: s, env: env, srv: srv, acct: acct, st: st, ui: ui}
}

// scan taps "Analyser" and waits for the scan to end.
func (f *mailFixture) scan(t *testing.T) {
	t.Helper()
	test.Tap(f.s.scanBtn)
	f.wait(t)
}

// wait runs what the scan hands to the UI until the scan has ended, which
// the screen shows by hiding « Annuler ».
func (f *mailFixture) wait(t *testing.T) {
	t.Helper()
	if !f.s.cancelBtn.Visible() {
		t.Fatal("no scan started")
	}
	timeout := time.After(20 * time.Second)
	for f.s.cancelBtn.Visible() {
		select {
		case fn := <-f.ui:
			fn()
		case <-timeout:
			t.Fatal("scan did not end within 20 s")
		}
	}
	f.pump()
}

// findObject returns the first object under o that keep accepts.
func findObject(o fyne.CanvasObject, keep func(fyne.CanvasObject) bool) fyne.CanvasObject {
	if keep(o) {
		return o
	}
	var kids []fyne.CanvasObject
	switch v := o.(type) {
	case *fyne.Container:
		kids = v.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(v).Objects()
	}
	for _, c := range kids {
		if found := findObject(c, keep); found != nil {
			return found
		}
	}
	return nil
}

// passwordPrompt is the password box of the dialog on top of the window,
// or nil when none asks.
func (f *mailFixture) passwordPrompt() *widget.Entry {
	top := f.env.Win.Canvas().Overlays().Top()
	if top == nil {
		return nil
	}
	e, _ := findObject(top, func(o fyne.CanvasObject) bool {
		e, ok := o.(*field)
		return ok && e.Password
	}).(*field)
	if e == nil {
		return nil
	}
	return &e.Entry
}

// dialogButton is the button labelled text in the dialog on top.
func (f *mailFixture) dialogButton(t *testing.T, text string) *widget.Button {
	t.Helper()
	top := f.env.Win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog to press %q in", text)
	}
	b, _ := asButton(findObject(top, func(o fyne.CanvasObject) bool {
		b, ok := asButton(o)
		return ok && b.Text == text
	}))
	if b == nil {
		t.Fatalf("no button %q in the dialog", text)
	}
	return b
}

// pump runs, as the UI goroutine would, what the scan handed over.
func (f *mailFixture) pump() {
	for {
		select {
		case fn := <-f.ui:
			fn()
		default:
			return
		}
	}
}

// row renders list row i as the list would.
// The MSSanté badge is the start of the subject's text.
func (f *mailFixture) row(i int) (verdict, text *widget.Label) {
	o := f.s.list.CreateItem()
	f.s.list.UpdateItem(i, o)
	c := o.(*fyne.Container)
	return c.Objects[1].(*widget.Label), c.Objects[0].(*widget.Label)
}

// hasButton reports whether c holds a button whose label contains text.
func hasButton(c *fyne.Container, text string) bool {
	for _, o := range c.Objects {
		if b, ok := asButton(o); ok && strings.Contains(b.Text, text) {
			return true
		}
	}
	return false
}

func detailText(s *mailScreen) string {
	var b strings.Builder
	for _, o := range s.detail.Objects {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

func TestMailScanShowsVerdictsAndFindings(t *testing.T) {
	keys := &mailbox.MemoryKeychain{}
	f := newMailFixture(t, keys, true)
	keys.Set("cabinet", f.srv.Password)
	f.scan(t)
	if len(f.s.msgs) != len(uiMessages) || f.s.list.Length() != len(uiMessages) {
		t.Fatalf("list shows %d messages, want %d (status %q)", f.s.list.Length(), len(uiMessages), f.s.status.Text)
	}
	if !strings.Contains(f.s.status.Text, "3 messages dans la boîte, 3 nouveaux analysés") || !f.s.scanBtn.Visible() || f.s.cancelBtn.Visible() || f.s.bar.Visible() {
		t.Errorf("after the scan: status %q, cancel visible %v, bar visible %v", f.s.status.Text, f.s.cancelBtn.Visible(), f.s.bar.Visible())
	}
	an := mail.NewAnalyzer(mail.Options{Lang: "fr"})
	for i, m := range f.s.msgs {
		verdict, text := f.row(i)
		if verdict.Text != mailVerdictText(m.Report.Verdict) || verdict.Importance != mailVerdictImportance(m.Report.Verdict) {
			t.Errorf("row %d verdict %q (importance %v), want %q", i, verdict.Text, verdict.Importance, mailVerdictText(m.Report.Verdict))
		}
		if wantBadge := m.Report.Channel == mail.ChannelMSSante; strings.HasPrefix(text.Text, "[MSSanté] ") != wantBadge {
			t.Errorf("row %d (%s) text %q, channel %s: badge shown = %v", i, m.Report.Subject, text.Text, m.Report.Channel, !wantBadge)
		}
		if !strings.Contains(text.Text, m.Report.Subject) {
			t.Errorf("row %d text %q lacks the subject %q", i, text.Text, m.Report.Subject)
		}
		want, err := an.Analyze(bytes.NewReader(uiMessages[m.UID-1]))
		if err != nil {
			continue // engine cannot judge it: nothing more to compare
		}
		if m.Report.Verdict != want.Verdict {
			t.Errorf("uid %d shown as %s, engine says %s", m.UID, m.Report.Verdict, want.Verdict)
		}
		f.s.list.Select(i)
		shown := detailText(f.s)
		for _, fd := range want.Findings {
			if !strings.Contains(shown, fd.Title) || !strings.Contains(shown, fd.Explanation) {
				t.Errorf("detail of uid %d lacks finding %q:\n%s", m.UID, fd.Title, shown)
			}
		}
		if !strings.Contains(shown, fmt.Sprintf("%d/100", want.Score)) {
			t.Errorf("detail of uid %d lacks the score %d", m.UID, want.Score)
		}
		if !strings.Contains(shown, "Premier message de cette adresse") {
			t.Errorf("detail of uid %d does not say it is the first message from its address:\n%s", m.UID, shown)
		}
		if a := mail.Advice(want.Verdict, "fr"); !strings.Contains(shown, a) {
			t.Errorf("detail of uid %d (%s) lacks the next step %q", m.UID, want.Verdict, a)
		}
		if hasButton(f.s.detail, "En cas d'attaque") != m.Flagged() {
			t.Errorf("detail of uid %d (%s): button to « En cas d'attaque » shown = %v", m.UID, want.Verdict, !m.Flagged())
		}
	}
	if rep, err := an.Analyze(bytes.NewReader(uiMessages[2])); err == nil && rep.Channel == mail.ChannelMSSante {
		if _, text := f.row(indexOfUID(f.s.msgs, 3)); !strings.HasPrefix(text.Text, "[MSSanté] ") {
			t.Error("the MSSanté message shows no MSSanté badge")
		}
	}
}

func indexOfUID(msgs []mailbox.Message, uid uint32) int {
	for i, m := range msgs {
		if m.UID == uid {
			return i
		}
	}
	return -1
}

func TestMailKeychainUnavailableAsksEachTime(t *testing.T) {
	f := newMailFixture(t, brokenKeychain{}, true)
	test.Tap(f.s.scanBtn)
	pw := f.passwordPrompt()
	if pw == nil {
		t.Fatal("no password prompt while the keychain is unavailable")
	}
	if !f.s.keychainDown {
		t.Error("screen did not switch to ask-each-time mode")
	}
	test.Type(pw, f.srv.Password)
	pw.OnSubmitted(pw.Text) // Enter
	f.wait(t)
	if len(f.s.msgs) != len(uiMessages) {
		t.Fatalf("after typing the password the list shows %d messages (status %q)", len(f.s.msgs), f.s.status.Text)
	}
	if pw, err := f.s.session.Get("cabinet"); err != nil || pw != f.srv.Password {
		t.Errorf("password kept in memory = %v; want it for this session", err)
	}
	f.s.list.Select(1)
	picked := messageKey(f.s.msgs[f.s.shown[1]])
	test.Tap(f.s.scanBtn) // second scan: no prompt, the memory serves
	if f.passwordPrompt() != nil {
		t.Error("asked again within the same session")
	}
	f.wait(t)
	if !strings.Contains(f.s.status.Text, "0 nouveau analysé") {
		t.Errorf("second scan status %q, want nothing new", f.s.status.Text)
	}
	if f.s.selected != picked || !strings.Contains(detailText(f.s), f.s.msgs[f.s.shown[1]].Report.Subject) {
		t.Errorf("the selected message was lost by the scan: selected %q, want %q", f.s.selected, picked)
	}
}

func TestMailAccountFormPresetAndSave(t *testing.T) {
	keys := &mailbox.MemoryKeychain{}
	f := newMailFixture(t, keys, true)
	form := f.s.openAccountForm(nil)
	form.preset.SetSelected("Orange / Wanadoo")
	if form.host.Text != "imap.orange.fr" || form.port.Text != "993" || !strings.Contains(form.note.Text, "orange.fr") {
		t.Errorf("Orange preset gave host %q port %q note %q", form.host.Text, form.port.Text, form.note.Text)
	}
	opts, _ := securityLabels()
	form.security.SetSelected(opts[1])
	if form.port.Text != "143" {
		t.Errorf("choosing STARTTLS left port %q, want 143", form.port.Text)
	}
	form.security.SetSelected(opts[0])
	test.Type(form.user, "kine@orange.fr")
	test.Type(form.pw, "mdp-orange")
	form.host.SetText("imap2.orange.fr") // every preset field can be overridden
	if !form.onSave() {
		t.Fatalf("save refused: %q", form.result.Text)
	}
	a, err := f.st.Account("kine@orange.fr")
	if err != nil || a.Host != "imap2.orange.fr" || a.Port != 993 || a.Security != mailbox.TLS || a.Preset != "orange" {
		t.Errorf("saved account = %+v, %v", a, err)
	}
	if pw, _ := keys.Get("kine@orange.fr"); pw != "mdp-orange" {
		t.Errorf("keychain holds %q, want the typed password", pw)
	}
	if f.s.accountSel.Selected != "kine@orange.fr" {
		t.Errorf("selected account %q, want the new one", f.s.accountSel.Selected)
	}
	form = f.s.openAccountForm(nil)
	form.user.SetText("x")
	form.host.SetText("")
	if form.onSave() || !strings.Contains(form.result.Text, "incomplets") {
		t.Errorf("incomplete account saved or unexplained: %q", form.result.Text)
	}
}

func TestMailAccountSavedWithoutKeychain(t *testing.T) {
	f := newMailFixture(t, brokenKeychain{}, true)
	form := f.s.openAccountForm(nil)
	form.preset.SetSelected("Free")
	test.Type(form.user, "kine@free.fr")
	test.Type(form.pw, "mdp-free")
	if !form.onSave() {
		t.Fatalf("save refused: %q", form.result.Text)
	}
	if pw, err := f.s.session.Get("kine@free.fr"); err != nil || pw != "mdp-free" {
		t.Errorf("password in memory = %q, %v", pw, err)
	}
	if !strings.Contains(f.s.status.Text, "trousseau") || !strings.Contains(f.s.status.Text, "mémoire") {
		t.Errorf("status %q does not explain the memory-only mode", f.s.status.Text)
	}
}

func TestMailUntrustedCertificateThenTrusted(t *testing.T) {
	keys := &mailbox.MemoryKeychain{}
	f := newMailFixture(t, keys, false)
	keys.Set("cabinet", f.srv.Password)
	f.scan(t)
	fp := mailbox.FormatFingerprint(f.srv.Cert.SHA256)
	offer := f.env.Win.Canvas().Overlays().Top()
	if offer == nil || !labelContains(offer, fp) {
		t.Fatalf("untrusted certificate not offered (status %q)", f.s.status.Text)
	}
	if !strings.Contains(f.s.status.Text, "certificat") || len(f.s.msgs) != 0 {
		t.Errorf("status %q, %d messages; want the certificate explained and nothing scanned", f.s.status.Text, len(f.s.msgs))
	}
	if !labelContains(offer, fp) || !labelContains(offer, "Hygie test") {
		t.Errorf("certificate explanation lacks fingerprint or issuer")
	}
	test.Tap(f.dialogButton(t, "Faire confiance à ce certificat")) // the user's explicit choice
	f.scan(t)
	if len(f.s.msgs) != len(uiMessages) {
		t.Errorf("after trusting: %d messages (status %q)", len(f.s.msgs), f.s.status.Text)
	}
}

func TestMailCancel(t *testing.T) {
	keys := &mailbox.MemoryKeychain{}
	f := newMailFixture(t, keys, true)
	keys.Set("cabinet", f.srv.Password)
	proxy := mailboxtest.StartProxy(t, f.srv.Addr, mailboxtest.Fault{AfterBytes: 2500, Stall: true})
	_, p, _ := net.SplitHostPort(proxy.Addr)
	f.acct.Port, _ = strconv.Atoi(p)
	f.st.SaveAccount(f.acct)
	f.s.refreshAccounts("cabinet")
	test.Tap(f.s.scanBtn)
	if !f.s.cancelBtn.Visible() || f.s.scanBtn.Disabled() == false {
		t.Error("while scanning: cancel hidden or scan button enabled")
	}
	time.Sleep(200 * time.Millisecond) // let it reach the stalled link
	f.pump()
	test.Tap(f.s.cancelBtn)
	f.wait(t)
	if !strings.Contains(f.s.status.Text, "interrompue") {
		t.Errorf("status after cancel = %q", f.s.status.Text)
	}
}

func TestMailCardFollowsScans(t *testing.T) {
	keys := &mailbox.MemoryKeychain{}
	f := newMailFixture(t, keys, true)
	before, ok := mailCard(f.env).(*widget.Card)
	if !ok || !labelContains(before, "Aucune analyse encore") {
		t.Error("before any scan, the card does not invite to run one")
	}
	keys.Set("cabinet", f.srv.Password)
	f.scan(t)
	if !labelContains(before, "Dernière analyse") {
		t.Error("the card shown before the first scan was not updated by it")
	}
	card, ok := mailCard(f.env).(*widget.Card)
	if !ok {
		t.Fatal("no card after a scan")
	}
	rec, _, _ := f.st.LastScan()
	text := card.Content.(*fyne.Container).Objects[0].(*widget.Label)
	if text.Text != mailCardText(rec) || !strings.Contains(text.Text, "Dernière analyse") {
		t.Errorf("card says %q, want %q", text.Text, mailCardText(rec))
	}
	f.srv.Admin(t).AppendAll(t, "INBOX", uiMessages[1:2])
	text.SetText("")
	f.scan(t)
	if text.Text == "" {
		t.Error("card not refreshed after a new scan")
	}
}

func TestMailWithoutDatabase(t *testing.T) {
	a := test.NewTempApp(t)
	SetupLanguage(langFR)
	env := opened(&Env{App: a, DBErr: store.ErrLocked})
	w := test.NewTempWindow(t, mailView(env))
	if w.Content() == nil || mailCard(env) != nil {
		t.Error("without a database the screen must still show and the card stay hidden")
	}
}

var mailErrorCases = []struct {
	err  error
	want string
}{
	{context.Canceled, "interrompue"},
	{fmt.Errorf("scan: %w", mailbox.ErrAuth), "mot de passe refusé"},
	{&mailbox.CertError{Host: "h"}, "certificat"},
	{mailbox.ErrRefused, "refuse la connexion"},
	{mailbox.ErrHostNotFound, "introuvable"},
	{mailbox.ErrTimeout, "pas assez vite"},
	{mailbox.ErrDropped, "coupé la connexion"},
	{mailbox.ErrTLS, "STARTTLS"},
	{mailbox.ErrMailboxNotFound, "dossiers"},
	{mailbox.ErrKeychainUnavailable, "trousseau"},
	{store.ErrReadOnly, "écrire"},
	{errors.New("boom"), "n'a pas abouti"},
}

func TestMailErrorMessages(t *testing.T) {
	SetupLanguage(langFR)
	for _, c := range mailErrorCases {
		if got := mailErrorMessage(c.err); !strings.Contains(got, c.want) {
			t.Errorf("mailErrorMessage(%v) = %q, want it to mention %q", c.err, got, c.want)
		}
	}
}

// Analyses are stored in the language of the scan; the detail reads them in
// the language on screen.
func TestMailDetailFollowsTheLanguage(t *testing.T) {
	keys := &mailbox.MemoryKeychain{}
	f := newMailFixture(t, keys, true)
	keys.Set("cabinet", f.srv.Password)
	f.scan(t) // in French
	i := slices.IndexFunc(f.s.msgs, func(m mailbox.Message) bool { return m.Flagged() })
	if i < 0 {
		t.Fatal("no flagged message to show")
	}
	SetupLanguage(langEN)
	t.Cleanup(func() { SetupLanguage(langFR) })
	f.s.list.Select(i)
	shown := detailText(f.s)
	for _, fd := range f.s.msgs[i].Report.Findings {
		if en := fd.Localized("en"); !strings.Contains(shown, en.Title) || strings.Contains(shown, fd.Title) {
			t.Errorf("finding %s: detail shows %q, want its English title %q", fd.ID, shown, en.Title)
		}
	}
	if !strings.Contains(shown, "What to do:") {
		t.Errorf("the next step is not in English:\n%s", shown)
	}
}

// A cache that cannot be read says so, rather than showing an empty list.
func TestMailListReadFailureSaysSo(t *testing.T) {
	keys := &mailbox.MemoryKeychain{}
	f := newMailFixture(t, keys, true)
	keys.Set("cabinet", f.srv.Password)
	f.scan(t)
	f.env.DB.Close()
	f.s.setStatus("", widget.MediumImportance)
	f.s.refreshMessages()
	if !strings.Contains(f.s.status.Text, "Rien n'est perdu") || f.s.status.Importance != widget.DangerImportance {
		t.Errorf("after a failed read: status %q (importance %v)", f.s.status.Text, f.s.status.Importance)
	}
}

// Before any account, the dashboard says what the mail inspector does and
// offers to add the practice's mailbox.
func TestMailCardInvitesToAddAMailbox(t *testing.T) {
	env := newTestEnv(t)
	card, ok := mailCard(env).(*widget.Card)
	if !ok || !labelContains(card, "sans rien changer dans la boîte") {
		t.Fatal("no invitation to add a mailbox")
	}
	if !hasButton(card.Content.(*fyne.Container), "Ajouter la boîte du cabinet") {
		t.Error("the card does not offer to add the practice's mailbox")
	}
}

func TestAttachmentsText(t *testing.T) {
	test.NewTempApp(t)
	SetupLanguage(langFR)
	got := attachmentsText([]mail.Attachment{
		{Name: "facture\u202Efdp.exe", Size: 48_213},
		{Name: "", Size: 512},
		{Name: strings.Repeat("a", 200) + ".pdf", Size: 3_400_000},
	})
	if strings.ContainsRune(got, '\u202E') || !strings.Contains(got, "facturefdp.exe (48 Ko)") {
		t.Errorf("a name with a direction character: %q", got)
	}
	if !strings.Contains(got, "(sans nom) (512 octets)") || !strings.Contains(got, "… (3,4 Mo)") {
		t.Errorf("unnamed or long attachment: %q", got)
	}
	if !strings.HasPrefix(got, "Pièces jointes : ") {
		t.Errorf("got %q", got)
	}
}
