package ui

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hygie/i18n"
	"hygie/mail"
	"hygie/training"
)

// sampleMessage is a quiz sample as the quiz shows it, like a mail reader
// would, but read-only: every link is text, never a widget that opens.
type sampleMessage struct {
	fromName, fromAddr string
	replyTo            string
	subject, body      string
	attachments        []string
	links              []training.ShownLink
}

// readSample takes from the sample what the reader shows.
func readSample(smp training.Sample) (sampleMessage, error) {
	m, err := mail.Parse(bytes.NewReader(smp.Raw))
	if err != nil {
		return sampleMessage{}, fmt.Errorf("read sample %s: %w", smp.ID, err)
	}
	links, err := smp.Links()
	if err != nil {
		return sampleMessage{}, err
	}
	out := sampleMessage{fromName: m.FromAddr().Name, fromAddr: m.FromAddr().Addr, subject: m.Subject, links: links}
	if len(m.ReplyTo) > 0 && !strings.EqualFold(m.ReplyTo[0].Addr, out.fromAddr) {
		out.replyTo = m.ReplyTo[0].Addr
	}
	body := m.Text
	if strings.TrimSpace(body) == "" {
		body = m.HTMLText
	}
	out.body = strings.TrimSpace(blankLines.ReplaceAllString(body, "\n\n"))
	for _, a := range m.Attachments {
		out.attachments = append(out.attachments, a.Name)
	}
	return out, nil
}

// blankLines are runs of empty lines, kept to one in the reader.
var blankLines = regexp.MustCompile(`\n[ \t]*\n(?:[ \t]*\n)+`)

// sampleMarks are what the engine found, to highlight on the message once
// the user has answered.
type sampleMarks struct {
	phrases  []string // the « … » pieces the engine quoted, folded
	evidence string   // every finding's evidence, to spot file names
	color    fyne.ThemeColorName
}

// marksOf collects the highlights of a report, in the verdict's colour.
func marksOf(r mail.Report) *sampleMarks {
	m := &sampleMarks{color: theme.ColorNameError}
	switch mailVerdictImportance(r.Verdict) {
	case widget.SuccessImportance:
		m.color = theme.ColorNameSuccess
	case widget.WarningImportance, widget.MediumImportance:
		m.color = theme.ColorNameWarning
	}
	var ev []string
	for _, f := range r.Findings {
		m.phrases = append(m.phrases, quotedPhrases(f.Evidence)...)
		ev = append(ev, f.Evidence)
	}
	m.evidence = strings.Join(ev, "\n")
	return m
}

// view is the message as a card; marks, once the user has answered, put
// the engine's findings on it: the sender's true domain, the real
// destination of each link, the words it quoted.
func (m sampleMessage) view(marks *sampleMarks) fyne.CanvasObject {
	box := container.NewVBox(
		m.addressLine(lang.X("training.msg.from", "De :"), m.fromName, m.fromAddr, marks),
	)
	if m.replyTo != "" {
		box.Add(m.addressLine(lang.X("training.msg.replyto", "Répondre à :"), "", m.replyTo, marks))
	}
	box.Add(richLine(fyne.TextWrapWord, append([]widget.RichTextSegment{seg(lang.X("training.msg.subject", "Objet :")+" ", true, "")},
		markedText(m.subject, marks, true)...)...))
	if len(m.attachments) > 0 {
		segs := []widget.RichTextSegment{seg(lang.X("training.msg.attachment", "Pièce jointe :")+" ", true, "")}
		for i, name := range m.attachments {
			if i > 0 {
				segs = append(segs, seg(", ", false, ""))
			}
			color := fyne.ThemeColorName("")
			if marks != nil && strings.Contains(marks.evidence, name) {
				color = marks.color
			}
			segs = append(segs, seg(name, color != "", color))
		}
		box.Add(richLine(fyne.TextWrapBreak, segs...))
	}
	box.Add(widget.NewSeparator())
	box.Add(richLine(fyne.TextWrapWord, markedText(m.body, marks, false)...))
	if len(m.links) > 0 {
		box.Add(widget.NewSeparator())
		box.Add(mailLabel(lang.X("training.msg.links", "Liens du message (le texte affiché, puis là où il mène vraiment) :"), fyne.TextStyle{Bold: true}, widget.MediumImportance))
		for _, l := range m.links {
			box.Add(linkLine(l, marks))
		}
	}
	note := wrapped(lang.X("training.msg.readonly", "Message d'entraînement écrit pour Hygie : rien ne s'y ouvre, ses liens sont écrits ici en texte."))
	note.TextStyle.Italic = true
	note.Importance = widget.LowImportance
	box.Add(note)
	return widget.NewCard("", "", box)
}

// addressLine is « De : Nom <adresse> », the domain after @ marked once
// the user has answered, since it tells who really wrote.
func (m sampleMessage) addressLine(prefix, name, addr string, marks *sampleMarks) fyne.CanvasObject {
	segs := []widget.RichTextSegment{seg(prefix+" ", true, "")}
	if name != "" {
		segs = append(segs, seg(name+" <", false, ""))
	}
	local, domain, ok := strings.Cut(addr, "@")
	if !ok || marks == nil {
		segs = append(segs, seg(addr, false, ""))
	} else {
		segs = append(segs, seg(local+"@", false, ""), seg(domain, true, marks.color))
	}
	if name != "" {
		segs = append(segs, seg(">", false, ""))
	}
	return richLine(fyne.TextWrapBreak, segs...)
}

// linkLine writes a link as « text » mène à destination, its host marked
// once the user has answered. Plain text: nothing to tap. Words rather
// than an arrow, which the window's font may lack.
func linkLine(l training.ShownLink, marks *sampleMarks) fyne.CanvasObject {
	var segs []widget.RichTextSegment
	if shown := strings.TrimSpace(visibleName(l.Text)); shown != "" && shown != l.Dest {
		segs = append(segs, seg(lang.X("training.msg.link", "« {{.Text}} » mène à ", map[string]any{"Text": shown}), false, ""))
	} else {
		segs = append(segs, seg(lang.X("training.msg.bare", "Mène à "), false, ""))
	}
	i := strings.Index(l.Dest, l.Host)
	if marks == nil || l.Host == "" || i < 0 {
		segs = append(segs, seg(l.Dest, false, ""))
	} else {
		segs = append(segs, seg(l.Dest[:i], false, ""), seg(l.Host, true, marks.color), seg(l.Dest[i+len(l.Host):], false, ""))
	}
	return richLine(fyne.TextWrapBreak, segs...)
}

// markedText is text with the marked phrases in bold and colour.
func markedText(text string, marks *sampleMarks, bold bool) []widget.RichTextSegment {
	if marks == nil {
		return []widget.RichTextSegment{seg(text, bold, "")}
	}
	var out []widget.RichTextSegment
	at := 0
	for _, sp := range matchSpans(text, marks.phrases) {
		if sp[0] > at {
			out = append(out, seg(text[at:sp[0]], bold, ""))
		}
		out = append(out, seg(text[sp[0]:sp[1]], true, marks.color))
		at = sp[1]
	}
	if at < len(text) || len(out) == 0 {
		out = append(out, seg(text[at:], bold, ""))
	}
	return out
}

func richLine(wrap fyne.TextWrap, segs ...widget.RichTextSegment) *widget.RichText {
	rt := widget.NewRichText(segs...)
	rt.Wrapping = wrap
	return rt
}

// seg is an inline run of text, bold and coloured as asked ("" = the
// text's colour).
func seg(text string, bold bool, color fyne.ThemeColorName) widget.RichTextSegment {
	st := widget.RichTextStyleInline
	st.TextStyle.Bold = bold
	if color != "" {
		st.ColorName = color
	}
	return &widget.TextSegment{Text: text, Style: st}
}

// quotedPhrases returns the « … » pieces of an evidence: what the engine
// quoted from the message, in its folded form.
func quotedPhrases(evidence string) []string {
	var out []string
	for {
		_, rest, ok := strings.Cut(evidence, "«")
		if !ok {
			return out
		}
		p, after, ok := strings.Cut(rest, "»")
		if !ok {
			return out
		}
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
		evidence = after
	}
}

// restoreQuotes writes each « … » of an evidence as the message wrote it
// (case and accents), when one of texts holds it, since the user compares
// it with the message above.
func restoreQuotes(evidence string, texts ...string) string {
	for _, p := range quotedPhrases(evidence) {
		for _, t := range texts {
			if sp := matchSpans(t, []string{p}); len(sp) > 0 {
				evidence = strings.Replace(evidence, "« "+p+" »", "« "+t[sp[0][0]:sp[0][1]]+" »", 1)
				break
			}
		}
	}
	return evidence
}

// matchSpans returns the byte ranges of text where the phrases occur,
// compared as the mail engine compares wording (case, accents and runs of
// white space aside, whole words only), sorted and without overlaps.
func matchSpans(text string, phrases []string) [][2]int {
	folded, offs := collapsedFold(text)
	var spans [][2]int
	for _, p := range phrases {
		prefix := strings.HasSuffix(p, "*") // a wording entry matching any word it starts
		fp, _ := collapsedFold(strings.TrimSuffix(p, "*"))
		if fp == "" {
			continue
		}
		for from := 0; ; {
			i := strings.Index(folded[from:], fp)
			if i < 0 {
				break
			}
			i += from
			end := i + len(fp)
			if wordEdge(folded, i) && (prefix || wordEdge(folded, end)) {
				spans = append(spans, [2]int{offs[i], offs[end]})
			}
			from = i + 1
		}
	}
	sort.Slice(spans, func(a, b int) bool { return spans[a][0] < spans[b][0] })
	var out [][2]int
	for _, sp := range spans {
		if n := len(out); n > 0 && sp[0] < out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], sp[1])
			continue
		}
		out = append(out, sp)
	}
	return out
}

// collapsedFold is i18n.FoldOffsets with every run of spaces made one
// space, as the engine reads text, and offs mapping each byte back.
func collapsedFold(s string) (string, []int) {
	f, fo := i18n.FoldOffsets(s)
	var b strings.Builder
	offs := make([]int, 0, len(fo))
	space := true // no leading space
	for i := 0; i < len(f); i++ {
		if f[i] == ' ' {
			if space {
				continue
			}
			space = true
		} else {
			space = false
		}
		b.WriteByte(f[i])
		offs = append(offs, fo[i])
	}
	offs = append(offs, fo[len(f)])
	return b.String(), offs
}

// wordEdge tells whether i in folded text is not inside a word.
func wordEdge(s string, i int) bool {
	if i <= 0 || i >= len(s) {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i:])
	return !isWordRune(before) || !isWordRune(after)
}

func isWordRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= utf8.RuneSelf
}
