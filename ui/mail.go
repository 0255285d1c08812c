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
	current  int                // index in accounts, -1 when there is none
	demoOn   bool               // the demonstration mailbox is chosen
	cancel   context.CancelFunc // non-nil while a scan runs

	// msgList is the list of the chosen account's messages (or the demo's)
	// and the detail of the selected one.
	*msgList
	verify *verifyScreen
	tabs   *tabs

	accountSel *widget.Select
	editBtn    *button
	scanBtn    *button
	cancelBtn  *button
	bar        *widget.ProgressBar
	status     *widget.Label
	demoNote   *widget.Label
	demoCheck  *widget.Check

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
	s := &mailScreen{env: env, store: env.mail.store, keys: keys, session: sessionPasswords, current: -1, do: do,
		signin: newSigninDeps(keys, oauth.ByID)}
	s.msgList = newMsgList(env)
	s.verify = newVerifyScreen(env, do)
	env.mail.verify = s.verify
	return s
}

// content builds the widgets once; refreshX methods update them. The
// section has two tabs: the practice's mailbox (or the demonstration
// mailbox) and « Vérifier un message », which works without an account.
func (s *mailScreen) content() fyne.CanvasObject {
	title := heading(lang.X("mail.title", "Messagerie"))
	s.tabs = newTabs(
		container.NewTabItemWithIcon(lang.X("mail.tab.inbox", "Boîte du cabinet"), theme.MailComposeIcon(), s.inboxContent()),
		container.NewTabItemWithIcon(lang.X("mail.tab.verify", "Vérifier un message"), theme.SearchIcon(), s.verify.content()))
	s.verify.onShow = func() { s.tabs.SelectIndex(1) }
	return container.NewBorder(title, nil, nil, nil, s.tabs)
}

func (s *mailScreen) inboxContent() fyne.CanvasObject {
	intro := wrapped(lang.X("mail.intro",
		"Hygie lit votre boîte aux lettres sans rien y modifier : aucun message n'est marqué comme lu, déplacé ni effacé. Il signale les messages suspects en expliquant pourquoi, et distingue la messagerie sécurisée de santé (MSSanté) de la messagerie ordinaire."))
	if s.store == nil {
		return container.NewBorder(container.NewVBox(intro, dbBanner(s.dbErr())), nil, nil, nil)
	}
	s.demoNote = wrapped(lang.X("mail.demo.note", "Boîte de démonstration : ces messages d'exemple, écrits pour vous montrer Hygie, ne sont dans aucune boîte et ne comptent dans aucune analyse. Pour vérifier vos vrais messages, ajoutez le compte du cabinet."))
	s.demoNote.Importance = widget.WarningImportance
	s.demoNote.Hide()
	s.demoCheck = widget.NewCheck(lang.X("mail.demo.show", "Montrer aussi la boîte de démonstration"), s.onDemoShown)
	s.demoCheck.Checked = s.env.App.Preferences().Bool(prefMailDemoShow)
	top := container.NewVBox(intro, s.controls(), s.bar, s.status, s.demoNote)
	s.refreshAccounts("")
	return border(top, s.demoCheck, nil, nil, s.msgList.content(0.55))
}

// demoLabel is the demonstration mailbox's name in the account list.
func demoLabel() string {
	return lang.X("mail.demo.account", "Démo : boîte d'exemple")
}

// demoVisible: the demonstration mailbox is offered on a fresh install,
// and once an account exists only when the user asked for it again.
func (s *mailScreen) demoVisible() bool {
	return len(s.accounts) == 0 || s.env.App.Preferences().Bool(prefMailDemoShow)
}

func (s *mailScreen) onDemoShown(on bool) {
	s.env.App.Preferences().SetBool(prefMailDemoShow, on)
	name := ""
	if a, ok := s.account(); ok {
		name = a.Name
	}
	if on {
		name = demoLabel()
	}
	s.refreshAccounts(name)
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
	add := newButtonWithIcon(lang.X("mail.account.add", "Ajouter un compte"), theme.ContentAddIcon(), func() { s.openAccountForm(nil) })
	s.editBtn = newButtonWithIcon(lang.X("mail.account.edit", "Modifier"), theme.DocumentCreateIcon(), s.onEdit)
	s.scanBtn = newButtonWithIcon(lang.X("mail.scan", "Analyser"), theme.SearchIcon(), s.onScan)
	s.scanBtn.Importance = widget.HighImportance
	s.cancelBtn = newButtonWithIcon(lang.X("mail.cancel", "Annuler"), theme.CancelIcon(), s.onCancel)
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
	names := make([]string, len(accts), len(accts)+1)
	sel := ""
	for i, a := range accts {
		names[i] = a.Name
		if a.Name == name || sel == "" && i == 0 {
			sel = a.Name
		}
	}
	if s.demoVisible() {
		names = append(names, demoLabel())
		if sel == "" || name == demoLabel() {
			sel = demoLabel()
		}
	}
	if len(accts) > 0 {
		s.demoCheck.Show()
	} else {
		s.demoCheck.Hide()
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
	s.demoOn = s.current >= len(s.accounts)
	if s.demoOn {
		s.current = -1
		s.demoNote.Show()
	} else {
		s.demoNote.Hide()
	}
	if s.current < 0 && len(s.accounts) > 0 {
		s.editBtn.Disable()
		s.scanBtn.Disable()
		s.setStatus(lang.X("mail.demo.chosen", "Vous regardez la boîte de démonstration : choisissez le compte du cabinet pour l'analyser."), widget.MediumImportance)
	} else if s.current < 0 && s.demoOn {
		s.editBtn.Disable()
		s.scanBtn.Disable()
		s.setStatus("", widget.MediumImportance) // the demo's note says what to do
	} else if s.current < 0 {
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

// setStatus shows text under the controls; an empty text takes no room.
func (s *mailScreen) setStatus(text string, imp widget.Importance) {
	s.status.Importance = imp
	s.status.SetText(text)
	s.status.Hidden = text == ""
	s.status.Refresh()
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
	open := newButton(lang.X("mail.card.open", "Ouvrir la messagerie"), func() { openSection(env, "mail") })
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
