package ui

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hygie/mail"
	"hygie/mail/mailbox"
)

// verifyGuide is the guide that shows how to copy a message's source.
const verifyGuide = "source-message"

// verifyExtensions are the files the open dialog offers.
var verifyExtensions = []string{".eml", ".msg", ".mbox", ".txt"}

// verifyScreen checks a message the user drops, opens or pastes, and shows
// the same verdict view as a scanned message. Nothing is stored and
// nothing is sent: the messages live in this view's memory only.
type verifyScreen struct {
	env *Env
	// do hands results to the UI goroutine (fyne.Do); work runs the
	// reading and the analysis (a goroutine in the app, inline in tests).
	do   func(func())
	work func(func())
	// onShow brings this view forward (set by the mail screen).
	onShow func()

	list     *msgList
	status   *widget.Label
	errs     *widget.Label
	paste    *textArea
	pasteBox *fyne.Container
}

func newVerifyScreen(env *Env, do func(func())) *verifyScreen {
	return &verifyScreen{env: env, do: do, work: func(f func()) { go f() }, list: newMsgList(env)}
}

// verifyPromise is the sentence under every way into the check.
func verifyPromise() string {
	return lang.X("mail.verify.promise", "Vérifier un message déposé, ouvert ou collé n'enregistre rien et n'envoie rien : l'analyse se fait sur cet ordinateur, et le message est oublié quand vous quittez Hygie.")
}

func (v *verifyScreen) content() fyne.CanvasObject {
	intro := wrapped(lang.X("mail.verify.intro", "Un message vous semble douteux ? Enregistrez-le depuis votre messagerie (.eml ou .msg) et glissez-le sur cette fenêtre, ouvrez-le, ou collez sa source."))
	promise := wrapped(verifyPromise())
	promise.TextStyle.Italic = true
	open := newButtonWithIcon(lang.X("mail.verify.open", "Ouvrir un fichier…"), theme.FolderOpenIcon(), v.onOpen)
	open.Importance = widget.HighImportance
	pasteBtn := newButtonWithIcon(lang.X("mail.verify.paste", "Coller la source…"), theme.ContentPasteIcon(), v.onPasteShown)
	v.status = wrapped("")
	v.errs = wrapped("")
	v.errs.Importance = widget.DangerImportance
	v.errs.Hide()
	v.paste = newTextArea()
	v.paste.SetPlaceHolder(lang.X("mail.verify.paste.placeholder", "Collez ici la source complète du message, en-têtes compris (Return-Path:, Received:, From:…)"))
	v.paste.SetMinRowsVisible(6)
	how := wrapped(lang.X("mail.verify.paste.how", "Pour copier la source : Outlook, « Afficher la source du message » ; Gmail, « Afficher l'original » ; Thunderbird, Ctrl+U ; webmail Orange, « Afficher la source » ; Apple Mail, Présentation › Message › Source brute."))
	guide := newButtonWithIcon(lang.X("mail.verify.paste.guide", "Les étapes pas à pas"), theme.HelpIcon(), func() { openGuide(v.env, verifyGuide) })
	check := newButtonWithIcon(lang.X("mail.verify.paste.check", "Vérifier le texte collé"), theme.SearchIcon(), func() { v.onPasted(v.paste.Text) })
	check.Importance = widget.HighImportance
	v.pasteBox = container.NewVBox(how, v.paste, container.NewHBox(check, guide))
	v.pasteBox.Hide()
	top := container.NewVBox(intro, container.NewHBox(open, pasteBtn), promise, v.pasteBox, v.errs, v.status)
	return border(top, nil, nil, nil, v.list.content(0.55))
}

func (v *verifyScreen) onPasteShown() {
	v.pasteBox.Show()
	if v.env.Win != nil {
		v.env.Win.Canvas().Focus(v.paste)
	}
}

// onOpen shows the file dialog; the chosen file goes to opened.
func (v *verifyScreen) onOpen() {
	if v.env.Win == nil {
		return
	}
	d := dialog.NewFileOpen(v.opened, v.env.Win)
	d.SetFilter(storage.NewExtensionFileFilter(verifyExtensions))
	d.Resize(dialogSize(v.env.Win))
	d.Show()
}

// opened is the file dialog's callback: r is nil when the user cancelled.
func (v *verifyScreen) opened(r fyne.URIReadCloser, err error) {
	if err != nil {
		fyne.LogError("file dialog", err)
		v.showErrors([]string{lang.X("mail.verify.err.open", "Le fichier n'a pas pu être ouvert. Réessayez, ou enregistrez de nouveau le message.")})
		return
	}
	if r == nil {
		return
	}
	name := r.URI().Name()
	size := int64(-1)
	if r.URI().Scheme() == "file" {
		if st, err := os.Stat(r.URI().Path()); err == nil {
			size = st.Size()
		}
	}
	v.run(func() []verifyResult {
		defer r.Close()
		return []verifyResult{readVerify(name, r, size)}
	})
}

// dropped checks the files dropped on the window.
func (v *verifyScreen) dropped(uris []fyne.URI) {
	if v.onShow != nil {
		v.onShow()
	}
	if len(uris) == 0 {
		return
	}
	v.run(func() []verifyResult {
		out := make([]verifyResult, 0, len(uris))
		for _, u := range uris {
			out = append(out, readURI(u))
		}
		return out
	})
}

// onPasted checks pasted source text.
func (v *verifyScreen) onPasted(text string) {
	v.run(func() []verifyResult {
		return []verifyResult{readVerify("", strings.NewReader(text), int64(len(text)))}
	})
}

// run reads and analyses off the UI goroutine, then shows the results.
func (v *verifyScreen) run(read func() []verifyResult) {
	v.status.SetText(lang.X("mail.verify.running", "Analyse en cours…"))
	v.work(func() {
		res := read()
		v.do(func() { v.show(res) })
	})
}

// verifyResult is what one input gave: messages to show, or the sentence
// that says why there is none.
type verifyResult struct {
	name string
	msgs []mailbox.Message
	ext  []mailEntry
	err  string
}

// readURI opens a dropped file. Only local files are read.
func readURI(u fyne.URI) verifyResult {
	name := u.Name()
	if u.Scheme() != "file" {
		return verifyResult{name: name, err: lang.X("mail.verify.err.notfile", "Seuls les fichiers de cet ordinateur peuvent être vérifiés : enregistrez d'abord le message.")}
	}
	f, err := os.Open(u.Path())
	if err != nil {
		fyne.LogError("open dropped file", err)
		return verifyResult{name: name, err: lang.X("mail.verify.err.open", "Le fichier n'a pas pu être ouvert. Réessayez, ou enregistrez de nouveau le message.")}
	}
	defer f.Close()
	st, err := f.Stat()
	switch {
	case err != nil:
		fyne.LogError("stat dropped file", err)
		return verifyResult{name: name, err: lang.X("mail.verify.err.open", "Le fichier n'a pas pu être ouvert. Réessayez, ou enregistrez de nouveau le message.")}
	case st.IsDir():
		return verifyResult{name: name, err: lang.X("mail.verify.err.dir", "C'est un dossier : déposez les messages eux-mêmes.")}
	}
	return readVerify(name, f, st.Size())
}

// readVerify reads one input with mail.ReadInput and analyses each
// message it holds. Never a panic: an input the engine cannot read gets
// its sentence.
func readVerify(name string, r io.Reader, size int64) (res verifyResult) {
	res.name = name
	defer func() {
		if p := recover(); p != nil {
			fyne.LogError("verify "+name, fmt.Errorf("panic: %v", p))
			res = verifyResult{name: name, err: lang.X("mail.verify.err.unreadable", "Ce message n'a pas pu être analysé. Restez prudent avec ses liens et ses pièces jointes.")}
		}
	}()
	ins, err := mail.ReadInput(name, r, size)
	if err != nil && len(ins) == 0 {
		fyne.LogError("verify "+name, err)
		if t, ok := mail.InputErrorText(err); ok {
			res.err = t.In(currentLang)
		} else {
			res.err = lang.X("mail.verify.err.open", "Le fichier n'a pas pu être ouvert. Réessayez, ou enregistrez de nouveau le message.")
		}
		return res
	}
	an := mail.NewAnalyzer(mail.Options{Lang: currentLang})
	for _, in := range ins {
		m, e := analyseInput(an, in)
		res.msgs, res.ext = append(res.msgs, m), append(res.ext, e)
	}
	return res
}

// analyseInput judges one input and adds what the verdict could not cover.
func analyseInput(an *mail.Analyzer, in mail.Input) (mailbox.Message, mailEntry) {
	rep, err := an.Analyze(bytes.NewReader(in.Raw))
	m := mailbox.Message{Date: rep.Date, Size: int64(len(in.Raw)), Report: rep}
	if err != nil {
		fyne.LogError("analyse "+in.Name, err)
		m.AnalysisError = err.Error()
	}
	e := mailEntry{raw: in.Raw, forwarded: in.Forward.Kind != mail.NotForwarded, forwardedBy: in.Forward.By.Addr}
	if n := in.Forward.Note(currentLang); n != "" {
		e.notes = append(e.notes, n)
	}
	// An attached original has its own headers, whatever the outer item kept.
	if in.Outlook != nil && !in.Outlook.TransportHeaders && in.Forward.Kind != mail.ForwardAttached {
		e.notes = append(e.notes, mail.NoteNoDeliveryTrace.In(currentLang))
	}
	return m, e
}

// show lists the messages checked and the sentences of inputs that gave
// none; the first message's detail opens.
func (v *verifyScreen) show(res []verifyResult) {
	var msgs []mailbox.Message
	var ext []mailEntry
	var errs []string
	for _, r := range res {
		msgs, ext = append(msgs, r.msgs...), append(ext, r.ext...)
		if r.err != "" {
			label := r.name
			if label == "" {
				label = lang.X("mail.verify.pasted", "Texte collé")
			}
			errs = append(errs, label+" : "+r.err)
		}
	}
	v.showErrors(errs)
	v.status.SetText(plural("mail.verify.done", len(msgs), "{{.N}} message vérifié.", "{{.N}} messages vérifiés.", map[string]any{"N": len(msgs)}))
	if len(msgs) == 0 {
		v.status.SetText("")
	}
	v.list.selected = ""
	v.list.setMessages(msgs, ext)
	v.list.selectFirst()
}

func (v *verifyScreen) showErrors(errs []string) {
	if len(errs) == 0 {
		v.errs.Hide()
		return
	}
	v.errs.SetText(strings.Join(errs, "\n"))
	v.errs.Show()
}

// dropHandler is the window's drop callback: the files go to « Vérifier un
// message ».
func dropHandler(env *Env) func(fyne.Position, []fyne.URI) {
	return func(_ fyne.Position, uris []fyne.URI) { openVerify(env, uris) }
}

// openVerify shows the « Vérifier un message » view and checks uris, if any.
func openVerify(env *Env, uris []fyne.URI) {
	if env.mail == nil {
		return
	}
	if env.mail.verify == nil && env.nav != nil {
		env.nav.show("mail") // builds the mail section, which makes the view
	}
	openSection(env, "mail")
	if env.mail.verify == nil {
		return
	}
	env.mail.verify.dropped(uris)
}

// verifyCard is the dashboard's way into the check.
func verifyCard(env *Env) fyne.CanvasObject {
	text := wrapped(lang.X("mail.verify.card", "Un message vous semble douteux ? Glissez-le sur cette fenêtre, ouvrez-le ou collez sa source : Hygie vous dit ce qu'il en pense, sans compte de messagerie."))
	promise := wrapped(verifyPromise())
	promise.TextStyle.Italic = true
	btn := newButtonWithIcon(lang.X("mail.tab.verify", "Vérifier un message"), theme.SearchIcon(), func() { openVerify(env, nil) })
	return widget.NewCard(lang.X("mail.tab.verify", "Vérifier un message"), "", container.NewVBox(text, btn, promise))
}
