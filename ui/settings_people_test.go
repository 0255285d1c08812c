package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hygie/mail"
	"hygie/mail/mailbox"
	"hygie/practice"
	"hygie/store"
)

// newPeopleFixture is the card shown in a test window of a fresh database.
func newPeopleFixture(t *testing.T) (*Env, *peopleCard) {
	t.Helper()
	env := newTestEnv(t)
	env.Win = test.NewTempWindow(t, widget.NewLabel(""))
	c := newPeopleCard(env)
	env.Win.SetContent(c.content())
	env.Win.Resize(fyne.NewSize(900, 600))
	return env, c
}

// confirmTop taps the button labelled text in the dialog on top.
func confirmTop(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open, want one with %q", text)
	}
	b, _ := asButton(findObject(top, func(o fyne.CanvasObject) bool {
		b, ok := asButton(o)
		return ok && b.Text == text
	}))
	if b == nil {
		t.Fatalf("no button %q in the dialog", text)
	}
	test.Tap(b)
}

// A person is added through the dialog, listed, changed, then removed only
// once the removal is confirmed.
func TestPeopleCardAddEditRemove(t *testing.T) {
	env, c := newPeopleFixture(t)
	if !containsText(c.peopleBox, "Aucune personne") {
		t.Fatalf("empty list not said: %s", texts(c.peopleBox))
	}
	test.Tap(c.addPerson)
	f := c.form
	if f == nil {
		t.Fatal("« Ajouter une personne » opened no form")
	}
	test.Type(f.name, "Hélène Garcia")
	f.role.SetText("associée")
	test.Type(f.list, "Helene.Garcia@cabinet-martin.fr")
	test.Tap(f.save)
	if c.form != nil {
		t.Fatalf("dialog still open after a valid entry: %q", f.errLine.Text)
	}
	if !containsText(c.peopleBox, "Hélène Garcia (associée) — helene.garcia@cabinet-martin.fr") {
		t.Fatalf("person not listed: %s", texts(c.peopleBox))
	}

	tapButton(t, c.peopleBox, "Modifier")
	f = c.form
	if f == nil || f.name.Text != "Hélène Garcia" || f.list.Text != "helene.garcia@cabinet-martin.fr" {
		t.Fatalf("edit form not filled with the person: %+v", f)
	}
	f.list.SetText(f.list.Text + "\nhelene.garcia@gmail.com")
	test.Tap(f.save)
	if p, _ := env.practice.People(); len(p) != 1 || len(p[0].Addresses) != 2 {
		t.Fatalf("after edit: %+v", p)
	}
	if !containsText(c.peopleBox, "helene.garcia@cabinet-martin.fr, helene.garcia@gmail.com") {
		t.Errorf("edit not listed: %s", texts(c.peopleBox))
	}

	tapButton(t, c.peopleBox, "Supprimer")
	confirmTop(t, env.Win, "Annuler")
	if p, _ := env.practice.People(); len(p) != 1 {
		t.Fatalf("removed without confirmation: %+v", p)
	}
	tapButton(t, c.peopleBox, "Supprimer")
	if !strings.Contains(overlayText(env.Win), "Hélène Garcia") {
		t.Errorf("confirmation does not name who is removed: %q", overlayText(env.Win))
	}
	confirmTop(t, env.Win, "Supprimer")
	if p, _ := env.practice.People(); len(p) != 0 {
		t.Fatalf("not removed after confirming: %+v", p)
	}
	if !containsText(c.peopleBox, "Aucune personne") {
		t.Errorf("list not emptied: %s", texts(c.peopleBox))
	}
}

// An invalid address keeps the dialog open with the store's French
// sentence, and stores nothing.
func TestPeopleCardInvalidAddress(t *testing.T) {
	env, c := newPeopleFixture(t)
	test.Tap(c.addPerson)
	f := c.form
	test.Type(f.name, "Julien Roux")
	test.Type(f.list, "julien.roux@localhost")
	test.Tap(f.save)
	if c.form == nil || !f.errLine.Visible() || f.errLine.Text == "" || strings.HasPrefix(f.errLine.Text, "practice") {
		t.Fatalf("invalid address: form open %v, error line %q", c.form != nil, f.errLine.Text)
	}
	if p, _ := env.practice.People(); len(p) != 0 {
		t.Errorf("invalid person stored: %+v", p)
	}
	test.Tap(f.cancel)
	if c.form != nil || env.Win.Canvas().Overlays().Top() != nil {
		t.Error("« Annuler » left the dialog open")
	}
}

// A database failure says so in French, in the dialog, and keeps what was
// typed.
func TestPeopleCardDatabaseFailure(t *testing.T) {
	env, c := newPeopleFixture(t)
	test.Tap(c.addSup)
	f := c.form
	test.Type(f.name, "Cabinet comptable Roche")
	test.Type(f.list, "cabinet-comptable-roche.fr")
	env.DB.Close()
	test.Tap(f.save)
	if c.form == nil || !strings.Contains(f.errLine.Text, "n'ont pas pu être enregistrées") || f.name.Text != "Cabinet comptable Roche" {
		t.Fatalf("database failure: form open %v, error %q, name %q", c.form != nil, f.errLine.Text, f.name.Text)
	}
}

// Without the database the card says so, as the other cards do, and
// offers nothing to add.
func TestPeopleCardUnavailable(t *testing.T) {
	a := test.NewTempApp(t)
	SetupLanguage(langFR)
	env := opened(&Env{App: a, DBErr: fmt.Errorf("open: %w", store.ErrCorrupt)})
	o := newPeopleCard(env).content()
	if !containsText(o, "données d'Hygie sont indisponibles") {
		t.Errorf("unavailable state not said: %s", texts(o))
	}
	if containsText(o, "Ajouter") {
		t.Errorf("unavailable card offers to add: %s", texts(o))
	}
}

// A supplier added in Réglages reaches the scanner's options, and a
// look-alike of its domain is flagged then, not before.
func TestPeopleCardSupplierReachesAnalysis(t *testing.T) {
	env, c := newPeopleFixture(t)
	raw := []byte("From: Cabinet comptable Roche <compta@cabinet-cornptable-roche.fr>\r\n" +
		"To: contact@cabinet-martin.fr\r\nSubject: Votre bilan\r\nDate: Mon, 30 Nov 2026 09:00:00 +0100\r\n" +
		"Message-ID: <1@cabinet-cornptable-roche.fr>\r\n\r\nBonjour, votre bilan est prêt.\r\n")
	flagged := func() bool {
		t.Helper()
		opts, err := env.mail.store.AnalyzerOptions(mail.Options{}, "")
		if err != nil {
			t.Fatal(err)
		}
		rep, err := mail.NewAnalyzer(opts).AnalyzeRaw(raw)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range rep.Findings {
			if f.ID == "lookalike_known_domain" {
				return true
			}
		}
		return false
	}
	if flagged() {
		t.Fatal("look-alike flagged before the supplier was known")
	}
	test.Tap(c.addSup)
	f := c.form
	test.Type(f.name, "Cabinet comptable Roche")
	f.role.SetText("comptable")
	test.Type(f.list, "https://www.cabinet-comptable-roche.fr/")
	test.Tap(f.save)
	if !containsText(c.supBox, "Cabinet comptable Roche (comptable) — cabinet-comptable-roche.fr") {
		t.Fatalf("supplier not listed: %s", texts(c.supBox))
	}
	opts, err := env.mail.store.AnalyzerOptions(mail.Options{}, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(opts.KnownSuppliers) != 1 || opts.KnownSuppliers[0].Domains[0] != "cabinet-comptable-roche.fr" {
		t.Fatalf("scanner options lack the supplier: %+v", opts.KnownSuppliers)
	}
	if !flagged() {
		t.Error("look-alike of the supplier's domain not flagged")
	}
}

// A scanned forward says who forwarded it above the analysis of the
// original, in the words of « Vérifier un message ».
func TestMailDetailScannedForward(t *testing.T) {
	env, _ := newPeopleFixture(t)
	l := newMsgList(env)
	env.Win.SetContent(l.content(0.4))
	rep := mail.Report{Subject: "Facture", From: "x@y.fr", Verdict: mail.Suspicious,
		Forward: &mail.Forward{Kind: mail.ForwardAttached, By: mail.Address{Addr: "helene.garcia@cabinet-martin.fr"}}}
	l.setMessages([]mailbox.Message{{Account: "a", Mailbox: "INBOX", UID: 1, Report: rep}, {Account: "a", Mailbox: "INBOX", UID: 2, Report: mail.Report{Subject: "Direct"}}}, nil)
	for k, m := range l.msgs {
		l.showDetail(k)
		got := texts(l.detail)
		fwd := strings.Contains(got, "Message transféré : voici l'analyse de l'original") && strings.Contains(got, "Transféré par : helene.garcia@cabinet-martin.fr")
		if fwd != (m.Report.Forward != nil) {
			t.Errorf("%s: forward shown %v: %s", m.Report.Subject, fwd, got)
		}
	}
}

// The usual roles and kinds are stored as the package's constants and
// shown in the window's language; free text stays as typed.
func TestPeopleCardUsualLabels(t *testing.T) {
	test.NewTempApp(t)
	SetupLanguage(langEN)
	t.Cleanup(func() { SetupLanguage(langFR) })
	if got := usualValue(" Accountant "); got != practice.KindAccountant {
		t.Errorf("usualValue(Accountant) = %q, want %q", got, practice.KindAccountant)
	}
	if got := usualLabel(practice.RoleLocum); got != "locum" {
		t.Errorf("usualLabel(%q) = %q in English", practice.RoleLocum, got)
	}
	if got := usualValue("kinésithérapeute associée"); got != "kinésithérapeute associée" {
		t.Errorf("free text changed: %q", got)
	}
}
