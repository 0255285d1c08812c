package ui

import (
	"bytes"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hygie/i18n"
	"hygie/mail"
)

// This file holds what the detail of a message offers beyond the verdict:
// the guide that matches each finding, how to report the message, and,
// for a message held in memory, its links and raw headers.

// findingGuide names the guide that explains a finding; a finding not
// listed here and not reassuring points to the phishing guide.
var findingGuide = map[string]string{
	"health_data_outside_mssante": "mssante",
	"mssante_lookalike":           "mssante",
	"mssante_unlisted":            "mssante",
	"rib_change":                  "fraude-virement",
	"ceo_fraud":                   "fraude-virement",
	"bank_details_diverted":       "fraude-virement",
	"payment_request_known_name":  "fraude-virement",
	"payment_request_webmail":     "fraude-virement",
	"credential_request_webmail":  "mots-de-passe",
	"html_password_field":         "mots-de-passe",
	"attachment_executable":       "rancongiciel",
	"attachment_macro":            "rancongiciel",
	"attachment_disguised":        "rancongiciel",
	"attachment_shortcut":         "rancongiciel",
	"attachment_disk_image":       "rancongiciel",
}

// defaultFindingGuide explains every other alarming finding.
const defaultFindingGuide = "hameconnage"

// guidesFor lists, once each and in the order of the findings, the guides
// that explain them.
func guidesFor(fs []mail.Finding) []string {
	var ids []string
	for _, f := range fs {
		id, ok := findingGuide[f.ID]
		if !ok {
			if f.Severity == "info" { // reassuring facts and clues need no guide
				continue
			}
			id = defaultFindingGuide
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

// guideLinks is one button per guide that explains the findings.
func (l *msgList) guideLinks(r mail.Report) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, id := range guidesFor(r.Findings) {
		title := id
		if gc := l.env.guides; gc != nil && gc.lib != nil {
			if g, ok := gc.lib.Get(id); ok {
				title = g.Title
			}
		}
		link := widget.NewHyperlink(lang.X("mail.detail.guide", "Lire le guide : {{.Title}}", map[string]string{"Title": title}), nil)
		link.Wrapping = fyne.TextWrapWord
		link.OnTapped = func() { openGuide(l.env, id) }
		out = append(out, link)
	}
	if len(out) > 0 {
		out = slices.Insert(out, 0, fyne.CanvasObject(widget.NewSeparator()))
	}
	return out
}

// Reporting services, with the public page that names them.
const (
	signalSpamURL         = "https://www.signal-spam.fr/"
	phishingInitiativeURL = "https://phishing-initiative.fr/"
	annuaireSanteURL      = "https://annuaire.esante.gouv.fr"
)

// brandChannel is what an organisation that phishing imitates publishes
// about reporting a fake message in its name.
type brandChannel struct {
	// words, folded, of which one in the sender or the subject makes a
	// message claim to come from the organisation.
	words  []string
	text   i18n.Text
	source string // the public page the text comes from
}

var brandChannels = []brandChannel{
	{words: []string{"ameli", "assurance maladie", "cpam"},
		text: i18n.Text{
			FR: "Au nom de l'Assurance Maladie : elle recommande de signaler les liens d'hameçonnage à Phishing Initiative (bouton ci-dessus).",
			EN: "In the Assurance Maladie's name: it recommends reporting phishing links to Phishing Initiative (button above)."},
		source: "https://assurance-maladie.ameli.fr/presse/2022-04-07-cp-phishing"},
	{words: []string{"doctolib"},
		text: i18n.Text{
			FR: "Au nom de Doctolib : Doctolib demande de lui transférer les faux messages à phishing@doctolib.com.",
			EN: "In Doctolib's name: Doctolib asks that fake messages be forwarded to phishing@doctolib.com."},
		source: "https://doctolibpatient.zendesk.com/hc/fr/articles/360016664299-Je-pense-avoir-%C3%A9t%C3%A9-victime-d-un-acte-de-cyber-malveillance-que-faire"},
	{words: []string{"ordre des", "ordremk", "ordre national", "conseil de l'ordre", "ordinal"},
		text: i18n.Text{
			FR: "Au nom de l'Ordre : les Ordres ont été alertés de faux messages à leur logo qui demandent des pièces d'identité. Vérifiez auprès de votre conseil départemental avec les coordonnées de son site officiel, jamais celles du message.",
			EN: "In the Ordre's name: the Orders were warned of fake messages with their logo asking for ID documents. Check with your departmental council using the contact details on its official site, never those in the message."},
		source: "https://www.ordre.pharmacien.fr/Communications/Les-actualites/Tentatives-d-hameconnage-en-cours-visant-les-Ordres-et-leurs-professionnels"},
}

// claimedBrands returns the channels of the organisations the message
// claims to come from, by its sender or subject.
func claimedBrands(r mail.Report) []brandChannel {
	text := i18n.Fold(r.From + " " + r.Subject)
	var out []brandChannel
	for _, b := range brandChannels {
		for _, w := range b.words {
			if strings.Contains(text, i18n.Fold(w)) {
				out = append(out, b)
				break
			}
		}
	}
	return out
}

// reportActions is how to report a suspicious message and, for an MSSanté
// message, how to check its sender in the national directory.
func (l *msgList) reportActions(r mail.Report, raw []byte) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	if r.Channel == mail.ChannelMSSante || r.Channel == mail.ChannelMixed {
		out = append(out, widget.NewSeparator(),
			mailLabel(lang.X("mail.report.annuaire", "Pour vérifier l'expéditeur, cherchez son nom dans l'Annuaire Santé : sa fiche donne ses adresses de messagerie sécurisée. Si l'adresse du message n'y figure pas, appelez-le avant de répondre."), fyne.TextStyle{}, widget.MediumImportance),
			l.linkButton(lang.X("mail.report.annuaire.open", "Annuaire Santé"), annuaireSanteURL, ""))
	}
	if !mailboxFlagged(r.Verdict) {
		return out
	}
	out = append(out, widget.NewSeparator(),
		mailLabel(lang.X("mail.report.title", "Signaler ce message"), fyne.TextStyle{Bold: true}, widget.MediumImportance),
		mailLabel(lang.X("mail.report.signalspam.steps", "Signal Spam : sur signal-spam.fr, connectez-vous (le compte est gratuit), puis collez la source du message dans le formulaire de signalement. Le bouton copie la source pour vous."), fyne.TextStyle{}, widget.MediumImportance),
		l.linkButton(lang.X("mail.report.signalspam", "Signal Spam"), signalSpamURL, headerOrSource(raw)))
	if link := suspiciousLink(raw); link != "" {
		out = append(out,
			mailLabel(lang.X("mail.report.phishing.steps", "Phishing Initiative : sur phishing-initiative.fr, collez l'adresse du lien suspect dans le champ de la page d'accueil et validez. Le bouton copie le lien pour vous ; ne l'ouvrez pas vous-même."), fyne.TextStyle{}, widget.MediumImportance),
			l.linkButton(lang.X("mail.report.phishing", "Phishing Initiative"), phishingInitiativeURL, link))
	}
	for _, b := range claimedBrands(r) {
		out = append(out, mailLabel(b.text.In(currentLang), fyne.TextStyle{}, widget.MediumImportance),
			mailLabel(lang.X("mail.report.source", "Source : {{.URL}}", map[string]string{"URL": b.source}), fyne.TextStyle{Italic: true}, widget.MediumImportance))
	}
	return out
}

func mailboxFlagged(v mail.Verdict) bool { return v == mail.Suspicious || v == mail.Dangerous }

// linkButton opens the https page raw in the browser, first copying clip
// to the clipboard when it is not empty.
func (l *msgList) linkButton(text, raw, clip string) *button {
	return newButtonWithIcon(text, theme.MailForwardIcon(), func() {
		if clip != "" {
			l.env.App.Clipboard().SetContent(clip)
		}
		u, err := parseURL(raw)
		if err != nil {
			fyne.LogError("report link", err)
			return
		}
		if err := openURL(l.env.App, u); err != nil {
			fyne.LogError("open "+raw, err)
		}
	})
}

// headerOrSource is what to paste into Signal Spam: the whole source when
// it is held, or nothing (a scanned message's body is not kept).
func headerOrSource(raw []byte) string {
	if len(raw) > 1<<20 {
		return rawHeaders(raw)
	}
	return string(raw)
}

// suspiciousLink is the link to report: the first web link of the message
// whose shown text names another address, else its first web link.
func suspiciousLink(raw []byte) string {
	if raw == nil {
		return ""
	}
	m, err := mail.Parse(bytes.NewReader(raw))
	if err != nil {
		return ""
	}
	first := ""
	for _, k := range m.Links {
		if k.Host == "" || !strings.HasPrefix(strings.ToLower(k.URL), "http") {
			continue
		}
		if first == "" {
			first = k.URL
		}
		if k.Text != "" && !strings.Contains(strings.ToLower(k.Text), k.Host) {
			return k.URL
		}
	}
	return first
}

// maxShownLinks bounds the links listed in the detail.
const maxShownLinks = 40

// linksAndHeaders lists the message's links as « texte affiché → vraie
// destination » and shows its raw headers, selectable, with a copy button.
func (l *msgList) linksAndHeaders(raw []byte) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	if m, err := mail.Parse(bytes.NewReader(raw)); err == nil && len(m.Links) > 0 {
		out = append(out, widget.NewSeparator(),
			mailLabel(lang.X("mail.links.title", "Liens du message (texte affiché, puis vraie destination)"), fyne.TextStyle{Bold: true}, widget.MediumImportance))
		for i, k := range m.Links {
			if i == maxShownLinks {
				out = append(out, mailLabel(plural("mail.links.more", len(m.Links)-i, "… et {{.N}} autre lien.", "… et {{.N}} autres liens.", map[string]any{"N": len(m.Links) - i}), fyne.TextStyle{Italic: true}, widget.MediumImportance))
				break
			}
			out = append(out, linkLabel(k))
		}
	}
	hdr := rawHeaders(raw)
	if hdr == "" {
		return out
	}
	text := widget.NewLabelWithStyle(hdr, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	text.Wrapping = fyne.TextWrapBreak
	text.Selectable = true
	status := widget.NewLabel("")
	copyBtn := newButtonWithIcon(lang.X("mail.headers.copy", "Copier"), theme.ContentCopyIcon(), func() {
		l.env.App.Clipboard().SetContent(hdr)
		status.SetText(lang.X("mail.headers.copied", "En-têtes copiés."))
	})
	body := border(container.NewHBox(copyBtn, status), nil, nil, nil, text)
	acc := newDisclosure(lang.X("mail.headers.title", "En-têtes techniques du message"), body)
	return append(out, widget.NewSeparator(), acc)
}

// linkLabel writes a link as its shown text and its real address, in
// words: the window's font has no arrow.
func linkLabel(k mail.Link) *widget.Label {
	shown := strings.TrimSpace(visibleName(k.Text))
	text := k.URL
	if shown != "" && shown != k.URL {
		text = lang.X("mail.links.leads", "« {{.Shown}} » mène à {{.URL}}", map[string]any{"Shown": shown, "URL": k.URL})
	}
	if k.Form {
		text += " " + lang.X("mail.links.form", "(formulaire)")
	}
	if k.Via != "" { // the link's own address named a trusted site; say it
		text += " " + lang.X("mail.links.via", "(en passant par {{.Via}})", map[string]any{"Via": k.Via})
	}
	if k.Hidden {
		text += " " + lang.X("mail.links.hidden", "(lien caché)")
	}
	lbl := mailLabel(text, fyne.TextStyle{}, widget.MediumImportance)
	lbl.Wrapping = fyne.TextWrapBreak
	return lbl
}

// maxHeaderText bounds the headers shown.
const maxHeaderText = 32 << 10

// rawHeaders is the header block of raw, as received, cut at maxHeaderText.
func rawHeaders(raw []byte) string {
	end := len(raw)
	if i := bytes.Index(raw, []byte("\r\n\r\n")); i >= 0 {
		end = i
	}
	if i := bytes.Index(raw[:end], []byte("\n\n")); i >= 0 {
		end = i
	}
	h := raw[:min(end, maxHeaderText)]
	return strings.ToValidUTF8(strings.ReplaceAll(string(h), "\r\n", "\n"), "�")
}
