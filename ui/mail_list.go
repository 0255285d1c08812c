package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hygie/mail"
	"hygie/mail/mailbox"
)

// mailEntry is what the list knows of a message beyond its cached
// analysis: the source, for a message Hygie holds in memory (a demo
// message, or one the user dropped, opened or pasted), and the notes that
// say what the verdict could not cover.
type mailEntry struct {
	// raw is the analysed source; nil for a scanned message, whose body
	// the cache does not keep.
	raw         []byte
	notes       []string
	forwarded   bool   // raw is the original taken out of a forward
	forwardedBy string // the address of who forwarded it, "" when unknown
	demo        bool
}

// msgList is the message list with its filters, search and sort, and the
// detail of the selected message. The inbox and the « Vérifier un
// message » view each have one.
type msgList struct {
	env *Env
	// msgs, extra and items are parallel, in the order shown; shown holds
	// the indices that pass the filter.
	msgs   []mailbox.Message
	extra  []mailEntry
	items  []mailItem
	shown  []int
	filter mailFilter
	order  mailSort
	// selected identifies the selected message, kept across reloads.
	selected string
	// history says how often a sender wrote (nil: not known, as for a
	// message that is not in the store).
	history func(mailbox.Message) string

	list      *widget.List
	detail    *fyne.Container
	count     *widget.Label
	search    *widget.Entry
	sortSel   *widget.Select
	filterSel *widget.Select
}

func newMsgList(env *Env) *msgList {
	l := &msgList{env: env}
	l.build()
	return l
}

// build makes the widgets once.
func (l *msgList) build() {
	l.list = widget.NewList(
		func() int { return len(l.shown) },
		newMailRow,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(l.shown) {
				k := l.shown[i]
				fillMailRow(o.(*fyne.Container), l.msgs[k], l.extra[k].demo)
			}
		},
	)
	l.list.OnSelected = func(i widget.ListItemID) {
		if i < len(l.shown) {
			l.selected = messageKey(l.msgs[l.shown[i]])
			l.showDetail(l.shown[i])
		}
	}
	l.count = widget.NewLabel("")
	l.search = widget.NewEntry()
	l.search.SetPlaceHolder(lang.X("mail.filter.search", "Rechercher un expéditeur ou un objet"))
	l.search.OnChanged = func(q string) { l.filter.query = q; l.refilter() }
	byVerdict, byDate := lang.X("mail.sort.verdict", "Par verdict"), lang.X("mail.sort.date", "Par date")
	l.sortSel = widget.NewSelect([]string{byVerdict, byDate}, func(string) {
		l.setOrder(mailSort(l.sortSel.SelectedIndex()))
	})
	l.sortSel.SetSelectedIndex(0)
	names := make([]string, len(filterChoices))
	for i, c := range filterChoices {
		names[i] = lang.X(c.key, c.fallback)
	}
	l.filterSel = widget.NewSelect(names, func(string) { l.onFilterChosen(l.filterSel.SelectedIndex()) })
	l.filterSel.SetSelectedIndex(0)
	hint := wrapped(lang.X("mail.detail.hint", "Choisissez un message dans la liste pour voir pourquoi Hygie le juge ainsi."))
	l.detail = container.NewVBox(hint)
}

// filters is the search box, the filter and the sort, above the list.
func (l *msgList) filters() fyne.CanvasObject {
	return container.NewVBox(l.search, container.NewBorder(nil, nil, nil, container.NewHBox(l.count, l.sortSel), l.filterSel))
}

// filterChoices are the filters offered, in the order of the list; the
// first shows every message.
var filterChoices = []struct {
	key, fallback string
	filter        mailFilter
}{
	{"mail.filter.all", "Tous les messages", mailFilter{}},
	{"mail.filter.check", "À vérifier ou pire", mailFilter{checkOrWorse: true}},
	{"mail.filter.mssante", "MSSanté", mailFilter{mssante: true}},
	{"mail.filter.health", "Données de santé hors MSSanté", mailFilter{healthOutside: true}},
	{"mail.filter.attachments", "Pièces jointes", mailFilter{attachments: true}},
}

func (l *msgList) onFilterChosen(i int) {
	if i < 0 || i >= len(filterChoices) {
		return
	}
	q := l.filter.query
	l.filter = filterChoices[i].filter
	l.filter.query = q
	l.refilter()
}

// content is the filters and the list beside the detail; listShare is the
// list's share of the width.
func (l *msgList) content(listShare float64) fyne.CanvasObject {
	left := border(l.filters(), nil, nil, nil, l.list)
	split := container.NewHSplit(left, container.NewVScroll(l.detail))
	split.Offset = listShare
	return split
}

// setMessages shows msgs (extra parallel to it, or nil), sorted and
// filtered as chosen, keeping the selected message when it is still there.
func (l *msgList) setMessages(msgs []mailbox.Message, extra []mailEntry) {
	if extra == nil {
		extra = make([]mailEntry, len(msgs))
	}
	items := make([]mailItem, len(msgs))
	for i, m := range msgs {
		items[i] = newMailItem(m.Report)
	}
	l.msgs, l.extra, l.items = msgs, extra, items
	l.sortNow()
	l.refilter()
}

func (l *msgList) setOrder(by mailSort) {
	if by < 0 || by == l.order && l.msgs != nil {
		return
	}
	l.order = by
	l.sortNow()
	l.refilter()
}

// sortNow puts msgs, extra and items in the chosen order.
func (l *msgList) sortNow() {
	idx := mailOrder(l.items, l.order)
	msgs, extra, items := make([]mailbox.Message, len(idx)), make([]mailEntry, len(idx)), make([]mailItem, len(idx))
	for i, k := range idx {
		msgs[i], extra[i], items[i] = l.msgs[k], l.extra[k], l.items[k]
	}
	l.msgs, l.extra, l.items = msgs, extra, items
}

// refilter applies the filter and the search; the selection stays when
// the message still passes, else the detail goes back to its hint.
func (l *msgList) refilter() {
	l.shown = l.filter.apply(l.items, l.shown)
	l.count.SetText(lang.X("mail.filter.count", "{{.Shown}} sur {{.All}}",
		map[string]int{"Shown": len(l.shown), "All": len(l.msgs)}))
	l.list.UnselectAll()
	l.list.Refresh()
	if l.selected == "" {
		return
	}
	for i, k := range l.shown {
		if messageKey(l.msgs[k]) == l.selected {
			l.list.Select(i)
			l.list.ScrollTo(i)
			return
		}
	}
	l.clearDetail()
}

// selectFirst shows the first message listed, if any.
func (l *msgList) selectFirst() {
	if len(l.shown) > 0 {
		l.list.Select(0)
	}
}

func (l *msgList) clearDetail() {
	l.selected = ""
	hint := wrapped(lang.X("mail.detail.hint", "Choisissez un message dans la liste pour voir pourquoi Hygie le juge ainsi."))
	l.detail.Objects = []fyne.CanvasObject{hint}
	l.detail.Refresh()
}

// messageKey identifies a message across reloads: its place on the
// server, or its Message-ID and subject for one held in memory.
func messageKey(m mailbox.Message) string {
	if m.Account != "" {
		return fmt.Sprintf("%s\x00%s\x00%d\x00%d", m.Account, m.Mailbox, m.UIDValidity, m.UID)
	}
	return m.Report.MessageID + "\x00" + m.Report.Subject + "\x00" + m.Report.From
}

// The columns of a row's first line; the subject has the second.
const (
	verdictColumn = 100
	dateColumn    = 84 // « 01/12/26 » and the label's padding
)

// newMailRow makes a row on two lines, as a mail program's narrow list:
// the verdict in its colour, the sender and the date, then the subject
// (after the MSSanté badge, when there is one) under the sender. On one
// line, beside the list's other columns, the subject kept a few letters
// at 900 px.
func newMailRow() fyne.CanvasObject {
	text, verdict := widget.NewLabel(""), widget.NewLabel("")
	verdict.TextStyle.Bold = true
	text.Truncation = fyne.TextTruncateEllipsis
	sender, date := widget.NewLabel(""), widget.NewLabel("")
	sender.Truncation = fyne.TextTruncateEllipsis
	sender.TextStyle.Bold = true
	return container.New(mailRowLayout{}, text, verdict, sender, date)
}

// mailRowLayout places a row's subject, verdict, sender and date (in that
// order): the last three on the first line, the subject under the sender.
// The two lines share the labels' inner padding, so a row stays low.
type mailRowLayout struct{}

func (mailRowLayout) lineHeight(objs []fyne.CanvasObject) float32 {
	return objs[2].MinSize().Height
}

func (l mailRowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	h := l.lineHeight(objs)
	senderW := max(size.Width-verdictColumn-dateColumn, 0)
	objs[1].Move(fyne.NewPos(0, 0))
	objs[1].Resize(fyne.NewSize(verdictColumn, h))
	objs[2].Move(fyne.NewPos(verdictColumn, 0))
	objs[2].Resize(fyne.NewSize(senderW, h))
	objs[3].Move(fyne.NewPos(verdictColumn+senderW, 0))
	objs[3].Resize(fyne.NewSize(dateColumn, h))
	objs[0].Move(fyne.NewPos(verdictColumn, h-theme.InnerPadding()))
	objs[0].Resize(fyne.NewSize(max(size.Width-verdictColumn, 0), h))
}

func (l mailRowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := l.lineHeight(objs)
	return fyne.NewSize(verdictColumn+objs[2].MinSize().Width+dateColumn, 2*h-theme.InnerPadding())
}

// fillMailRow updates a row made by newMailRow.
func fillMailRow(row *fyne.Container, m mailbox.Message, demo bool) {
	text := row.Objects[0].(*widget.Label)
	verdict := row.Objects[1].(*widget.Label)
	sender := row.Objects[2].(*widget.Label)
	date := row.Objects[3].(*widget.Label)
	verdict.Importance = mailVerdictImportance(m.Report.Verdict)
	verdict.SetText(mailVerdictText(m.Report.Verdict))
	subject := m.Report.Subject
	if subject == "" {
		subject = lang.X("mail.nosubject", "(sans objet)")
	}
	if b := channelBadge(m.Report.Channel); b != "" {
		subject = "[" + b + "] " + subject
	}
	if demo {
		subject = lang.X("mail.demo.tag", "[démo]") + " " + subject
	}
	text.SetText(subject)
	sender.SetText(senderName(m.Report.From))
	date.SetText("")
	if !m.Report.Date.IsZero() {
		date.SetText(m.Report.Date.Local().Format("02/01/06"))
	}
}

// senderName is the display name of a From field, or its address.
func senderName(from string) string {
	if i := strings.LastIndexByte(from, '<'); i > 0 {
		if name := strings.Trim(strings.TrimSpace(from[:i]), "\""); name != "" {
			return visibleName(name)
		}
	}
	if addr := mail.SenderAddress(from); addr != "" {
		return addr
	}
	return visibleName(strings.Trim(from, "<>"))
}

// showDetail explains message k: who, what, the verdict and each finding
// with its explanation and evidence, in the words of the analysis engine;
// for a message held in memory, its links, headers and how to report it.
func (l *msgList) showDetail(k int) {
	m, e := l.msgs[k], l.extra[k]
	r := m.Report
	if f := r.Forward; f != nil && f.Kind != mail.NotForwarded && !e.forwarded { // a scanned forward
		e.forwarded, e.forwardedBy = true, f.By.Addr
	}
	var objs []fyne.CanvasObject
	if e.demo {
		objs = append(objs, mailLabel(lang.X("mail.demo.detail", "Message de démonstration : écrit pour montrer Hygie, il n'est arrivé dans aucune boîte."),
			fyne.TextStyle{Bold: true}, widget.WarningImportance))
	}
	if e.forwarded {
		objs = append(objs, mailLabel(lang.X("mail.verify.forwarded", "Message transféré : voici l'analyse de l'original"), fyne.TextStyle{Bold: true}, widget.HighImportance))
	}
	if e.forwardedBy != "" {
		objs = append(objs, mailLabel(lang.X("mail.verify.forwardedby", "Transféré par : {{.By}}", map[string]string{"By": e.forwardedBy}), fyne.TextStyle{}, widget.MediumImportance))
	}
	for _, n := range e.notes {
		objs = append(objs, mailLabel(n, fyne.TextStyle{Italic: true}, widget.MediumImportance))
	}
	subject := r.Subject
	if subject == "" {
		subject = lang.X("mail.nosubject", "(sans objet)")
	}
	objs = append(objs,
		mailLabel(subject, fyne.TextStyle{Bold: true}, widget.MediumImportance),
		mailLabel(lang.X("mail.detail.from", "De : {{.From}}", map[string]string{"From": r.From}), fyne.TextStyle{}, widget.MediumImportance))
	if l.history != nil {
		if h := l.history(m); h != "" {
			objs = append(objs, mailLabel(h, fyne.TextStyle{Italic: true}, widget.MediumImportance)) // under the sender
		}
	}
	objs = append(objs,
		mailLabel(fmt.Sprintf("%s — %d/100", mailVerdictText(r.Verdict), mailScore(r.Verdict, r.Score)), fyne.TextStyle{Bold: true}, mailVerdictImportance(r.Verdict)),
		mailLabel(mailScaleText(r.Verdict, r.Score), fyne.TextStyle{Italic: true}, widget.MediumImportance),
		mailLabel(channelText(r.Channel), fyne.TextStyle{}, channelImportance(r.Channel)))
	if len(r.Attachments) > 0 {
		objs = append(objs, mailLabel(attachmentsText(r.Attachments), fyne.TextStyle{}, widget.MediumImportance))
	}
	if a := mail.Advice(r.Verdict, currentLang); a != "" {
		objs = append(objs, mailLabel(a, fyne.TextStyle{Bold: true}, widget.MediumImportance))
	}
	if m.Flagged() {
		objs = append(objs, mailLabel(lang.X("mail.detail.clicked.q", "Déjà cliqué, répondu ou ouvert une pièce jointe ?"), fyne.TextStyle{}, widget.WarningImportance),
			newButtonWithIcon(lang.X("mail.detail.clicked.open", "Voir « En cas d'attaque »"),
				theme.WarningIcon(), func() { openSection(l.env, "incident") }))
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
			objs = append(objs, evidenceLabel(f.Evidence))
		}
	}
	objs = append(objs, l.guideLinks(r)...)
	objs = append(objs, l.reportActions(r, e.raw)...)
	if e.raw != nil {
		objs = append(objs, l.linksAndHeaders(e.raw)...)
	}
	l.detail.Objects = slices.Clip(objs)
	l.detail.Refresh()
}

// evidenceLabel shows a finding's evidence, as the engine wrote it but for
// the signs the window's font cannot draw (its « → » between a link's text
// and its destination), replaced rather than shown as « � ».
func evidenceLabel(text string) *widget.Label {
	return mailLabel(fontSafe(text), fyne.TextStyle{Italic: true}, widget.MediumImportance)
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
