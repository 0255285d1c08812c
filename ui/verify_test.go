package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hygie/mail"
	"hygie/mail/demo"
	"hygie/mail/mailbox"
)

// msgSamples holds the shared Outlook samples, beside the worktrees.
var msgSamples = filepath.Join("..", "..", "shared", "msg-samples")

// inline runs the verify view's work at once, on the test goroutine.
func inline(v *verifyScreen) {
	v.work = func(f func()) { f() }
	v.do = func(f func()) { f() }
}

// demoRaw is the source of the demo message called name.
func demoRaw(t *testing.T, name string) []byte {
	t.Helper()
	for _, m := range demo.Messages() {
		if m.Name == name {
			return m.Raw
		}
	}
	t.Fatalf("no demo message %s", name)
	return nil
}

// listText is the text of every label of the detail pane of l.
func listDetail(l *msgList) string {
	var b strings.Builder
	for _, o := range l.detail.Objects {
		if lb, ok := o.(*widget.Label); ok {
			b.WriteString(lb.Text + "\n")
		}
	}
	return b.String()
}

func writeURIFile(t *testing.T, dir, name string, data []byte) fyne.URI {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return storage.NewFileURI(p)
}

// TestVerifyDropOnWindow drops files on the window, through the callback
// NewMainWindow registers (dropHandler): the mail section opens on
// « Vérifier un message » with one verdict per message.
func TestVerifyDropOnWindow(t *testing.T) {
	env, w := newTestWindow(t)
	defer w.Close()
	openVerify(env, nil) // builds the mail section, as the first drop does
	v := env.mail.verify
	if v == nil {
		t.Fatal("no verify view after openVerify")
	}
	inline(v)
	if env.nav.current() != "mail" {
		t.Errorf("section %q after opening the check, want mail", env.nav.current())
	}
	dir := t.TempDir()
	phish := writeURIFile(t, dir, "faux-ameli.eml", demoRaw(t, "01-ameli-faux-remboursement.eml"))
	safe := writeURIFile(t, dir, "collegue.eml", demoRaw(t, "08-collegue-remplacement.eml"))
	dropHandler(env)(fyne.NewPos(10, 10), []fyne.URI{phish, safe})
	if got := v.list.list.Length(); got != 2 {
		t.Fatalf("after dropping 2 messages the list shows %d (errors %q)", got, v.errs.Text)
	}
	shown := listDetail(v.list)
	if !strings.Contains(shown, "Dangereux") || !strings.Contains(shown, "Fausse adresse d'un organisme connu") {
		t.Errorf("detail of the dropped phishing message:\n%s", shown)
	}
	if !strings.Contains(shown, "« https://espacepro.ameli.fr » mène à http://remboursement-ameli-pro.com/espacepro/login.php") {
		t.Errorf("detail does not show the link as its text and destination:\n%s", shown)
	}
	if !hasButton(v.list.detail, "Signal Spam") || !hasButton(v.list.detail, "Phishing Initiative") || !hasGuideLink(v.list.detail) {
		t.Errorf("detail lacks the report buttons or the guide link")
	}
	if !strings.Contains(shown, "Assurance Maladie") || !strings.Contains(shown, "assurance-maladie.ameli.fr") {
		t.Errorf("detail lacks the Assurance Maladie's own reporting advice:\n%s", shown)
	}
	if v.errs.Visible() {
		t.Errorf("errors shown for good messages: %q", v.errs.Text)
	}
}

// TestVerifyStoresNothing: a check leaves the mailbox tables empty.
func TestVerifyStoresNothing(t *testing.T) {
	env := newTestEnv(t)
	v := newVerifyScreen(env, nil)
	inline(v)
	test.NewTempWindow(t, v.content())
	v.onPasted(string(demoRaw(t, "03-compte-rendu-gmail.eml")))
	if v.list.list.Length() != 1 {
		t.Fatalf("paste gave %d messages (errors %q)", v.list.list.Length(), v.errs.Text)
	}
	accts, _ := env.mail.store.Accounts()
	msgs, _ := env.mail.store.Messages("")
	_, scanned, _ := env.mail.store.LastScan()
	if len(accts) != 0 || len(msgs) != 0 || scanned {
		t.Errorf("a check wrote to the store: %d accounts, %d messages, scan %v", len(accts), len(msgs), scanned)
	}
}

// TestVerifyFileDialog calls what the file dialog calls back with.
func TestVerifyFileDialog(t *testing.T) {
	env := newTestEnv(t)
	v := newVerifyScreen(env, nil)
	inline(v)
	env.Win = test.NewTempWindow(t, v.content())
	u := writeURIFile(t, t.TempDir(), "facture.eml", demoRaw(t, "07-facture-piece-jointe.eml"))
	r, err := storage.Reader(u)
	if err != nil {
		t.Fatal(err)
	}
	v.opened(r, nil)
	if v.list.list.Length() != 1 || !strings.Contains(listDetail(v.list), "Facture_2026-1187.pdf.exe") {
		t.Errorf("opened file: %d messages, detail:\n%s", v.list.list.Length(), listDetail(v.list))
	}
	v.opened(nil, nil) // cancelled: nothing changes
	if v.list.list.Length() != 1 {
		t.Error("cancelling the dialog cleared the result")
	}
	v.opened(nil, errors.New("portal refused"))
	if !v.errs.Visible() {
		t.Error("a dialog error shows no sentence")
	}
}

// TestVerifyPasteForward: a pasted inline forward is judged on the quoted
// original, with the person who forwarded it and the limited-check note.
func TestVerifyPasteForward(t *testing.T) {
	env := newTestEnv(t)
	v := newVerifyScreen(env, nil)
	inline(v)
	test.NewTempWindow(t, v.content())
	raw, err := os.ReadFile(filepath.Join("..", "mail", "testdata", "forward", "transfert-gmail.eml"))
	if err != nil {
		t.Fatal(err)
	}
	v.onPasted("\n  " + string(raw))
	shown := listDetail(v.list)
	for _, want := range []string{"Message transféré : voici l'analyse de l'original", "Transféré par : paul.bernard.kine@gmail.com",
		"seul son texte a été vérifié", "Cotisation ordinale 2026 impayée"} {
		if !strings.Contains(shown, want) {
			t.Errorf("forward detail lacks %q:\n%s", want, shown)
		}
	}
}

// TestVerifyBadInput: each input that is no message gets its sentence and
// no verdict.
func TestVerifyBadInput(t *testing.T) {
	env := newTestEnv(t)
	v := newVerifyScreen(env, nil)
	inline(v)
	test.NewTempWindow(t, v.content())
	dir := t.TempDir()
	big := filepath.Join(dir, "enorme.eml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100 << 20); err != nil { // sparse: nothing is written
		t.Fatal(err)
	}
	f.Close()
	cases := []struct {
		name string
		uri  fyne.URI
		want error
	}{
		{"pdf", writeURIFile(t, dir, "ordonnance.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")), mail.ErrNotMail},
		{"image", writeURIFile(t, dir, "photo.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")), mail.ErrNotMail},
		{"zip", writeURIFile(t, dir, "archive.zip", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00")), mail.ErrNotMail},
		{"empty", writeURIFile(t, dir, "vide.eml", nil), mail.ErrEmpty},
		{"corrupt msg", writeURIFile(t, dir, "coupe.msg", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00")), mail.ErrDamaged},
		{"100 MB", storage.NewFileURI(big), mail.ErrTooLarge},
		{"no headers", writeURIFile(t, dir, "texte.txt", []byte("Bonjour, voici le texte du message sans ses en-têtes.\n")), mail.ErrNoHeaders},
	}
	for _, c := range cases {
		v.dropped([]fyne.URI{c.uri})
		want, _ := mail.InputErrorText(c.want)
		if v.list.list.Length() != 0 || !v.errs.Visible() || !strings.Contains(v.errs.Text, want.FR) {
			t.Errorf("%s: %d verdicts, error %q, want %q", c.name, v.list.list.Length(), v.errs.Text, want.FR)
		}
	}
	v.onPasted("Bonjour,\nvoici le texte copié sans les en-têtes.")
	if want, _ := mail.InputErrorText(mail.ErrNoHeaders); v.list.list.Length() != 0 || !strings.Contains(v.errs.Text, want.FR) {
		t.Errorf("paste without headers: error %q", v.errs.Text)
	}
	v.onPasted("   ")
	if want, _ := mail.InputErrorText(mail.ErrEmpty); !strings.Contains(v.errs.Text, want.FR) {
		t.Errorf("empty paste: error %q", v.errs.Text)
	}
}

// TestVerifyOutlookSamples: a sent .msg says it keeps no delivery trace; a
// contact .msg and a truncated one get their sentence.
func TestVerifyOutlookSamples(t *testing.T) {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(msgSamples, name))
		if errors.Is(err, os.ErrNotExist) {
			t.Skipf("%s absent: the .msg checks need the shared samples", msgSamples)
		}
		return b
	}
	env := newTestEnv(t)
	v := newVerifyScreen(env, nil)
	inline(v)
	test.NewTempWindow(t, v.content())
	dir := t.TempDir()
	v.dropped([]fyne.URI{writeURIFile(t, dir, "envoye.msg", read("sent.msg"))})
	if v.list.list.Length() != 1 || !strings.Contains(listDetail(v.list), mail.NoteNoDeliveryTrace.FR) {
		t.Errorf("sent .msg: %d messages, errors %q, detail:\n%s", v.list.list.Length(), v.errs.Text, listDetail(v.list))
	}
	received := read("attachmentFiles.msg")
	for name, c := range map[string]struct {
		data []byte
		want error
	}{
		"contact.msg": {read("contactAnsi.msg"), mail.ErrNotMessage},
		"coupe.msg":   {received[:len(received)/2], mail.ErrDamaged},
	} {
		v.dropped([]fyne.URI{writeURIFile(t, dir, name, c.data)})
		want, _ := mail.InputErrorText(c.want)
		if v.list.list.Length() != 0 || !strings.Contains(v.errs.Text, want.FR) {
			t.Errorf("%s: %d verdicts, error %q, want %q", name, v.list.list.Length(), v.errs.Text, want.FR)
		}
	}
}

// TestDemoMailbox: a fresh profile shows the demo, labelled « démo », out
// of the counts; once an account exists it is hidden, and comes back on
// request.
func TestDemoMailbox(t *testing.T) {
	env := newTestEnv(t)
	s := newMailScreen(env, &mailbox.MemoryKeychain{}, func(f func()) { f() })
	env.Win = test.NewTempWindow(t, s.content())
	if !s.demoOn || s.list.Length() != len(demo.Messages()) {
		t.Fatalf("fresh profile: demo on %v, %d messages listed, want the %d demo messages", s.demoOn, s.list.Length(), len(demo.Messages()))
	}
	if !s.demoNote.Visible() || !strings.Contains(s.accountSel.Selected, "Démo") {
		t.Errorf("demo not labelled: note visible %v, account %q", s.demoNote.Visible(), s.accountSel.Selected)
	}
	o := s.list.CreateItem()
	s.list.UpdateItem(0, o)
	if text := o.(*fyne.Container).Objects[0].(*widget.Label).Text; !strings.HasPrefix(text, "[démo]") {
		t.Errorf("demo row %q is not labelled « démo »", text)
	}
	s.list.Select(0)
	if d := listDetail(s.msgList); !strings.Contains(d, "Message de démonstration") || s.msgs[0].Report.Verdict != mail.Dangerous {
		t.Errorf("first demo message (%s) detail:\n%s", s.msgs[0].Report.Verdict, d)
	}
	if msgs, _ := env.mail.store.Messages(""); len(msgs) != 0 {
		t.Errorf("the demo wrote %d messages to the store", len(msgs))
	}
	if _, ok, _ := env.mail.store.LastScan(); ok {
		t.Error("the demo recorded a scan")
	}
	if err := env.mail.store.SaveAccount(mailbox.Account{Name: "cabinet", Host: "imap.example", Port: 993, Username: "kine"}); err != nil {
		t.Fatal(err)
	}
	s.refreshAccounts("")
	if s.demoOn || s.list.Length() != 0 || slicesHas(s.accountSel.Options, demoLabel()) {
		t.Errorf("with an account: demo on %v, %d listed, options %v", s.demoOn, s.list.Length(), s.accountSel.Options)
	}
	s.demoCheck.SetChecked(true)
	if !s.demoOn || !env.App.Preferences().Bool(prefMailDemoShow) || s.list.Length() != len(demo.Messages()) {
		t.Errorf("asking for the demo again: demo on %v, %d listed", s.demoOn, s.list.Length())
	}
}

func slicesHas(xs []string, x string) bool {
	for _, s := range xs {
		if s == x {
			return true
		}
	}
	return false
}

// TestMailListFiltersAndSearch drives the widgets on the demo mailbox.
func TestMailListFiltersAndSearch(t *testing.T) {
	env := newTestEnv(t)
	s := newMailScreen(env, &mailbox.MemoryKeychain{}, func(f func()) { f() })
	env.Win = test.NewTempWindow(t, s.content())
	all := s.list.Length()
	test.Type(s.search, "DOCTOLÍB")
	if n := s.list.Length(); n != 2 {
		t.Errorf("search « DOCTOLÍB » lists %d, want the 2 Doctolib messages", n)
	}
	s.search.SetText("")
	s.list.Select(1)
	picked := messageKey(s.msgs[s.shown[1]])
	s.filterSel.SetSelectedIndex(1) // « À vérifier ou pire »
	for _, k := range s.shown {
		if verdictRank(s.msgs[k].Report.Verdict) < verdictRank(mail.Caution) {
			t.Errorf("« à vérifier ou pire » lists a %s message", s.msgs[k].Report.Verdict)
		}
	}
	if s.selected != picked {
		t.Error("the selection was lost by filtering")
	}
	s.filterSel.SetSelectedIndex(3)
	if s.list.Length() != 2 {
		t.Errorf("« données de santé hors MSSanté » lists %d, want 2", s.list.Length())
	}
	s.filterSel.SetSelectedIndex(2)
	if s.list.Length() != 2 {
		t.Errorf("« MSSanté » lists %d, want 2", s.list.Length())
	}
	s.filterSel.SetSelectedIndex(4)
	if s.list.Length() != 2 {
		t.Errorf("« pièces jointes » lists %d, want 2", s.list.Length())
	}
	s.filterSel.SetSelectedIndex(0)
	s.sortSel.SetSelectedIndex(int(sortByDate))
	for i := 1; i < len(s.msgs); i++ {
		if s.msgs[i].Report.Date.After(s.msgs[i-1].Report.Date) {
			t.Fatalf("by date, message %d is newer than %d", i, i-1)
		}
	}
	s.refilter()
	if s.list.Length() != all {
		t.Errorf("no filter lists %d, want %d", s.list.Length(), all)
	}
}

// hasGuideLink reports whether c holds a link to a guide.
func hasGuideLink(c *fyne.Container) bool {
	for _, o := range c.Objects {
		if h, ok := o.(*widget.Hyperlink); ok && strings.HasPrefix(h.Text, "Lire le guide") {
			return true
		}
	}
	return false
}
