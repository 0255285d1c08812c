package ui

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"hygie/mail/mailbox"
	"hygie/mail/oauth"
)

// signinDeps is what the account form needs beyond the window to sign in
// with Microsoft or Google: the providers (Hygie's own, or a test's), how
// an address is looked up, how the browser opens, and the session's
// access tokens. One per mail screen.
type signinDeps struct {
	providers func(id string) (oauth.Provider, bool)
	discover  func(ctx context.Context, address string) (mailbox.Discovery, error)
	open      oauth.OpenURL // nil: the app's OpenURL
	tokens    *mailbox.Tokens
	// delay is how long the address must stay unchanged before it is
	// looked up, so that typing does not start a lookup per key.
	delay time.Duration
}

// newSigninDeps reads sign-ins from keys; providers is oauth.ByID in the
// app.
func newSigninDeps(keys mailbox.Keychain, providers func(string) (oauth.Provider, bool)) *signinDeps {
	return &signinDeps{
		providers: providers,
		discover:  (&mailbox.Discoverer{}).Discover,
		tokens:    mailbox.NewTokens(keys, providers),
		delay:     600 * time.Millisecond,
	}
}

// signIn is the account form's address-first part: the address picks the
// provider, and for Microsoft and Google a button signs in through the
// browser (or a device code) instead of a password.
type signIn struct {
	f       *accountForm
	address *field
	pwLabel *widget.Label
	rowPad  *widget.Label // the sign-in row's empty label, hidden with it
	row     *fyne.Container
	button  *button
	stopBtn *button
	code    *fyne.Container
	codeTxt *widget.Label
	copyBtn *button
	adv     *disclosure
	rows    *fyne.Container // the form's rows, laid out again when one shows or hides
	outer   *fyne.Container
	actions []*button // « Tester la connexion », « Enregistrer »

	provider *oauth.Provider // offered by the address or the stored account
	appPw    bool            // the provider also takes an application password (Gmail)
	stored   mailbox.Account // the account being edited
	device   oauth.DeviceCode
	gen      int // bumped by each change of the address
	timer    *time.Timer
	stopDisc context.CancelFunc
	stopSign context.CancelFunc
}

func newSignIn(f *accountForm) *signIn {
	si := &signIn{f: f, address: newField(), codeTxt: widget.NewLabel("")}
	si.address.SetPlaceHolder("cabinet@exemple.fr")
	si.address.OnChanged = si.onAddress
	si.pwLabel = formLabel(lang.X("mail.form.pw", "Mot de passe"))
	si.rowPad = widget.NewLabel("")
	si.button = newButton("", si.onSignIn)
	si.button.Importance = widget.HighImportance
	si.stopBtn = newButton(lang.X("mail.cancel", "Annuler"), si.onStop)
	si.stopBtn.Hide()
	si.codeTxt.Selectable = true
	si.codeTxt.TextStyle = fyne.TextStyle{Bold: true}
	si.copyBtn = newButton(lang.X("mail.signin.copy", "Copier le code"), si.onCopy)
	si.code = container.NewVBox(wrapped(lang.X("mail.signin.code",
		"Le navigateur ne s'est pas ouvert. Sur cet ordinateur ou sur votre téléphone, ouvrez l'adresse ci-dessous et saisissez le code :")),
		si.codeTxt, container.NewHBox(si.copyBtn))
	si.code.Hide()
	si.row = container.NewVBox(container.NewHBox(si.button, si.stopBtn), si.code)
	si.offer(nil, false)
	return si
}

func formLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
}

// layout places the address first and the server settings under
// « Réglages avancés », where every field stays editable.
func (f *accountForm) layout() fyne.CanvasObject {
	si := f.si
	si.rows = container.New(layout.NewFormLayout(),
		formLabel(lang.X("mail.form.address", "Adresse de messagerie")), si.address,
		widget.NewLabel(""), f.note,
		si.rowPad, si.row,
		si.pwLabel, f.pw,
		formLabel(lang.X("mail.form.name", "Nom du compte")), f.name,
		formLabel(lang.X("mail.form.boxes", "Dossiers à analyser")), f.boxes,
	)
	adv := widget.NewForm(
		widget.NewFormItem(lang.X("mail.form.preset", "Fournisseur"), f.preset),
		widget.NewFormItem(lang.X("mail.form.host", "Serveur IMAP"), f.host),
		widget.NewFormItem(lang.X("mail.form.port", "Port"), f.port),
		widget.NewFormItem(lang.X("mail.form.security", "Sécurité"), f.security),
		widget.NewFormItem(lang.X("mail.form.user", "Identifiant"), f.user),
		widget.NewFormItem(lang.X("mail.form.pin", "Empreinte approuvée"), f.pin),
	)
	f.name.SetPlaceHolder(lang.X("mail.form.name.address", "par défaut : l'adresse"))
	si.adv = newDisclosure(lang.X("mail.form.advanced", "Réglages avancés"), adv)
	si.outer = container.NewVBox(si.rows, si.adv)
	return si.outer
}

// start readies a new account: no provider yet, the address asked first.
func (si *signIn) start() {
	si.f.preset.SetSelected(otherPresetName())
	si.setNote(lang.X("mail.form.address.hint",
		"Saisissez l'adresse de messagerie du cabinet : Hygie trouve lui-même le serveur et la façon de se connecter."), widget.MediumImportance)
}

func otherPresetName() string {
	p, _ := mailbox.PresetByID("other")
	return p.Name
}

func (si *signIn) setNote(text string, imp widget.Importance) {
	si.f.note.Importance = imp
	si.f.note.SetText(text)
}

// presetChosen offers the preset's way of signing in; the address's
// discovery and a stored account refine it afterwards.
func (si *signIn) presetChosen(p mailbox.Preset) {
	if p.Auth != mailbox.AuthOAuth2 {
		si.offer(nil, false)
		return
	}
	if prov, ok := si.f.s.signin.providers(p.Provider); ok {
		si.offer(&prov, p.AppPassword)
	}
}

// fillFrom shows a stored account: its address, and for a sign-in account
// « Se reconnecter » instead of a password.
func (si *signIn) fillFrom(a mailbox.Account) {
	si.stored = a
	si.address.OnChanged = nil // the stored settings stay as they are
	if strings.Contains(a.Username, "@") {
		si.address.SetText(a.Username)
	}
	si.address.OnChanged = si.onAddress
	if !a.UsesOAuth2() {
		return
	}
	p, _ := mailbox.PresetByID(a.Preset)
	if prov, ok := si.f.s.signin.providers(a.Provider); ok {
		si.offer(&prov, p.AppPassword)
	}
}

// keepAuth keeps a stored sign-in account signing in with its provider
// (a save with an empty Auth would make it a password account), unless a
// password is typed or a password provider chosen.
func (si *signIn) keepAuth(a *mailbox.Account) {
	if si.stored.UsesOAuth2() && si.f.pw.Text == "" && si.provider != nil {
		a.Auth, a.Provider = si.stored.Auth, si.stored.Provider
	}
}

// offer shows the sign-in button for p (nil: a password account), or the
// sentence of a build without client ID, and the password field where it
// is still used.
func (si *signIn) offer(p *oauth.Provider, appPw bool) {
	si.provider, si.appPw = p, appPw
	signOnly := p != nil && !appPw
	setVisible(si.pwLabel, !signOnly)
	setVisible(si.f.pw, !signOnly)
	for _, b := range si.actions {
		setVisible(b, !signOnly || si.stored.UsesOAuth2())
	}
	available := p != nil && p.Available()
	setVisible(si.rowPad, available)
	setVisible(si.row, available)
	si.pwLabel.SetText(lang.X("mail.form.pw", "Mot de passe"))
	if p == nil {
		si.relayout()
		return
	}
	if appPw {
		si.pwLabel.SetText(lang.X("mail.form.apppw", "Mot de passe d'application"))
	}
	if text := si.howText(p, appPw); text != "" {
		si.setNote(text, widget.MediumImportance) // instead of the preset's note, which assumes the button
	}
	si.button.SetText(si.buttonText(p))
	si.relayout()
}

// relayout lays the rows out again after one was shown or hidden.
func (si *signIn) relayout() {
	if si.rows != nil {
		si.rows.Refresh()
		si.outer.Refresh()
	}
}

// howText explains the ways to sign in when the preset's note would not:
// both ways for Gmail, and the sentence of a build without client ID.
func (si *signIn) howText(p *oauth.Provider, appPw bool) string {
	args := map[string]string{"Name": p.Name}
	if !p.Available() {
		text, _ := oauth.Explain(&oauth.NoClientIDError{Provider: p.Name}, currentLang)
		if appPw {
			text += " " + lang.X("mail.signin.apppw",
				"Pour cette boîte, vous pouvez utiliser un « mot de passe d'application », créé dans votre compte {{.Name}} après avoir activé la validation en deux étapes.", args)
		}
		return text
	}
	if appPw {
		return lang.X("mail.signin.both",
			"« Se connecter avec {{.Name}} » : le plus simple, sans mot de passe à créer. « Mot de passe d'application » : si vous préférez, créé dans votre compte {{.Name}} après avoir activé la validation en deux étapes.", args)
	}
	return ""
}

func (si *signIn) buttonText(p *oauth.Provider) string {
	if si.stored.UsesOAuth2() {
		return lang.X("mail.signin.again", "Se reconnecter")
	}
	return lang.X("mail.signin.button", "Se connecter avec {{.Name}}", map[string]string{"Name": p.Name})
}

func setVisible(o fyne.CanvasObject, on bool) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
}

// onAddress looks the address up once it has stayed unchanged for a
// moment; a newer change cancels the lookup under way.
func (si *signIn) onAddress(text string) {
	si.gen++
	si.stopDiscovery()
	addr := strings.TrimSpace(text)
	if !looksLikeAddress(addr) {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	si.stopDisc = cancel
	gen, deps, do := si.gen, si.f.s.signin, si.f.s.do
	si.timer = time.AfterFunc(deps.delay, func() {
		do(func() { si.looking(gen) })
		d, err := deps.discover(ctx, addr)
		do(func() { si.discovered(gen, addr, d, err) })
	})
}

// looksLikeAddress: a name, @, and a domain with a dot, so that a lookup
// waits for the end of the domain.
func looksLikeAddress(s string) bool {
	at := strings.LastIndex(s, "@")
	if at < 1 {
		return false
	}
	dot := strings.LastIndex(s[at:], ".")
	return dot > 1 && len(s[at+dot:]) > 2
}

func (si *signIn) stopDiscovery() {
	if si.timer != nil {
		si.timer.Stop()
	}
	if si.stopDisc != nil {
		si.stopDisc()
		si.stopDisc = nil
	}
}

func (si *signIn) looking(gen int) {
	if gen == si.gen {
		si.setNote(lang.X("mail.form.looking", "Recherche des réglages de cette adresse…"), widget.MediumImportance)
	}
}

// discovered fills the fields from the address; on failure it says why
// and leaves the settings to the user.
func (si *signIn) discovered(gen int, addr string, d mailbox.Discovery, err error) {
	if gen != si.gen {
		return // the address changed since
	}
	si.stopDisc = nil
	f := si.f
	if err != nil {
		fyne.LogError("discover the settings of "+addr, err)
		si.setNote(mailErrorMessage(err), widget.WarningImportance)
		if strings.TrimSpace(f.user.Text) == "" {
			f.user.SetText(addr)
		}
		si.adv.Open()
		return
	}
	if d.Preset.ID != "" {
		f.preset.SetSelected(d.Preset.Name)
		// Again, in case the preset was already the chosen one.
		f.presetID = d.Preset.ID
		si.setNote(d.Preset.Note(currentLang), widget.MediumImportance)
	} else {
		f.preset.SetSelected(otherPresetName())
		si.setNote(lang.X("mail.form.autoconfig",
			"Hygie a trouvé les réglages publiés par le domaine de cette adresse ; vous pouvez les vérifier dans « Réglages avancés »."), widget.MediumImportance)
	}
	f.host.SetText(d.Host)
	f.setSecurity(d.Security)
	f.port.SetText(strconv.Itoa(d.Port))
	f.user.SetText(d.Username)
	si.offer(nil, false)
	if d.Auth == mailbox.AuthOAuth2 {
		if p, ok := f.s.signin.providers(d.Provider); ok {
			si.offer(&p, d.Preset.AppPassword)
		}
	}
}

// onSignIn signs in with the provider off the UI goroutine, then saves the
// account once a login with the new token worked.
func (si *signIn) onSignIn() {
	f, p := si.f, si.provider
	if p == nil || si.stopSign != nil {
		return
	}
	a, err := f.account()
	if err != nil {
		f.show(mailErrorMessage(err), widget.DangerImportance)
		return
	}
	a.Auth, a.Provider = mailbox.AuthOAuth2, p.ID
	if !f.editing && f.exists(a.Name) {
		f.show(lang.X("mail.form.exists", "Un compte porte déjà ce nom : choisissez-en un autre, ou modifiez le compte existant."), widget.WarningImportance)
		return
	}
	address := strings.TrimSpace(si.address.Text)
	if address == "" {
		address = a.Username
	}
	ctx, cancel := context.WithCancel(context.Background())
	si.stopSign = cancel
	si.waiting(true)
	f.show(lang.X("mail.signin.browser",
		"Votre navigateur s'ouvre sur la page de connexion de {{.Name}} : connectez-vous, acceptez l'accès en lecture, puis revenez ici.",
		map[string]string{"Name": p.Name}), widget.MediumImportance)
	go si.signIn(ctx, *p, address, a)
}

// signIn runs on its own goroutine; widgets change only through do.
func (si *signIn) signIn(ctx context.Context, p oauth.Provider, address string, a mailbox.Account) {
	s := si.f.s
	show := func(c oauth.DeviceCode) { s.do(func() { si.showCode(c) }) }
	tok, err := p.SignIn(ctx, address, si.opener(), show)
	if err == nil {
		err = s.store.SaveOAuthAccount(ctx, s.keys, a, tok, s.opts)
	}
	if err == nil {
		s.signin.tokens.Forget(a.Name)
	}
	s.do(func() { si.signedIn(a, err) })
}

// opener opens the browser through the app; an error makes SignIn offer
// the device code.
func (si *signIn) opener() oauth.OpenURL {
	if o := si.f.s.signin.open; o != nil {
		return o
	}
	app := si.f.s.env.App
	return func(raw string) error {
		u, err := url.Parse(raw)
		if err != nil {
			return err
		}
		if app == nil {
			return errors.New("no app to open the browser")
		}
		return app.OpenURL(u)
	}
}

func (si *signIn) waiting(on bool) {
	setVisible(si.stopBtn, on)
	si.stopBtn.Enable()
	if on {
		si.button.Disable()
	} else {
		si.button.Enable()
		si.code.Hide()
	}
	for _, b := range si.actions {
		if on {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	si.relayout()
}

func (si *signIn) showCode(c oauth.DeviceCode) {
	if si.stopSign == nil {
		return
	}
	si.device = c
	si.codeTxt.SetText(c.URL + "\n" + c.Code)
	si.code.Show()
	si.relayout()
	si.f.show(lang.X("mail.signin.codewait", "Hygie attend que vous ayez saisi le code…"), widget.MediumImportance)
}

func (si *signIn) onCopy() {
	if app := si.f.s.env.App; app != nil && si.device.Code != "" {
		app.Clipboard().SetContent(si.device.Code)
	}
}

func (si *signIn) onStop() {
	if si.stopSign != nil {
		si.stopSign()
		si.stopBtn.Disable()
	}
}

// stop cancels the lookup and the sign-in when the form closes.
func (si *signIn) stop() {
	si.stopDiscovery()
	si.onStop()
}

// signedIn shows the outcome: the form closes on the saved account, or
// says why nothing was saved.
func (si *signIn) signedIn(a mailbox.Account, err error) {
	si.stopSign = nil
	si.waiting(false)
	f := si.f
	if errors.Is(err, context.Canceled) {
		f.show(lang.X("mail.signin.cancelled", "Connexion annulée : rien n'a été enregistré."), widget.MediumImportance)
		return
	}
	if err != nil {
		fyne.LogError("sign in "+a.Name, err)
		f.show(mailErrorMessage(err), widget.DangerImportance)
		return
	}
	f.close()
	f.s.refreshAccounts(a.Name)
	f.s.setStatus(lang.X("mail.signin.done", "Compte connecté : Hygie peut maintenant analyser cette boîte, en lecture seule."), widget.SuccessImportance)
}

// testSignedIn tests a stored sign-in account with its access token.
func (si *signIn) testSignedIn(a mailbox.Account) {
	f := si.f
	f.show(lang.X("mail.form.testing", "Connexion en cours…"), widget.MediumImportance)
	tokens, opts := f.s.signin.tokens, f.s.opts
	go func() {
		secret, err := tokens.Secret(a)
		if err == nil {
			err = mailbox.CheckLogin(context.Background(), a, secret, opts)
		}
		f.s.do(func() { f.tested(err) })
	}()
}

// scanSignedIn gets the account's access token (refreshed over the
// network when it expires), then scans as for a password.
func (s *mailScreen) scanSignedIn(a mailbox.Account) {
	s.scanBtn.Disable()
	s.editBtn.Disable()
	s.setStatus(lang.X("mail.scan.connecting", "Connexion à {{.Host}}…", map[string]string{"Host": a.Host}), widget.MediumImportance)
	tokens := s.signin.tokens
	go func() {
		secret, err := tokens.Secret(a)
		s.do(func() {
			if err != nil {
				fyne.LogError("sign-in of "+a.Name, err)
				s.scanBtn.Enable()
				s.editBtn.Enable()
				s.setStatus(mailErrorMessage(err), widget.DangerImportance)
				return
			}
			s.startScan(a, secret)
		})
	}()
}

// removeAccount forgets the account, its analyses and every keychain
// entry; a keychain that cannot be reached is logged, the account is gone.
func (s *mailScreen) removeAccount(name string) error {
	if err := s.store.RemoveAccount(s.keys, name); err != nil {
		if _, gone := s.store.Account(name); !errors.Is(gone, mailbox.ErrNoAccount) {
			return err
		}
		fyne.LogError("delete keychain entries of "+name, err)
	}
	s.session.Delete(name)
	s.signin.tokens.Forget(name)
	return nil
}

// deleteText is the confirmation of « Supprimer ce compte »; for a
// sign-in account it adds that the provider keeps Hygie's access until it
// is withdrawn there.
func deleteText(a mailbox.Account) string {
	text := lang.X("mail.form.delete.confirm", "Hygie oubliera ce compte, son mot de passe et ses analyses. Votre boîte aux lettres elle-même n'est pas touchée.")
	if r := revokeText(a); r != "" {
		text += "\n\n" + r
	}
	return text
}

// revokeText says where to withdraw Hygie's access, or "" for a password
// account.
func revokeText(a mailbox.Account) string {
	if !a.UsesOAuth2() {
		return ""
	}
	site, name := "account.microsoft.com", "Microsoft"
	if a.Provider == oauth.GoogleID {
		site, name = "myaccount.google.com", "Google"
	}
	return lang.X("mail.signin.revoke",
		"Rien n'est révoqué chez {{.Name}} : pour retirer aussi l'accès d'Hygie, allez sur {{.Site}}, rubrique « Sécurité ».",
		map[string]string{"Name": name, "Site": site})
}
