package ui

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hygie/mail/mailbox"
	"hygie/store"
)

// accountForm adds or edits a mail account, starting from a provider
// preset whose every field the user can override.
type accountForm struct {
	s       *mailScreen
	editing bool

	preset   *widget.Select
	note     *widget.Label
	name     *field
	user     *field
	pw       *field
	host     *field
	port     *field
	security *widget.Select
	boxes    *field
	pin      *field
	result   *widget.Label
	presetID string
	dlg      dialog.Dialog
	si       *signIn // the address, and Microsoft or Google sign-in
	scroll   *container.Scroll

	// The certificate area, shown when the server's certificate is not
	// vouched for: its identity as selectable text, and the two buttons.
	cert      *fyne.Container
	certText  *widget.Label
	certFP    *widget.Label // the fingerprint, in two lines of 16 pairs
	certCE    *mailbox.CertError
	trusted   bool // the certificate was just trusted and saved
	copyFP    *button
	trustCert *button
}

// securityLabels maps the displayed choice to the mode.
func securityLabels() ([]string, map[string]mailbox.Security) {
	tlsL := lang.X("mail.form.tls", "TLS (port 993, recommandé)")
	startL := lang.X("mail.form.starttls", "STARTTLS (port 143)")
	return []string{tlsL, startL}, map[string]mailbox.Security{tlsL: mailbox.TLS, startL: mailbox.StartTLS}
}

// openAccountForm shows the form and returns it; a nil account means a new
// one.
func (s *mailScreen) openAccountForm(a *mailbox.Account) *accountForm {
	f := &accountForm{s: s, editing: a != nil}
	content := f.content()
	if a != nil {
		f.fill(*a)
	} else {
		f.si.start()
	}
	if s.env.Win == nil {
		return f
	}
	title := lang.X("mail.form.title.new", "Ajouter un compte de messagerie")
	if f.editing {
		title = lang.X("mail.form.title.edit", "Modifier le compte")
	}
	escapeCancels(f.close, content)
	f.dlg = dialog.NewCustomWithoutButtons(title, content, s.env.Win)
	f.dlg.Resize(fyne.NewSize(620, 560))
	f.dlg.Show()
	s.env.Win.Canvas().FocusNext() // the address, the form's first field
	return f
}

func (f *accountForm) content() fyne.CanvasObject {
	names := make([]string, 0)
	for _, p := range mailbox.Presets() {
		names = append(names, p.Name)
	}
	f.preset = widget.NewSelect(names, f.onPreset)
	f.preset.PlaceHolder = lang.X("mail.form.preset.none", "Autre fournisseur (réglages à la main)")
	f.note = wrapped("")
	f.name, f.user, f.host, f.port = newField(), newField(), newField(), newField()
	f.pw = newPasswordField()
	f.boxes, f.pin = newField(), newField()
	f.user.SetPlaceHolder("cabinet@exemple.fr")
	f.name.SetPlaceHolder(lang.X("mail.form.name.hint", "par défaut : l'identifiant"))
	f.boxes.SetPlaceHolder("INBOX")
	f.pin.SetPlaceHolder(lang.X("mail.form.pin.hint", "seulement pour un certificat auto-signé"))
	if f.editing {
		f.pw.SetPlaceHolder(lang.X("mail.form.pw.keep", "laisser vide pour garder l'actuel"))
	}
	opts, _ := securityLabels()
	f.security = widget.NewSelect(opts, f.onSecurity)
	f.result = wrapped("")
	f.result.Hide() // shown with its first message
	f.si = newSignIn(f)
	form := f.layout()
	f.certArea()
	// The message and the certificate get their own full-width area above
	// the form, inside the scroll: however long they are, the form keeps
	// its width and height.
	f.scroll = container.NewVScroll(container.NewVBox(f.result, f.cert, form))
	return container.NewBorder(nil, f.buttons(), nil, nil, f.scroll)
}

// certArea builds the hidden certificate prompt: who the certificate
// claims to be, who signed it and its fingerprint (selectable), with
// « Copier l'empreinte » and « Faire confiance à ce certificat ».
func (f *accountForm) certArea() {
	f.certText = wrapped("")
	f.certText.Selectable = true
	f.certFP = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	f.certFP.Selectable = true
	advice := wrapped(lang.X("mail.form.cert.advice",
		"Avant de faire confiance, comparez cette empreinte avec celle que votre fournisseur ou votre prestataire informatique vous donne, de préférence par téléphone : ne faites confiance que si elles sont identiques."))
	f.copyFP = newButtonWithIcon(lang.X("mail.form.cert.copy", "Copier l'empreinte"), theme.ContentCopyIcon(), f.onCopyFingerprint)
	f.trustCert = newButtonWithIcon(lang.X("mail.cert.trust", "Faire confiance à ce certificat"), theme.ConfirmIcon(), f.onTrustCert)
	f.trustCert.Importance = widget.WarningImportance
	f.cert = container.NewVBox(
		widget.NewLabelWithStyle(lang.X("mail.cert.title", "Certificat du serveur non reconnu"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		f.certText, f.certFP, advice, container.NewHBox(f.copyFP, f.trustCert), widget.NewSeparator())
	f.cert.Hide()
}

// showCert fills the certificate area with ce, or hides it for nil.
func (f *accountForm) showCert(ce *mailbox.CertError) {
	f.certCE = ce
	if ce == nil {
		f.cert.Hide()
		return
	}
	f.certText.SetText(lang.X("mail.form.cert.identity",
		"Serveur : {{.Host}}\nSujet : {{.Subject}}\nÉmetteur : {{.Issuer}}\nEmpreinte SHA-256 :",
		map[string]string{"Host": ce.Host, "Subject": ce.Subject, "Issuer": ce.Issuer}))
	fp := mailbox.FormatFingerprint(ce.SHA256)
	if len(fp) > 48 { // 16 pairs and their colons
		fp = fp[:47] + "\n" + fp[48:]
	}
	f.certFP.SetText(fp)
	f.cert.Show()
}

func (f *accountForm) onCopyFingerprint() {
	if f.certCE == nil {
		return
	}
	if app := fyne.CurrentApp(); app != nil {
		app.Clipboard().SetContent(mailbox.FormatFingerprint(f.certCE.SHA256))
	}
	f.copyFP.SetText(lang.X("mail.form.cert.copied", "Empreinte copiée"))
}

// onTrustCert pins the refused certificate in the form, by the user's
// explicit choice, saves it at once on an account already saved, and tests
// the connection again with it.
func (f *accountForm) onTrustCert() {
	ce := f.certCE
	if ce == nil {
		return
	}
	f.pin.SetText(mailbox.FormatFingerprint(ce.SHA256))
	f.showCert(nil)
	if f.editing {
		if a, err := f.account(); err == nil {
			if err := f.s.store.SaveAccount(a); err != nil {
				fyne.LogError("pin certificate", err)
				f.show(formErrorMessage(err), widget.DangerImportance)
				return
			}
			f.trusted = true
		}
	}
	f.onTest()
}

func (f *accountForm) buttons() fyne.CanvasObject {
	test := newButton(lang.X("mail.form.test", "Tester la connexion"), f.onTest)
	save := newButton(lang.X("mail.form.save", "Enregistrer"), func() { f.onSave() })
	save.Importance = widget.HighImportance
	cancel := newButton(lang.X("mail.cancel", "Annuler"), f.close)
	objs := []fyne.CanvasObject{test, save, cancel}
	f.si.actions = []*button{test, save}
	if f.editing {
		del := newButton(lang.X("mail.form.delete", "Supprimer ce compte"), f.onDelete)
		del.Importance = widget.DangerImportance
		objs = append(objs, del)
	}
	return container.NewHBox(objs...)
}

// fill shows an existing account; its name is its key and stays fixed.
func (f *accountForm) fill(a mailbox.Account) {
	if p, ok := mailbox.PresetByID(a.Preset); ok {
		f.preset.SetSelected(p.Name) // fills the defaults, overwritten below
	}
	f.name.SetText(a.Name)
	f.name.Disable()
	f.user.SetText(a.Username)
	f.host.SetText(a.Host)
	f.setSecurity(a.Security)
	f.port.SetText(strconv.Itoa(a.Port))
	f.boxes.SetText(strings.Join(a.Boxes(), ", "))
	f.pin.SetText(mailbox.FormatFingerprint(a.PinnedSHA256))
	f.si.fillFrom(a)
}

// onPreset fills server, port and security from the chosen provider.
func (f *accountForm) onPreset(name string) {
	for _, p := range mailbox.Presets() {
		if p.Name != name {
			continue
		}
		f.presetID = p.ID
		f.note.SetText(p.Note(currentLang))
		f.host.SetText(p.Host)
		f.port.SetText(strconv.Itoa(p.Port))
		f.setSecurity(p.Security)
		f.si.presetChosen(p)
	}
}

func (f *accountForm) setSecurity(sec mailbox.Security) {
	opts, values := securityLabels()
	for _, o := range opts {
		if values[o] == sec || sec == "" && values[o] == mailbox.TLS {
			f.security.SetSelected(o)
		}
	}
}

// onSecurity moves the port along with the mode while it is a default one.
func (f *accountForm) onSecurity(label string) {
	_, values := securityLabels()
	sec := values[label]
	if p, _ := strconv.Atoi(f.port.Text); p == 0 || p == 993 || p == 143 {
		f.port.SetText(strconv.Itoa(mailbox.DefaultPort(sec)))
	}
}

// account builds the account from the fields.
func (f *accountForm) account() (mailbox.Account, error) {
	_, values := securityLabels()
	a := mailbox.Account{
		Name: strings.TrimSpace(f.name.Text), Host: strings.TrimSpace(f.host.Text),
		Username: strings.TrimSpace(f.user.Text), Security: values[f.security.Selected],
		PinnedSHA256: mailbox.NormalizeFingerprint(f.pin.Text), Preset: f.presetID,
	}
	if a.Name == "" {
		a.Name = a.Username
	}
	f.si.keepAuth(&a)
	port, err := strconv.Atoi(strings.TrimSpace(f.port.Text))
	if err != nil && strings.TrimSpace(f.port.Text) != "" {
		return a, mailbox.ErrInvalidAccount
	}
	a.Port = port
	for _, b := range strings.Split(f.boxes.Text, ",") {
		if b = strings.TrimSpace(b); b != "" {
			a.Mailboxes = append(a.Mailboxes, b)
		}
	}
	return a, a.Validate()
}

// onTest logs in and opens the mailboxes read-only, off the UI goroutine.
func (f *accountForm) onTest() {
	a, err := f.account()
	if err != nil {
		f.show(formErrorMessage(err), widget.DangerImportance)
		return
	}
	if a.UsesOAuth2() {
		f.si.testSignedIn(a)
		return
	}
	pw := f.pw.Text
	if pw == "" {
		if pw, err = f.s.password(a.Name); err != nil {
			f.show(lang.X("mail.form.pw.missing", "Saisissez le mot de passe pour tester la connexion."), widget.WarningImportance)
			return
		}
	}
	f.show(lang.X("mail.form.testing", "Connexion en cours…"), widget.MediumImportance)
	opts := f.s.opts
	go func() {
		err := mailbox.CheckLogin(context.Background(), a, pw, opts)
		f.s.do(func() { f.tested(err) })
	}()
}

func (f *accountForm) tested(err error) {
	if err == nil {
		f.showCert(nil)
		msg := lang.X("mail.form.ok", "Connexion réussie : Hygie peut lire cette boîte (en lecture seule).")
		if f.trusted {
			msg += " " + lang.X("mail.form.ok.trusted", "Le certificat approuvé est enregistré pour ce compte.")
		}
		if !f.editing {
			msg += " " + lang.X("mail.form.ok.save", "Choisissez « Enregistrer » pour garder ce compte.")
		}
		f.show(msg, widget.SuccessImportance)
		return
	}
	fyne.LogError("test mail account", err)
	var ce *mailbox.CertError
	if !errors.As(err, &ce) {
		ce = nil
	}
	f.showCert(ce)
	f.show(formErrorMessage(err), widget.DangerImportance)
}

// show puts text in the message area above the form and brings it into
// view; the form below stays as it is.
func (f *accountForm) show(text string, imp widget.Importance) {
	f.result.Importance = imp
	f.result.SetText(text)
	f.result.Show()
	if f.scroll != nil {
		f.scroll.ScrollToTop()
	}
}

// formErrorMessage is mailErrorMessage in the words of the account form,
// whose fields and « Tester la connexion » are at hand.
func formErrorMessage(err error) string {
	for _, e := range []error{store.ErrCorrupt, store.ErrLocked, store.ErrReadOnly, store.ErrTooNew} {
		if errors.Is(err, e) {
			return dbErrorMessage(err)
		}
	}
	return mailbox.Explain(err, mailbox.InForm).In(currentLang)
}

// onSave stores the account and its password (keychain, or memory when the
// keychain is unavailable). It returns false when nothing was saved.
func (f *accountForm) onSave() bool {
	a, err := f.account()
	if err != nil {
		f.show(formErrorMessage(err), widget.DangerImportance)
		return false
	}
	if !f.editing && f.exists(a.Name) {
		f.show(lang.X("mail.form.exists", "Un compte porte déjà ce nom : choisissez-en un autre, ou modifiez le compte existant."), widget.WarningImportance)
		return false
	}
	if err := f.s.store.SaveAccount(a); err != nil {
		fyne.LogError("save mail account", err)
		f.show(mailErrorMessage(err), widget.DangerImportance)
		return false
	}
	kept := true
	if f.pw.Text != "" {
		kept = f.s.savePassword(a.Name, f.pw.Text)
	}
	f.close()
	f.s.refreshAccounts(a.Name)
	if !kept {
		f.s.setStatus(keychainDownMessage(), widget.WarningImportance)
	}
	return true
}

func (f *accountForm) exists(name string) bool {
	_, err := f.s.store.Account(name)
	return err == nil
}

// onDelete forgets the account, its cache and its saved password.
func (f *accountForm) onDelete() {
	a, _ := f.account()
	del := func() {
		if err := f.s.removeAccount(a.Name); err != nil {
			f.show(mailErrorMessage(err), widget.DangerImportance)
			return
		}
		f.close()
		f.s.refreshAccounts("")
		if r := revokeText(a); r != "" {
			f.s.setStatus(r, widget.WarningImportance)
		}
	}
	if f.s.env.Win == nil {
		del()
		return
	}
	showConfirmDialog(lang.X("mail.form.delete", "Supprimer ce compte"),
		deleteText(a),
		func(ok bool) {
			if ok {
				del()
			}
		}, f.s.env.Win)
}

func (f *accountForm) close() {
	f.si.stop()
	if f.dlg != nil {
		f.dlg.Hide()
	}
}
