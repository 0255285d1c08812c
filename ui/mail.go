package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hygie/mail/mailbox"
	"hygie/mail/oauth"
)

// mailScreen scans the practice's mailboxes read-only and explains the
// verdict of each message.
type mailScreen struct {
	env   *Env
	store *mailbox.Store // nil when the database is unavailable
	keys  mailbox.Keychain
	// session keeps passwords typed while the system keychain is
	// unavailable, in memory only, until Hygie quits.
	session      *mailbox.MemoryKeychain
	keychainDown bool
	opts         mailbox.Options
	signin       *signinDeps // Microsoft and Google sign-in, and its tokens

	accounts []mailbox.Account
	current  int // index in accounts, -1 when there is none
	msgs     []mailbox.Message
	cancel   context.CancelFunc // non-nil while a scan runs

	accountSel *widget.Select
	editBtn    *widget.Button
	scanBtn    *widget.Button
	cancelBtn  *widget.Button
	bar        *widget.ProgressBar
	status     *widget.Label
	list       *widget.List
	detail     *fyne.Container

	// do runs a function on the UI goroutine: fyne.Do, or in tests a
	// queue the test goroutine drains, so that -race sees one UI thread.
	do func(func())
}

// sessionPasswords outlives the screen: a password typed when the keychain
// is unavailable is asked once per run of Hygie, not once per screen.
var sessionPasswords = &mailbox.MemoryKeychain{}

// mailView builds the mail section.
func mailView(env *Env) fyne.CanvasObject {
	s := newMailScreen(env, mailbox.SystemKeychain{}, fyne.Do)
	// Each batch is saved as it is analysed, so the next scan resumes.
	env.onLeave("mail", s.onCancel)
	return s.content()
}

// newMailScreen builds the screen on keys; do hands the scan's results to
// the UI goroutine (fyne.Do in the app).
func newMailScreen(env *Env, keys mailbox.Keychain, do func(func())) *mailScreen {
	return &mailScreen{env: env, store: env.mail.store, keys: keys, session: sessionPasswords, current: -1, do: do,
		signin: newSigninDeps(keys, oauth.ByID)}
}

// content builds the widgets once; refreshX methods update them.
func (s *mailScreen) content() fyne.CanvasObject {
	title := heading(lang.X("mail.title", "Messagerie"))
	intro := wrapped(lang.X("mail.intro",
		"Hygie lit votre boîte aux lettres sans rien y modifier : aucun message n'est marqué comme lu, déplacé ni effacé. Il signale les messages suspects en expliquant pourquoi, et distingue la messagerie sécurisée de santé (MSSanté) de la messagerie ordinaire."))
	if s.store == nil {
		return container.NewBorder(container.NewVBox(title, intro, dbBanner(s.dbErr())), nil, nil, nil)
	}
	top := container.NewVBox(title, intro, s.controls(), s.bar, s.status)
	split := container.NewHSplit(s.messageList(), container.NewVScroll(s.detailPane()))
	split.Offset = 0.45
	s.refreshAccounts("")
	return container.NewBorder(top, nil, nil, nil, split)
}

func (s *mailScreen) dbErr() error {
	if s.env.DBErr != nil {
		return s.env.DBErr
	}
	return errors.New("mailbox tables unavailable")
}

// controls: account choice, add/edit, scan and cancel, progress, status.
func (s *mailScreen) controls() fyne.CanvasObject {
	s.accountSel = widget.NewSelect(nil, func(string) { s.onAccountChosen() })
	s.accountSel.PlaceHolder = lang.X("mail.account.none", "Aucun compte")
	add := widget.NewButtonWithIcon(lang.X("mail.account.add", "Ajouter un compte"), theme.ContentAddIcon(), func() { s.openAccountForm(nil) })
	s.editBtn = widget.NewButtonWithIcon(lang.X("mail.account.edit", "Modifier"), theme.DocumentCreateIcon(), s.onEdit)
	s.scanBtn = widget.NewButtonWithIcon(lang.X("mail.scan", "Analyser"), theme.SearchIcon(), s.onScan)
	s.scanBtn.Importance = widget.HighImportance
	s.cancelBtn = widget.NewButtonWithIcon(lang.X("mail.cancel", "Annuler"), theme.CancelIcon(), s.onCancel)
	s.cancelBtn.Hide()
	s.bar = widget.NewProgressBar()
	s.bar.Hide()
	s.status = wrapped("")
	// The account list takes the room left by the buttons, so that long
	// addresses stay readable.
	return container.NewBorder(nil, nil, nil, container.NewHBox(add, s.editBtn, s.scanBtn, s.cancelBtn), s.accountSel)
}

// refreshAccounts reloads the saved accounts and selects name (or the
// first one).
func (s *mailScreen) refreshAccounts(name string) {
	accts, err := s.store.Accounts()
	if err != nil {
		fyne.LogError("list mail accounts", err)
		s.setStatus(mailErrorMessage(err), widget.DangerImportance)
	}
	s.accounts = accts
	names := make([]string, len(accts))
	sel := ""
	for i, a := range accts {
		names[i] = a.Name
		if a.Name == name || sel == "" && i == 0 {
			sel = a.Name
		}
	}
	s.accountSel.SetOptions(names)
	if sel != "" {
		s.accountSel.SetSelected(sel) // calls onAccountChosen
	} else {
		s.onAccountChosen()
	}
}

func (s *mailScreen) onAccountChosen() {
	s.current = s.accountSel.SelectedIndex()
	if s.current < 0 {
		s.editBtn.Disable()
		s.scanBtn.Disable()
		s.setStatus(lang.X("mail.account.first", "Ajoutez d'abord le compte de messagerie du cabinet avec « Ajouter un compte »."), widget.MediumImportance)
	} else if s.cancel == nil {
		s.editBtn.Enable()
		s.scanBtn.Enable()
		s.setStatus(s.lastScanText(), widget.MediumImportance)
	}
	s.refreshMessages()
}

func (s *mailScreen) account() (mailbox.Account, bool) {
	if s.current < 0 || s.current >= len(s.accounts) {
		return mailbox.Account{}, false
	}
	return s.accounts[s.current], true
}

func (s *mailScreen) onEdit() {
	if a, ok := s.account(); ok {
		s.openAccountForm(&a)
	}
}

func (s *mailScreen) setStatus(text string, imp widget.Importance) {
	s.status.Importance = imp
	s.status.SetText(text)
}

// mailCard is the dashboard card: the flagged count of the last scan or,
// before the first one, the next step (add the practice's mailbox, or
// analyse it); nil without a database.
func mailCard(env *Env) fyne.CanvasObject {
	st := env.mail.store
	if st == nil {
		return nil
	}
	rec, ok, err := st.LastScan()
	if err != nil {
		fyne.LogError("read last mail scan", err)
		return nil
	}
	text := wrapped("")
	open := widget.NewButton(lang.X("mail.card.open", "Ouvrir la messagerie"), func() { openSection(env, "mail") })
	accounts, err := st.Accounts()
	if err != nil { // the card then offers to add one: the mail screen says what is wrong
		fyne.LogError("list mail accounts", err)
	}
	switch {
	case ok:
		text.SetText(mailCardText(rec))
	case len(accounts) > 0:
		text.SetText(lang.X("mail.card.noscan", "Aucune analyse encore : lancez-la depuis la messagerie, avec « Analyser »."))
		open.Importance = widget.HighImportance
	default:
		text.SetText(lang.X("mail.card.start", "Hygie peut relire les messages que reçoit le cabinet, sans rien changer dans la boîte, et vous dire lesquels sont suspects et pourquoi."))
		open.SetText(lang.X("mail.card.add", "Ajouter la boîte du cabinet"))
		open.Importance = widget.HighImportance
	}
	env.mail.onScanDone(func(r mailbox.ScanRecord) {
		text.SetText(mailCardText(r))
		open.SetText(lang.X("mail.card.open", "Ouvrir la messagerie"))
		open.Importance = widget.MediumImportance
		open.Refresh()
	})
	return widget.NewCard(lang.X("mail.card.title", "Messagerie"), "", container.NewVBox(text, open))
}
