package ui

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hygie/mail/mailbox"
	"hygie/mail/mailbox/mailboxtest"
	"hygie/mail/oauth"
)

// withClientIDs answers Hygie's real providers as a build with client IDs
// would (nothing is asked of them: these tests stop at the button).
func withClientIDs(id string) (oauth.Provider, bool) {
	p, ok := oauth.ByID(id)
	p.ClientID = "hygie-test"
	return p, ok
}

// signinFixture is the mail screen with its account form open and quick
// address lookups.
func signinFixture(t *testing.T, providers func(string) (oauth.Provider, bool)) (*mailFixture, *accountForm) {
	t.Helper()
	keys := &mailbox.MemoryKeychain{}
	f := newMailFixture(t, keys, true)
	f.s.signin = newSigninDeps(keys, providers)
	f.s.signin.delay = 10 * time.Millisecond
	return f, f.s.openAccountForm(nil)
}

// until runs what the background work hands to the UI until ok holds.
func (f *mailFixture) until(t *testing.T, what string, ok func() bool) {
	t.Helper()
	timeout := time.After(20 * time.Second)
	for !ok() {
		select {
		case fn := <-f.ui:
			fn()
		case <-timeout:
			t.Fatalf("still waiting for %s after 20 s", what)
		}
	}
}

// typeAddress types addr and waits for its lookup to end.
func typeAddress(t *testing.T, f *mailFixture, form *accountForm, addr string) {
	t.Helper()
	test.Type(form.si.address, addr)
	f.until(t, "the lookup of "+addr, func() bool {
		return form.si.stopDisc == nil && form.user.Text != "" && !strings.Contains(form.note.Text, "Recherche")
	})
}

func TestSignInAddressPicksProvider(t *testing.T) {
	cases := []struct {
		addr, host, button, pwLabel string // "" button: no sign-in; "" pwLabel: no password field
		both                        bool   // the two ways are explained
	}{
		{"kine@gmail.com", "imap.gmail.com", "Se connecter avec Google", "Mot de passe d'application", true},
		{"kine@hotmail.fr", "outlook.office365.com", "Se connecter avec Microsoft", "", false},
		{"kine@orange.fr", "imap.orange.fr", "", "Mot de passe", false},
	}
	for _, c := range cases {
		t.Run(c.addr, func(t *testing.T) { checkAddress(t, c.addr, c.host, c.button, c.pwLabel, c.both) })
	}
}

func checkAddress(t *testing.T, addr, host, button, pwLabel string, wantBoth bool) {
	c := struct {
		addr, host, button, pwLabel string
		both                        bool
	}{addr, host, button, pwLabel, wantBoth}
	{
		f, form := signinFixture(t, withClientIDs)
		typeAddress(t, f, form, c.addr)
		si := form.si
		if form.host.Text != c.host || form.port.Text != "993" || form.user.Text != c.addr || form.host.Disabled() {
			t.Errorf("%s: host %q port %q user %q (disabled %v)", c.addr, form.host.Text, form.port.Text, form.user.Text, form.host.Disabled())
		}
		gotButton := ""
		if si.row.Visible() && si.button.Visible() {
			gotButton = si.button.Text
		}
		if gotButton != c.button {
			t.Errorf("%s: sign-in button %q, want %q", c.addr, gotButton, c.button)
		}
		gotPw := ""
		if form.pw.Visible() {
			gotPw = si.pwLabel.Text
		}
		if gotPw != c.pwLabel {
			t.Errorf("%s: password field %q, want %q", c.addr, gotPw, c.pwLabel)
		}
		if both := strings.Contains(form.note.Text, "le plus simple") &&
			strings.Contains(form.note.Text, "validation en deux étapes"); both != c.both {
			t.Errorf("%s: explanation %q", c.addr, form.note.Text)
		}
		for _, b := range si.actions {
			if b.Visible() == (c.pwLabel == "") {
				t.Errorf("%s: button %q visible %v", c.addr, b.Text, b.Visible())
			}
		}
	}
}

// mxOf answers every domain with one mail exchanger.
type mxOf string

func (m mxOf) LookupMX(context.Context, string) ([]*net.MX, error) {
	return []*net.MX{{Host: string(m) + ".", Pref: 10}}, nil
}

// TestSignInCustomDomain: a practice's own domain hosted by Microsoft 365
// is recognised from its mail exchanger.
func TestSignInCustomDomain(t *testing.T) {
	f, form := signinFixture(t, withClientIDs)
	f.s.signin.discover = (&mailbox.Discoverer{Resolver: mxOf("cabinet-kine-fr.mail.protection.outlook.com")}).Discover
	typeAddress(t, f, form, "accueil@cabinet-kine.fr")
	if form.host.Text != "outlook.office365.com" || !form.si.row.Visible() || form.si.button.Text != "Se connecter avec Microsoft" {
		t.Errorf("custom domain on Microsoft 365: host %q, button %q (visible %v)", form.host.Text, form.si.button.Text, form.si.row.Visible())
	}
}

func TestSignInWithoutClientID(t *testing.T) {
	f, form := signinFixture(t, oauth.ByID) // a developer build: no client ID
	typeAddress(t, f, form, "kine@hotmail.fr")
	want, _ := oauth.Explain(&oauth.NoClientIDError{Provider: "Microsoft"}, langFR)
	if si := form.si; si.row.Visible() || form.note.Text != want {
		t.Errorf("no-client-ID build shows the button %v and %q, want only %q", si.row.Visible(), form.note.Text, want)
	}
}

func TestSignInLookupFailureKeepsFieldsEditable(t *testing.T) {
	f, form := signinFixture(t, withClientIDs)
	f.s.signin.discover = func(context.Context, string) (mailbox.Discovery, error) {
		return mailbox.Discovery{}, fmt.Errorf("discover cabinet-exemple.fr: %w", mailbox.ErrDiscoveryFailed)
	}
	typeAddress(t, f, form, "kine@cabinet-exemple.fr")
	want, _ := mailbox.ExplainAuth(mailbox.ErrDiscoveryFailed, langFR)
	if form.note.Text != want {
		t.Errorf("note %q, want %q", form.note.Text, want)
	}
	if form.host.Disabled() || form.port.Disabled() || form.user.Text != "kine@cabinet-exemple.fr" || !form.si.adv.IsOpen() {
		t.Errorf("after a failed lookup: host disabled %v, user %q, advanced open %v", form.host.Disabled(), form.user.Text, form.si.adv.IsOpen())
	}
	form.host.SetText("imap.cabinet-exemple.fr")
	test.Type(form.pw, "mdp")
	if !form.onSave() {
		t.Errorf("typed settings not saved: %q", form.result.Text)
	}
}

// oauthFixture: a token provider, a Dovecot asking it, and the form
// pointed at that Dovecot after typing a Hotmail address.
type oauthFixture struct {
	*mailFixture
	form *accountForm
	tp   *mailboxtest.TokenProvider
	d    *mailboxtest.Dovecot
	keys *mailbox.MemoryKeychain
}

func newOAuthFixture(t *testing.T, wait time.Duration, open oauth.OpenURL) *oauthFixture {
	t.Helper()
	tp := mailboxtest.StartTokenProvider(t, "")
	d := mailboxtest.StartDovecotWith(t, mailboxtest.DovecotOptions{IntrospectionURL: tp.IntrospectionURL(), Mechanisms: "xoauth2"})
	tp.SetUser(d.User)
	keys := &mailbox.MemoryKeychain{}
	f := newMailFixture(t, keys, true)
	providers := func(id string) (oauth.Provider, bool) {
		p := tp.Provider(id)
		real, _ := oauth.ByID(id)
		p.Name, p.Wait = real.Name, wait
		return p, true
	}
	f.s.signin = newSigninDeps(keys, providers)
	f.s.signin.delay = 10 * time.Millisecond
	f.s.signin.open = open
	f.s.opts = mailbox.Options{RootCAs: d.Cert.Pool()}
	form := f.s.openAccountForm(nil)
	typeAddress(t, f, form, "kine@hotmail.fr")
	host, port, _ := net.SplitHostPort(d.IMAPS)
	form.host.SetText(host)
	form.port.SetText(port)
	form.user.SetText(d.User)
	return &oauthFixture{mailFixture: f, form: form, tp: tp, d: d, keys: keys}
}

// browser plays the user's browser: it follows the sign-in address to the
// provider, which signs in at once and redirects to Hygie's listener.
func browser(t *testing.T) oauth.OpenURL {
	return func(u string) error {
		go func() {
			resp, err := http.Get(u)
			if err != nil {
				t.Errorf("browser: %v", err)
				return
			}
			resp.Body.Close()
		}()
		return nil
	}
}

func (o *oauthFixture) signIn(t *testing.T) {
	t.Helper()
	test.Tap(o.form.si.button)
	o.until(t, "the end of the sign-in", func() bool { return o.form.si.stopSign == nil })
}

// TestSignInEndToEnd signs in through the "browser", saves the account,
// scans it with its access token, edits it and removes it.
func TestSignInEndToEnd(t *testing.T) {
	o := newOAuthFixture(t, 0, browser(t))
	o.d.Admin(t).AppendAll(t, "INBOX", uiMessages)
	o.signIn(t)
	if !strings.Contains(o.s.status.Text, "Compte connecté") {
		t.Fatalf("after sign-in: form says %q, screen %q", o.form.result.Text, o.s.status.Text)
	}
	a, err := o.st.Account(o.d.User)
	if err != nil || !a.UsesOAuth2() || a.Provider != oauth.MicrosoftID || a.Preset != "outlook" {
		t.Fatalf("saved account %+v, %v", a, err)
	}
	if _, err := mailbox.LoadToken(o.keys, a.Name); err != nil {
		t.Fatalf("no refresh token in the keychain: %v", err)
	}
	if o.s.accountSel.Selected != a.Name {
		t.Errorf("selected %q, want the new account", o.s.accountSel.Selected)
	}
	test.Tap(o.s.scanBtn)
	o.until(t, "the scan to start", o.s.cancelBtn.Visible)
	o.wait(t)
	if len(o.s.msgs) != len(uiMessages) {
		t.Fatalf("scan with the access token listed %d messages, status %q", len(o.s.msgs), o.s.status.Text)
	}

	edit := o.s.openAccountForm(&a)
	if si := edit.si; !si.button.Visible() || si.button.Text != "Se reconnecter" || edit.pw.Visible() {
		t.Errorf("editing shows button %q (visible %v), password field %v", si.button.Text, si.button.Visible(), edit.pw.Visible())
	}
	edit.boxes.SetText("INBOX")
	if !edit.onSave() {
		t.Fatalf("edit not saved: %q", edit.result.Text)
	}
	if a, _ = o.st.Account(a.Name); !a.UsesOAuth2() || a.Provider != oauth.MicrosoftID {
		t.Errorf("after an edit the account is %+v, want it still signing in with Microsoft", a)
	}

	edit = o.s.openAccountForm(&a) // « Se reconnecter » replaces the sign-in
	before := o.tp.Exchanges()
	o.form = edit
	o.signIn(t)
	if !strings.Contains(o.s.status.Text, "Compte connecté") || o.tp.Exchanges() != before+1 {
		t.Fatalf("signing in again: form says %q, screen %q", edit.result.Text, o.s.status.Text)
	}

	edit = o.s.openAccountForm(&a)
	edit.onDelete()
	top := o.env.Win.Canvas().Overlays().Top()
	if top == nil || findObject(top, func(c fyne.CanvasObject) bool {
		l, ok := c.(*widget.Label)
		return ok && strings.Contains(l.Text, "account.microsoft.com") && strings.Contains(l.Text, "Rien n'est révoqué")
	}) == nil {
		t.Error("the confirmation does not say that nothing is revoked at Microsoft, nor where to do it")
	}
	test.Tap(o.dialogButton(t, lang.L("Yes")))
	if _, err := o.st.Account(a.Name); !errors.Is(err, mailbox.ErrNoAccount) {
		t.Errorf("account still there: %v", err)
	}
	if _, err := mailbox.LoadToken(o.keys, a.Name); !errors.Is(err, mailbox.ErrNoToken) {
		t.Errorf("refresh token left in the keychain: %v", err)
	}
	if !strings.Contains(o.s.status.Text, "account.microsoft.com") {
		t.Errorf("status after removal %q does not say where to revoke", o.s.status.Text)
	}
}

// TestSignInDeviceCode: no browser opens, so the code is shown to copy.
func TestSignInDeviceCode(t *testing.T) {
	o := newOAuthFixture(t, 0, func(string) error { return errors.New("no browser here") })
	test.Tap(o.form.si.button)
	si := o.form.si
	o.until(t, "the device code", si.code.Visible)
	if !strings.Contains(si.codeTxt.Text, "/devicelogin") || si.device.Code == "" || !strings.Contains(si.codeTxt.Text, si.device.Code) || !si.codeTxt.Selectable {
		t.Errorf("device code shown as %q (selectable %v)", si.codeTxt.Text, si.codeTxt.Selectable)
	}
	test.Tap(si.copyBtn)
	if got := o.env.App.Clipboard().Content(); got != si.device.Code {
		t.Errorf("clipboard holds %q, want the code %q", got, si.device.Code)
	}
	o.until(t, "the end of the sign-in", func() bool { return si.stopSign == nil })
	if _, err := o.st.Account(o.d.User); err != nil {
		t.Errorf("device sign-in not saved: %v (form says %q)", err, o.form.result.Text)
	}
}

func TestSignInCancel(t *testing.T) {
	o := newOAuthFixture(t, 0, func(string) error { return nil }) // the user never comes back
	test.Tap(o.form.si.button)
	if !o.form.si.stopBtn.Visible() || !o.form.si.button.Disabled() {
		t.Fatal("no « Annuler » while signing in")
	}
	test.Tap(o.form.si.stopBtn)
	o.until(t, "the end of the sign-in", func() bool { return o.form.si.stopSign == nil })
	if o.form.result.Text != "Connexion annulée : rien n'a été enregistré." || o.form.si.stopBtn.Visible() {
		t.Errorf("after cancelling: %q", o.form.result.Text)
	}
	if _, err := o.st.Account(o.d.User); !errors.Is(err, mailbox.ErrNoAccount) {
		t.Errorf("a cancelled sign-in saved the account: %v", err)
	}
}

func TestSignInTimeout(t *testing.T) {
	o := newOAuthFixture(t, 300*time.Millisecond, func(string) error { return nil })
	o.signIn(t)
	want, _ := mailbox.ExplainAuth(oauth.ErrTimeout, langFR)
	if o.form.result.Text != want {
		t.Errorf("after the time-out: %q, want %q", o.form.result.Text, want)
	}
}
