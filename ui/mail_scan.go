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
	s.pw = widget.NewPasswordEntry()
	msg := lang.X("mail.pw.ask", "Mot de passe de {{.User}} :", map[string]string{"User": a.Username})
	if s.keychainDown {
		msg = keychainDownMessage() + "\n\n" + msg
	}
	note := widget.NewLabel(msg)
	note.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(note, s.pw)
	var d dialog.Dialog
	s.pwSubmit = func() {
		pw := s.pw.Text
		if d != nil {
			d.Hide()
		}
		s.pw, s.pwSubmit = nil, nil
		if pw != "" {
			s.savePassword(a.Name, pw)
			then(pw)
		}
	}
	s.pw.OnSubmitted = func(string) { s.pwSubmit() }
	if s.env.Win == nil {
		return
	}
	d = dialog.NewCustomConfirm(lang.X("mail.pw.title", "Mot de passe de la messagerie"), lang.X("mail.pw.ok", "Analyser"),
		lang.X("mail.cancel", "Annuler"), content, func(ok bool) {
			if ok && s.pwSubmit != nil {
				s.pwSubmit()
			}
		}, s.env.Win)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
	s.env.Win.Canvas().Focus(s.pw)
}

func keychainDownMessage() string {
	return lang.X("mail.keychain.down",
		"Le trousseau de mots de passe du système n'est pas disponible sur cet ordinateur. Hygie vous demandera donc le mot de passe à chaque démarrage et le gardera seulement en mémoire, sans jamais l'écrire sur le disque.")
}

// startScan runs the scan off the UI goroutine; widgets change only in
// fyne.Do.
func (s *mailScreen) startScan(a mailbox.Account, pw string) {
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	s.done = make(chan struct{})
	done := s.done
	s.scanBtn.Disable()
	s.editBtn.Disable()
	s.cancelBtn.Show()
	s.bar.SetValue(0)
	s.bar.Show()
	s.setStatus(lang.X("mail.scan.connecting", "Connexion à {{.Host}}…", map[string]string{"Host": a.Host}), widget.MediumImportance)
	sc := mailbox.NewScanner(s.store, mail.NewAnalyzer(mail.Options{Lang: currentLang}), s.opts)
	go func() {
		defer close(done)
		sum, err := sc.Scan(ctx, a, pw, mailbox.Hooks{Progress: func(p mailbox.Progress) {
			s.do(func() { s.showProgress(p) })
		}})
		s.do(func() { s.scanEnded(a, sum, err) })
	}()
}

func (s *mailScreen) showProgress(p mailbox.Progress) {
	s.bar.SetValue(p.Fraction())
	s.setStatus(lang.X("mail.scan.progress", "Analyse de {{.Box}} : {{.Done}} sur {{.Total}} nouveaux messages…",
		map[string]any{"Box": p.Mailbox, "Done": p.Done, "Total": p.Total}), widget.MediumImportance)
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
	s.setStatus(lang.X("mail.scan.done", "{{.Scanned}} message(s) dans la boîte, {{.New}} nouveau(x) analysé(s) ; {{.Flagged}} à vérifier de près.",
		map[string]any{"Scanned": sum.Scanned, "New": sum.New, "Flagged": sum.Flagged}), flaggedImportance(sum.Flagged))
	if rec, ok, err := s.store.LastScan(); err == nil && ok {
		notifyScanDone(s.env, rec)
	}
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
	s.untrusted = ce
	if s.env.Win == nil {
		return
	}
	body := widget.NewLabel(mailCertText(ce))
	body.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.X("mail.cert.title", "Certificat du serveur non reconnu"),
		lang.X("mail.cert.trust", "Faire confiance à ce certificat"), lang.X("mail.cancel", "Annuler"), body,
		func(ok bool) {
			if ok {
				s.trustCert(a, ce.SHA256)
			}
		}, s.env.Win)
	d.Resize(fyne.NewSize(520, 0))
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

// mailErrorMessage explains a failure in one French sentence with a next
// step. The English detail goes to the log, never a password.
func mailErrorMessage(err error) string {
	if errors.Is(err, context.Canceled) {
		return lang.X("mail.err.cancelled", "Analyse interrompue. Les messages déjà analysés sont conservés ; la prochaine analyse reprendra là où elle s'est arrêtée.")
	}
	for _, e := range mailErrors() {
		if errors.Is(err, e.err) {
			return e.text
		}
	}
	for _, e := range []error{store.ErrCorrupt, store.ErrLocked, store.ErrReadOnly, store.ErrTooNew} {
		if errors.Is(err, e) {
			return dbErrorMessage(err)
		}
	}
	return lang.X("mail.err.other", "L'analyse n'a pas abouti. Les messages déjà analysés sont conservés ; réessayez dans un moment.")
}

type mailErr struct {
	err  error
	text string
}

func mailErrors() []mailErr {
	return []mailErr{
		{mailbox.ErrBadCert, lang.X("mail.err.cert", "Le certificat du serveur n'est pas reconnu : Hygie ne s'y est pas connecté. Vérifiez le nom du serveur, ou approuvez le certificat s'il vient bien de votre fournisseur.")},
		{mailbox.ErrAuth, lang.X("mail.err.auth", "Identifiant ou mot de passe refusé par le serveur. Vérifiez-les avec « Modifier » ; certains fournisseurs (Gmail, iCloud…) exigent un mot de passe d'application.")},
		{mailbox.ErrRefused, lang.X("mail.err.refused", "Le serveur refuse la connexion. Vérifiez le nom du serveur et le port avec « Modifier ».")},
		{mailbox.ErrHostNotFound, lang.X("mail.err.notfound", "Ce nom de serveur est introuvable. Vérifiez son orthographe avec « Modifier » et que l'ordinateur est connecté à Internet.")},
		{mailbox.ErrTLS, lang.X("mail.err.tls", "La connexion sécurisée n'a pas pu s'établir. Vérifiez le port et le type de sécurité (TLS ou STARTTLS) avec « Modifier ».")},
		{mailbox.ErrDropped, lang.X("mail.err.dropped", "Le serveur a coupé la connexion en cours d'analyse. Les messages déjà analysés sont conservés ; relancez l'analyse pour continuer.")},
		{mailbox.ErrTimeout, lang.X("mail.err.timeout", "Le serveur ne répond pas assez vite. Les messages déjà analysés sont conservés ; réessayez plus tard.")},
		{mailbox.ErrMailboxNotFound, lang.X("mail.err.nobox", "Un des dossiers à analyser n'existe pas sur le serveur. Corrigez la liste des dossiers avec « Modifier ».")},
		{mailbox.ErrPlaintextRefused, lang.X("mail.err.plaintext", "Connexion non chiffrée refusée : choisissez TLS ou STARTTLS.")},
		{mailbox.ErrInvalidAccount, lang.X("mail.err.invalid", "Les réglages du compte sont incomplets : renseignez au moins le serveur et l'identifiant.")},
		{mailbox.ErrServer, lang.X("mail.err.server", "Le serveur de messagerie a signalé une erreur. Les messages déjà analysés sont conservés ; réessayez plus tard.")},
		{mailbox.ErrKeychainUnavailable, keychainDownMessage()},
	}
}
