package ui

import (
	"fmt"
	"image/color"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hygie/mail"
	"hygie/mail/mailbox"
)

// messageList shows one row per cached message: verdict in its colour,
// MSSanté badge, subject and sender.
func (s *mailScreen) messageList() fyne.CanvasObject {
	s.list = widget.NewList(
		func() int { return len(s.msgs) },
		func() fyne.CanvasObject {
			verdict, badge, text := widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel("")
			verdict.TextStyle.Bold = true
			badge.Importance = widget.HighImportance
			text.Truncation = fyne.TextTruncateEllipsis
			// A fixed verdict column keeps the subjects aligned.
			column := canvas.NewRectangle(color.Transparent)
			column.SetMinSize(fyne.NewSize(110, 0))
			return container.NewBorder(nil, nil, container.NewHBox(container.NewStack(column, verdict), badge), nil, text)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(s.msgs) {
				fillMailRow(o.(*fyne.Container), s.msgs[i])
			}
		},
	)
	s.list.OnSelected = func(i widget.ListItemID) {
		if i < len(s.msgs) {
			s.showDetail(s.msgs[i])
		}
	}
	return s.list
}

// fillMailRow updates a row made by the list's create function.
func fillMailRow(row *fyne.Container, m mailbox.Message) {
	text := row.Objects[0].(*widget.Label)
	left := row.Objects[1].(*fyne.Container)
	verdict := left.Objects[0].(*fyne.Container).Objects[1].(*widget.Label)
	badge := left.Objects[1].(*widget.Label)
	verdict.Importance = mailVerdictImportance(m.Report.Verdict)
	verdict.SetText(mailVerdictText(m.Report.Verdict))
	if b := channelBadge(m.Report.Channel); b != "" {
		badge.SetText(b)
		badge.Show()
	} else {
		badge.Hide()
	}
	subject := m.Report.Subject
	if subject == "" {
		subject = lang.X("mail.nosubject", "(sans objet)")
	}
	text.SetText(subject + " — " + m.Report.From)
}

func (s *mailScreen) detailPane() fyne.CanvasObject {
	hint := wrapped(lang.X("mail.detail.hint", "Choisissez un message dans la liste pour voir pourquoi Hygie le juge ainsi."))
	s.detail = container.NewVBox(hint)
	return s.detail
}

// refreshMessages reloads the cache of the current account.
func (s *mailScreen) refreshMessages() {
	s.msgs = nil
	if a, ok := s.account(); ok {
		msgs, err := s.store.Messages(a.Name)
		if err != nil {
			fyne.LogError("list cached messages", err)
			s.setStatus(lang.X("mail.err.list", "Les messages déjà analysés n'ont pas pu être relus dans la base de Hygie. Rien n'est perdu : réessayez, ou relancez Hygie."), widget.DangerImportance)
		}
		s.msgs = msgs
	}
	s.list.UnselectAll()
	s.list.Refresh()
}

// showDetail explains one message: who, what, the verdict and each finding
// with its explanation and evidence, in the words of the analysis engine.
func (s *mailScreen) showDetail(m mailbox.Message) {
	r := m.Report
	objs := []fyne.CanvasObject{
		mailLabel(r.Subject, fyne.TextStyle{Bold: true}, widget.MediumImportance),
		mailLabel(lang.X("mail.detail.from", "De : {{.From}}", map[string]string{"From": r.From}), fyne.TextStyle{}, widget.MediumImportance),
		mailLabel(fmt.Sprintf("%s — %d/100", mailVerdictText(r.Verdict), r.Score), fyne.TextStyle{Bold: true}, mailVerdictImportance(r.Verdict)),
		mailLabel(channelText(r.Channel), fyne.TextStyle{}, channelImportance(r.Channel)),
	}
	if h := s.senderHistory(m); h != "" {
		objs = slices.Insert(objs, 2, fyne.CanvasObject(mailLabel(h, fyne.TextStyle{Italic: true}, widget.MediumImportance))) // under the sender
	}
	if len(r.Attachments) > 0 {
		objs = append(objs, mailLabel(attachmentsText(r.Attachments), fyne.TextStyle{}, widget.MediumImportance))
	}
	if a := mail.Advice(r.Verdict, currentLang); a != "" {
		objs = append(objs, mailLabel(a, fyne.TextStyle{Bold: true}, widget.MediumImportance))
	}
	if m.Flagged() {
		objs = append(objs, widget.NewButtonWithIcon(lang.X("mail.detail.clicked", "Déjà cliqué, répondu ou ouvert la pièce jointe ? Voir « En cas d'attaque »"),
			theme.WarningIcon(), func() { openSection(s.env, "incident") }))
	}
	if m.Truncated {
		objs = append(objs, mailLabel(lang.X("mail.detail.truncated",
			"Message très volumineux : Hygie n'en a analysé que le début (en-têtes et premières parties)."), fyne.TextStyle{Italic: true}, widget.WarningImportance))
	}
	if m.AnalysisError != "" {
		objs = append(objs, mailLabel(lang.X("mail.detail.partial",
			"Ce message n'a pas pu être entièrement analysé : restez prudent avant d'ouvrir ses liens ou pièces jointes."), fyne.TextStyle{Italic: true}, widget.WarningImportance))
	}
	if len(r.Findings) == 0 {
		objs = append(objs, mailLabel(lang.X("mail.detail.nofinding", "Aucun signal d'alerte relevé dans ce message."), fyne.TextStyle{}, widget.MediumImportance))
	}
	for _, f := range r.Findings {
		f = f.Localized(currentLang)
		objs = append(objs, widget.NewSeparator(), mailLabel(f.Title, fyne.TextStyle{Bold: true}, widget.MediumImportance),
			mailLabel(f.Explanation, fyne.TextStyle{}, widget.MediumImportance))
		if f.Evidence != "" {
			objs = append(objs, mailLabel(f.Evidence, fyne.TextStyle{Italic: true}, widget.MediumImportance))
		}
	}
	s.detail.Objects = objs
	s.detail.Refresh()
}

func mailLabel(text string, style fyne.TextStyle, imp widget.Importance) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, style)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = imp
	return l
}

func mailVerdictText(v mail.Verdict) string {
	switch v {
	case mail.Dangerous:
		return lang.X("mail.verdict.dangerous", "Dangereux")
	case mail.Suspicious:
		return lang.X("mail.verdict.suspicious", "Suspect")
	case mail.Caution:
		return lang.X("mail.verdict.caution", "À vérifier")
	case mail.Safe:
		return lang.X("mail.verdict.safe", "Sûr")
	}
	return lang.X("mail.verdict.unknown", "Non analysé")
}

// mailVerdictImportance colours a verdict: red, orange, neutral, green.
func mailVerdictImportance(v mail.Verdict) widget.Importance {
	switch v {
	case mail.Dangerous:
		return widget.DangerImportance
	case mail.Suspicious:
		return widget.WarningImportance
	case mail.Safe:
		return widget.SuccessImportance
	}
	return widget.MediumImportance
}

// channelBadge is the short badge of the list; empty for ordinary mail.
func channelBadge(c mail.Channel) string {
	switch c {
	case mail.ChannelMSSante:
		return lang.X("mail.badge.mssante", "MSSanté")
	case mail.ChannelMixed:
		return lang.X("mail.badge.mixed", "MSSanté en partie")
	}
	return ""
}

func channelText(c mail.Channel) string {
	switch c {
	case mail.ChannelMSSante:
		return lang.X("mail.channel.mssante", "Envoyé depuis la messagerie sécurisée de santé (MSSanté).")
	case mail.ChannelMixed:
		return lang.X("mail.channel.mixed", "Une partie seulement des destinataires est dans l'espace MSSanté : les autres l'ont reçu par la messagerie ordinaire.")
	}
	return lang.X("mail.channel.ordinary", "Messagerie ordinaire (hors MSSanté) : ne l'utilisez pas pour des données de santé.")
}

func channelImportance(c mail.Channel) widget.Importance {
	if c == mail.ChannelMSSante {
		return widget.HighImportance
	}
	return widget.MediumImportance
}

// lastScanText summarises the last finished scan of any account.
func (s *mailScreen) lastScanText() string {
	rec, ok, err := s.store.LastScan()
	if err != nil || !ok {
		return lang.X("mail.scan.never", "Pas encore d'analyse : cliquez sur « Analyser ».")
	}
	return mailCardText(rec)
}

func mailCardText(r mailbox.ScanRecord) string {
	when := r.Started.Local().Format("02/01/2006 15:04")
	if r.Flagged == 0 {
		return lang.X("mail.card.clean", "Dernière analyse le {{.When}} : aucun message à vérifier de près.", map[string]string{"When": when})
	}
	return lang.X("mail.card.flagged", "Dernière analyse le {{.When}} : {{.N}} message(s) à vérifier de près.",
		map[string]any{"When": when, "N": r.Flagged})
}

// senderHistory says whether m's address wrote before, among the messages
// Hygie analysed: a first message deserves more care than a usual one.
func (s *mailScreen) senderHistory(m mailbox.Message) string {
	n, err := s.store.SenderCount(m.Account, mail.SenderAddress(m.Report.From))
	switch {
	case err != nil:
		fyne.LogError("count sender's messages", err)
		return ""
	case n <= 1:
		return lang.X("mail.detail.firstmessage", "Premier message de cette adresse parmi ceux que Hygie a analysés.")
	}
	return lang.X("mail.detail.knownsender", "Cette adresse a écrit {{.Count}} messages parmi ceux que Hygie a analysés.", map[string]int{"Count": n})
}

// attachmentsText lists a message's attachments by name and size. Names
// come from the sender: invisible and direction characters are dropped
// (« facture\u202Efdp.exe » would read « facture exe.pdf ») and long
// names are cut.
func attachmentsText(atts []mail.Attachment) string {
	parts := make([]string, 0, len(atts))
	for _, a := range atts {
		name := visibleName(a.Name)
		if name == "" {
			name = lang.X("mail.detail.unnamed", "(sans nom)")
		}
		parts = append(parts, name+" ("+sizeText(a.Size)+")")
	}
	return lang.X("mail.detail.attachments", "Pièces jointes : {{.List}}", map[string]string{"List": strings.Join(parts, ", ")})
}

// visibleName keeps the printable characters of s, at most 80.
func visibleName(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			continue
		}
		if n == 80 {
			b.WriteString("…")
			break
		}
		b.WriteRune(r)
		n++
	}
	return strings.TrimSpace(b.String())
}

// sizeText is a size the way a file manager shows it, in the units and
// decimal mark of the UI language (« 3,4 Mo », "3.4 MB").
func sizeText(n int64) string {
	switch {
	case n < 1000:
		return lang.X("mail.size.bytes", "{{.N}} octets", map[string]int64{"N": n})
	case n < 1000*1000:
		return lang.X("mail.size.kb", "{{.N}} Ko", map[string]string{"N": decimal(float64(n) / 1000)})
	}
	return lang.X("mail.size.mb", "{{.N}} Mo", map[string]string{"N": decimal(float64(n) / 1000 / 1000)})
}

// decimal writes x with one decimal under 10, none above, and the
// language's decimal mark.
func decimal(x float64) string {
	s := strconv.FormatFloat(x, 'f', 0, 64)
	if x < 10 {
		s = strconv.FormatFloat(x, 'f', 1, 64)
	}
	if currentLang == langFR {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
