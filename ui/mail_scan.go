package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hygie/mail"
	"hygie/mail/mailbox"
	"hygie/store"
)

// onScan finds the password, then scans the current account.
func (s *mailScreen) onScan() {
	a, ok := s.account()
	if !ok || s.cancel != nil {
		return
	}
	if a.UsesOAuth2() {
		s.scanSignedIn(a) // tokens.Secret: the access token, refreshed when due
		return
	}
	pw, err := s.password(a.Name)
	if err == nil {
		s.startScan(a, pw)
		return
	}
	if !errors.Is(err, mailbox.ErrNoPassword) {
		fyne.LogError("read password of "+a.Name, err)
	}
	s.askPassword(a, func(pw string) { s.startScan(a, pw) })
}

// password looks in the keychain, then in this session's memory. An
// unavailable keychain switches the screen to "ask each time" mode.
func (s *mailScreen) password(account string) (string, error) {
	if !s.keychainDown {
		pw, err := s.keys.Get(account)
		if err == nil {
			return pw, nil
		}
		if !errors.Is(err, mailbox.ErrKeychainUnavailable) {
			return "", err
		}
		fyne.LogError("system keychain", err)
		s.keychainDown = true
	}
	return s.session.Get(account)
}

// savePassword keeps pw in the keychain or, when it is unavailable, in
// memory for this session only. It returns false in the latter case.
func (s *mailScreen) savePassword(account, pw string) bool {
	if !s.keychainDown {
		err := s.keys.Set(account, pw)
		if err == nil {
			return true
		}
		fyne.LogError("save password of "+account, err)
		s.keychainDown = true
	}
	s.session.Set(account, pw)
	return false
}

// askPassword prompts for the password; when the keychain is unavailable
// it says so, and that the password stays in memory only.
func (s *mailScreen) askPassword(a mailbox.Account, then func(string)) {
	if s.env.Win == nil {
		return
	}
	pw := newPasswordField()
	msg := lang.X("mail.pw.ask", "Mot de passe de {{.User}} :", map[string]string{"User": a.Username})
	if s.keychainDown {
		msg = keychainDownMessage() + "\n\n" + msg
	}
	note := wrapped(msg)
	content := container.NewVBox(note, pw)
	var d dialog.Dialog
	submitted := false
	submit := func() {
		if submitted { // once, should Enter come twice before the dialog is gone
			return
		}
		submitted = true
		d.Hide()
		if pw.Text != "" {
			s.savePassword(a.Name, pw.Text)
			then(pw.Text)
		}
	}
	pw.OnSubmitted = func(string) { submit() }
	d = newCustomConfirm(lang.X("mail.pw.title", "Mot de passe de la messagerie"), lang.X("mail.pw.ok", "Analyser"),
		lang.X("mail.cancel", "Annuler"), content, func(ok bool) {
			if ok {
				submit()
			}
		}, s.env.Win)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
	s.env.Win.Canvas().Focus(pw)
}

func keychainDownMessage() string {
	return mailbox.Explain(mailbox.ErrKeychainUnavailable, mailbox.InApp).In(currentLang)
}

// startScan runs the scan off the UI goroutine; widgets change only in
// fyne.Do.
func (s *mailScreen) startScan(a mailbox.Account, pw string) {
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	s.scanBtn.Disable()
	s.editBtn.Disable()
	s.cancelBtn.Show()
	s.bar.SetValue(0)
	s.bar.Show()
	s.setStatus(lang.X("mail.scan.connecting", "Connexion à {{.Host}}…", map[string]string{"Host": a.Host}), widget.MediumImportance)
	sc := mailbox.NewScanner(s.store, mail.NewAnalyzer(mail.Options{Lang: currentLang}), s.opts)
	go func() {
		sum, err := sc.Scan(ctx, a, pw, mailbox.Hooks{Progress: func(p mailbox.Progress) {
			s.do(func() { s.showProgress(p) })
		}})
		s.do(func() { s.scanEnded(a, sum, err) })
	}()
}

func (s *mailScreen) showProgress(p mailbox.Progress) {
	s.bar.SetValue(p.Fraction())
	s.setStatus(scanProgressText(p), widget.MediumImportance)
}

// scanProgressText says what the scan is doing. After an update of Hygie the
// messages judged by the former rules are checked again, after the new
// ones: the count then covers both, so it no longer says « nouveaux ».
func scanProgressText(p mailbox.Progress) string {
	data := map[string]any{"Box": p.Mailbox, "Done": p.Done, "Total": p.Total}
	switch {
	case p.Rechecking:
		return lang.X("mail.scan.progress.recheck", "Hygie a été mis à jour : nouvelle vérification des messages déjà vus de {{.Box}}, {{.Done}} sur {{.Total}}…", data)
	case p.Rechecks > 0:
		return lang.X("mail.scan.progress.all", "Analyse de {{.Box}} : {{.Done}} sur {{.Total}} messages…", data)
	}
	return lang.X("mail.scan.progress", "Analyse de {{.Box}} : {{.Done}} sur {{.Total}} nouveaux messages…", data)
}

func (s *mailScreen) onCancel() {
	if s.cancel != nil {
		s.cancel()
		s.cancelBtn.Disable()
	}
}

// scanEnded shows the outcome; what was analysed before a failure is in
// the cache and shown too.
func (s *mailScreen) scanEnded(a mailbox.Account, sum mailbox.Summary, err error) {
	s.cancel = nil
	s.cancelBtn.Hide()
	s.cancelBtn.Enable()
	s.bar.Hide()
	s.scanBtn.Enable()
	s.editBtn.Enable()
	s.refreshMessages()
	if err != nil {
		fyne.LogError("scan "+a.Name, err)
		s.setStatus(mailErrorMessage(err), widget.DangerImportance)
		s.offerCertTrust(a, err)
		return
	}
	done := scanDoneText(sum.Scanned, sum.New, sum.Flagged)
	if sum.Rechecked > 0 {
		done += " " + plural("mail.scan.done.rechecked", sum.Rechecked,
			"{{.N}} message déjà vu a été vérifié à nouveau avec les règles à jour.",
			"{{.N}} messages déjà vus ont été vérifiés à nouveau avec les règles à jour.", map[string]any{"N": sum.Rechecked})
	}
	s.setStatus(done, flaggedImportance(sum.Flagged))
	updateStatus(s.env)
	if rec, ok, err := s.store.LastScan(); err == nil && ok {
		s.env.mail.scanned(rec)
	}
}

// scanDoneText sums a scan up in three clauses, each with its own plural:
// « 35 messages dans la boîte, 1 nouveau analysé ; 2 à vérifier de près. »
func scanDoneText(scanned, fresh, flagged int) string {
	box := plural("mail.scan.done.box", scanned, "{{.N}} message dans la boîte", "{{.N}} messages dans la boîte", map[string]any{"N": scanned})
	news := plural("mail.scan.done.new", fresh, "{{.N}} nouveau analysé", "{{.N}} nouveaux analysés", map[string]any{"N": fresh})
	return lang.X("mail.scan.done", "{{.Box}}, {{.New}} ; {{.Flagged}} à vérifier de près.", map[string]any{"Box": box, "New": news, "Flagged": flagged})
}

func flaggedImportance(n int) widget.Importance {
	if n > 0 {
		return widget.WarningImportance
	}
	return widget.SuccessImportance
}

// offerCertTrust shows an untrusted certificate's identity and lets the
// user trust it explicitly (pinned by fingerprint): never silently.
func (s *mailScreen) offerCertTrust(a mailbox.Account, err error) {
	var ce *mailbox.CertError
	if !errors.As(err, &ce) {
		return
	}
	if s.env.Win == nil {
		return
	}
	body := wrapped(mailCertText(ce))
	d := newCustomConfirm(lang.X("mail.cert.title", "Certificat du serveur non reconnu"),
		lang.X("mail.cert.trust", "Faire confiance à ce certificat"), lang.X("mail.cancel", "Annuler"), body,
		func(ok bool) {
			if ok {
				s.trustCert(a, ce.SHA256)
			}
		}, s.env.Win)
	d.Resize(fyne.NewSize(520, 0))
	d.focus = focusDismiss // trusting a certificate is never a reflex
	d.Show()
}

func mailCertText(ce *mailbox.CertError) string {
	return lang.X("mail.cert.body",
		"Le serveur {{.Host}} présente un certificat qu'aucune autorité reconnue ne garantit. Ce peut être normal (serveur de votre établissement avec un certificat « auto-signé ») ou le signe d'une interception. Comparez l'empreinte ci-dessous avec celle que votre fournisseur ou votre prestataire vous communique ; ne faites confiance que si elles sont identiques.\n\nSujet : {{.Subject}}\nÉmetteur : {{.Issuer}}\nEmpreinte SHA-256 : {{.FP}}",
		map[string]string{"Host": ce.Host, "Subject": ce.Subject, "Issuer": ce.Issuer, "FP": mailbox.FormatFingerprint(ce.SHA256)})
}

// trustCert pins the certificate on the account, by explicit choice.
func (s *mailScreen) trustCert(a mailbox.Account, fp string) {
	a.PinnedSHA256 = fp
	if err := s.store.SaveAccount(a); err != nil {
		s.setStatus(mailErrorMessage(err), widget.DangerImportance)
		return
	}
	s.refreshAccounts(a.Name)
	s.setStatus(lang.X("mail.cert.trusted", "Certificat approuvé pour ce compte. Relancez l'analyse."), widget.MediumImportance)
}

// mailErrorMessage explains a failure in one sentence with a next step,
// from the table the command line shares; the database's own failures are
// said as everywhere else in the window. The English detail goes to the
// log, never a password.
func mailErrorMessage(err error) string {
	// First: ErrTokenRefused is also ErrAuth, whose password wording
	// would be wrong after a sign-in.
	if text, ok := mailbox.ExplainAuth(err, currentLang); ok {
		return text
	}
	for _, e := range []error{store.ErrCorrupt, store.ErrLocked, store.ErrReadOnly, store.ErrTooNew} {
		if errors.Is(err, e) {
			return dbErrorMessage(err)
		}
	}
	return mailbox.Explain(err, mailbox.InApp).In(currentLang)
}
