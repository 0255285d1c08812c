package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hygie/mail/mailbox"
)

// waitForm runs what the connection test hands to the UI until the form
// no longer says it is connecting.
func (f *mailFixture) waitForm(t *testing.T, form *accountForm) {
	t.Helper()
	timeout := time.After(20 * time.Second)
	for form.result.Text == "" || strings.HasSuffix(form.result.Text, "…") {
		select {
		case fn := <-f.ui:
			fn()
		case <-timeout:
			t.Fatalf("connection test did not end within 20 s (%q)", form.result.Text)
		}
	}
}

// The form shows an unknown certificate's identity in its own area, keeps
// its fields at their size, and « Faire confiance à ce certificat » pins
// the certificate: the account is saved with it and the next connection
// succeeds.
func TestMailFormTrustsCertificateWithOneButton(t *testing.T) {
	SetupLanguage(langFR)
	keys := &mailbox.MemoryKeychain{}
	f := newMailFixture(t, keys, false)
	keys.Set("cabinet", f.srv.Password)
	form := f.s.openAccountForm(&f.acct)
	formHeight := form.scroll.Size().Height
	test.Tap(f.dialogButton(t, "Tester la connexion"))
	f.waitForm(t, form)

	fp := mailbox.FormatFingerprint(f.srv.Cert.SHA256)
	if shown := strings.ReplaceAll(form.certFP.Text, "\n", ":"); !form.cert.Visible() || shown != fp || !strings.Contains(form.certText.Text, "Hygie test") {
		t.Fatalf("certificate not shown (visible %v): %q %q; message %q", form.cert.Visible(), form.certText.Text, form.certFP.Text, form.result.Text)
	}
	if !form.certText.Selectable || !form.certFP.Selectable {
		t.Error("the certificate's identity cannot be selected")
	}
	if !strings.Contains(form.result.Text, "« Faire confiance à ce certificat »") || strings.Contains(form.result.Text, "« Modifier »") {
		t.Errorf("message %q does not name the form's own button", form.result.Text)
	}
	if !labelContains(form.cert, "téléphone") {
		t.Error("no advice to compare the fingerprint by phone")
	}
	if h := form.scroll.Size().Height; h < formHeight {
		t.Errorf("the message squeezed the form: %v high, was %v", h, formHeight)
	}
	test.Tap(f.dialogButton(t, "Copier l'empreinte"))
	if got := fyne.CurrentApp().Clipboard().Content(); got != fp {
		t.Errorf("clipboard holds %q, want the fingerprint %s", got, fp)
	}

	test.Tap(f.dialogButton(t, "Faire confiance à ce certificat"))
	f.waitForm(t, form)
	if !strings.Contains(form.result.Text, "Connexion réussie") {
		t.Errorf("after trusting, the test says %q", form.result.Text)
	}
	if form.cert.Visible() {
		t.Error("certificate prompt still shown after trusting")
	}
	a, err := f.st.Account("cabinet")
	if err != nil || a.PinnedSHA256 != f.srv.Cert.SHA256 {
		t.Fatalf("saved account pin = %q, %v; want %s", a.PinnedSHA256, err, f.srv.Cert.SHA256)
	}
	f.s.refreshAccounts("cabinet")
	f.scan(t)
	if len(f.s.msgs) != len(uiMessages) {
		t.Errorf("next scan: %d messages (status %q)", len(f.s.msgs), f.s.status.Text)
	}
}

// A wrong password in the form points at the form's fields and its test
// button, not at the screen's « Modifier ».
func TestMailFormNamesItsOwnButtons(t *testing.T) {
	SetupLanguage(langFR)
	keys := &mailbox.MemoryKeychain{}
	f := newMailFixture(t, keys, true)
	form := f.s.openAccountForm(&f.acct)
	test.Type(form.pw, "pas-le-bon")
	test.Tap(f.dialogButton(t, "Tester la connexion"))
	f.waitForm(t, form)
	if !strings.Contains(form.result.Text, "« Tester la connexion »") || strings.Contains(form.result.Text, "Modifier") {
		t.Errorf("wrong password in the form says %q", form.result.Text)
	}
}
