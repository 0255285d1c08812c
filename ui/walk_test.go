package ui

// The walk test goes through every section and sub-tab at 900 × 600, in
// French and in English, in the three data states of the golden tests, and
// fails on what a practitioner would see as broken:
//   - a screen wider than the room the window leaves it (the window then
//     cannot be made 900 px wide, or the screen is cut on the right);
//   - a label cut short: a one-line or truncating label whose text is wider
//     than the place it was given;
//   - French left in the English interface.
// Known offenders sit in the allow-lists below, each with a TODO naming the
// issue, so the run stays green while they are printed; empty them once
// the fix is merged.

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hygie/mail"
	"hygie/mail/demo"
)

// knownWide are the pages (section[/sub-tab] keys) known to be wider than
// the window at 900 px: none today; a page added here needs a TODO naming
// the issue that narrows it.
var knownWide = map[string]bool{}

// knownCut are labels known to be cut, as "page: label text".
var knownCut = map[string]bool{}

// knownFrench are English-interface texts known to still hold French, as
// "page: text".
var knownFrench = map[string]bool{}

// properNames are French on purpose in the English interface: names of
// bodies, services and documents that keep their name in English. They are
// removed from a text before it is checked.
var properNames = []string{
	// titles of French documents cited as sources keep their French title
	// (first, before the shorter names they contain)
	"« Sécurité numérique : vigilance face aux tentatives de fraude à la e-CPS »", "Ordre des pharmaciens",
	"Assurance Maladie", "MSSanté", "Hygie", "e-CPS", "Pro Santé Connect", "Mon espace santé",
	"Agence du numérique en santé", "CERT Santé", "cybermalveillance.gouv.fr", "Cybermalveillance.gouv.fr",
	"ameli.fr", "Ameli", "ameli", "carte Vitale", "Carte Vitale", "Ordre des masseurs-kinésithérapeutes",
	"Doctolib", "CNIL", "ANSSI", "Livret Cyber Santé", "Pays de la Loire", "ASIP Santé", "Code des assurances",
	"Français", // the language's name in the language chooser
}

// typedData is what the user typed or received in the populated state
// (names, notes, the messages of the mailbox): data, not interface text.
func typedData() []string {
	var out []string
	for _, d := range goldenTyped {
		out = append(out, d.twoFA, d.twoFAOff, d.note)
	}
	out = append(out, "Pas de Wi-Fi au cabinet", "imap.cabinet-exemple.fr", "accueil@cabinet-exemple.fr")
	for _, m := range goldenMessages {
		for _, line := range strings.Split(string(m), "\r\n") {
			if k, v, ok := strings.Cut(line, ": "); ok && (k == "From" || k == "Subject") {
				out = append(out, v)
				if name, _, ok := strings.Cut(v, " <"); ok {
					out = append(out, strings.Trim(name, `"`))
				}
				continue
			}
			if line != "" && !strings.Contains(line, ": ") {
				out = append(out, line) // body
			}
		}
	}
	for _, d := range demo.Messages() { // the demonstration mailbox is French mail too
		m, err := mail.Parse(bytes.NewReader(d.Raw))
		if err != nil {
			continue
		}
		out = append(out, m.Subject, m.FromAddr().Name, m.FromAddr().Addr)
	}
	// Longest first, so a subject goes before the words it contains.
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// frenchWords are short words that are French and not English.
var frenchWords = map[string]bool{
	"le": true, "la": true, "les": true, "des": true, "du": true, "de": true, "un": true, "une": true,
	"vous": true, "votre": true, "vos": true, "et": true, "est": true, "pour": true, "sur": true,
	"avec": true, "dans": true, "pas": true, "aux": true, "au": true, "qui": true, "que": true,
	"cette": true, "ce": true, "sont": true, "ou": true, "rien": true,
}

var wordRE = regexp.MustCompile(`[\p{L}']+`)

// urlRE matches web addresses, which are not text to translate.
var urlRE = regexp.MustCompile(`https?://\S+`)

// frenchMarker returns why s looks French ("é", "« »", "word « vous »",
// "l'…"), or "".
func frenchMarker(s string) string {
	for _, r := range s {
		switch r {
		case 'é', 'è', 'à', 'ç', 'ê', 'ô', 'û', 'î', 'ï', 'ù', 'â', 'É', 'À', '«', '»':
			return fmt.Sprintf("%q", r)
		}
	}
	for _, w := range wordRE.FindAllString(s, -1) {
		lw := strings.ToLower(w)
		if frenchWords[lw] {
			return "word " + w
		}
		for _, p := range []string{"l'", "d'", "qu'", "n'", "s'", "j'"} {
			if strings.HasPrefix(lw, p) && len(lw) > len(p) && unicode.IsLetter([]rune(lw[len(p):])[0]) {
				return "elision " + w
			}
		}
	}
	if strings.Contains(s, "Vérifier") {
		return "Vérifier"
	}
	return ""
}

// pageText is one text on a page and the kind of widget showing it.
type pageText struct{ kind, text string }

// collectTexts returns every text shown under o: labels, buttons, tabs,
// checks, entries' placeholders (not what was typed), hyperlinks, rich
// text segments, cards, selects, radio groups, disclosures, forms, and the
// canvas texts other widgets draw. Hidden objects are skipped.
func collectTexts(o fyne.CanvasObject) []pageText {
	var out []pageText
	add := func(kind string, texts ...string) {
		for _, s := range texts {
			if strings.TrimSpace(s) != "" {
				out = append(out, pageText{kind, s})
			}
		}
	}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch v := o.(type) {
		case *widget.Label:
			add("label", v.Text)
		case *widget.Button:
			add("button", v.Text)
		case *button:
			add("button", v.Text)
		case *widget.Check:
			add("check", v.Text)
		case *widget.Hyperlink:
			add("hyperlink", v.Text)
		case *widget.Entry:
			add("placeholder", v.PlaceHolder)
		case *field:
			add("placeholder", v.PlaceHolder)
		case *textArea:
			add("placeholder", v.PlaceHolder)
		case *widget.SelectEntry:
			add("placeholder", v.PlaceHolder)
		case *widget.Select:
			add("select", v.PlaceHolder, v.Selected)
			add("option", v.Options...)
		case *widget.RadioGroup:
			add("option", v.Options...)
		case *widget.RichText:
			for _, seg := range v.Segments {
				add("rich text", seg.Textual())
			}
		case *widget.Card:
			add("card", v.Title, v.Subtitle)
			walk(v.Content)
		case *disclosure:
			add("disclosure", v.Title)
			if v.IsOpen() {
				walk(v.Detail)
			}
		case *widget.Form:
			for _, it := range v.Items {
				add("form", it.Text, it.HintText)
				walk(it.Widget)
			}
		case *tabs:
			for _, it := range v.Items {
				add("tab", it.Text)
			}
			if it := v.Selected(); it != nil {
				walk(it.Content)
			}
		case *canvas.Text:
			add("text", v.Text)
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			walkObjects(v, func(c fyne.CanvasObject) bool {
				if c == o {
					return true
				}
				walk(c)
				return false
			})
		}
	}
	walk(o)
	return out
}

// cutLabel is a label that does not fit: its text and what was measured.
type cutLabel struct{ text, measure string }

// cutLabels returns the visible labels under o that do not fit their size:
// a label that does not wrap, or truncates, and whose longest line is wider
// than its width less its inner padding. The rows of a list that end in
// « … » are left out: they shorten data on purpose (the mail list's
// subjects), the whole text being one tap away.
func cutLabels(o fyne.CanvasObject) []cutLabel {
	var out []cutLabel
	var walk func(o fyne.CanvasObject, inList bool)
	walk = func(o fyne.CanvasObject, inList bool) {
		if o == nil || !o.Visible() {
			return
		}
		switch v := o.(type) {
		case *widget.Label:
			if v.Wrapping != fyne.TextWrapOff && v.Truncation == fyne.TextTruncateOff {
				return
			}
			if inList && v.Truncation == fyne.TextTruncateEllipsis {
				return
			}
			size := theme.TextSize()
			if v.SizeName != "" {
				size = theme.Size(v.SizeName)
			}
			room := v.Size().Width - 2*theme.InnerPadding()
			for _, line := range strings.Split(v.Text, "\n") {
				if w := fyne.MeasureText(line, size, v.TextStyle).Width; w > room+0.5 {
					out = append(out, cutLabel{v.Text, fmt.Sprintf("text %.0f px wide, %.0f px given (label %.0f×%.0f at %.0f,%.0f in its parent)",
						w, max(room, 0), v.Size().Width, v.Size().Height, v.Position().X, v.Position().Y)})
					break
				}
			}
			return
		case *widget.List:
			inList = true
		case *tabs:
			if it := v.Selected(); it != nil {
				walk(it.Content, inList)
			}
			return
		}
		switch v := o.(type) {
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c, inList)
			}
		case fyne.Widget:
			walkObjects(v, func(c fyne.CanvasObject) bool {
				if c == o {
					return true
				}
				walk(c, inList)
				return false
			})
		}
	}
	walk(o, false)
	return out
}

// walkPage is one page of the walk: a section, or one of its sub-tabs.
type walkPage struct {
	key, name string
	screen    fyne.CanvasObject // what the page shows
}

func TestWalkEveryScreen(t *testing.T) {
	data := typedData()
	for _, lg := range []string{langFR, langEN} {
		for _, state := range goldenStates {
			t.Run(lg+"/"+state, func(t *testing.T) {
				env, w := goldenWindow(t, state, lg)
				tabs := env.nav.tabs
				seen := map[string]bool{} // each French text reported once
				for i, s := range env.nav.sections {
					env.nav.show(s.key)
					stack := tabs.Items[i].Content
					// What the window leaves the screen at 900 px: the width
					// of the tabs less the navigation bar on their left.
					room := tabs.Size().Width - stack.Position().X
					if got := w.Canvas().Size().Width; got != goldenSize.Width {
						t.Fatalf("%s: window is %.0f px wide, want %.0f", s.key, got, goldenSize.Width)
					}
					pages := []walkPage{{s.key, s.title, stack}}
					if sub := screenTabs(stack); sub != nil {
						pages = pages[:0]
						for j, it := range sub.Items {
							sub.SelectIndex(j)
							key := s.key + "/" + fmt.Sprint(j)
							if j < len(subTabKeys) {
								key = s.key + "/" + subTabKeys[j]
							}
							pages = append(pages, walkPage{key, s.title + " › " + it.Text, it.Content})
							checkPage(t, lg, pages[len(pages)-1], room, w, data, seen)
						}
						sub.SelectIndex(0)
						continue
					}
					checkPage(t, lg, pages[0], room, w, data, seen)
				}
				// Every screen is built now: what the window needs in all.
				t.Logf("window minimum width (%s, %s): %.0f px, for %.0f px",
					lg, state, tabs.MinSize().Width+2*theme.Padding(), goldenSize.Width)
			})
		}
	}
}

// checkPage checks the page on screen in w: its width against room, its
// labels, and in English its texts.
func checkPage(t *testing.T, lg string, p walkPage, room float32, w fyne.Window, data []string, seen map[string]bool) {
	t.Helper()
	if min := p.screen.MinSize().Width; min > room+0.5 {
		msg := fmt.Sprintf("%s (%s, %s): needs %.0f px, the window leaves it %.0f px at %.0f px", p.name, p.key, lg, min, room, goldenSize.Width)
		if knownWide[p.key] {
			t.Logf("known too wide (allow-listed): %s", msg)
		} else {
			t.Errorf("too wide: %s", msg)
		}
	}
	for _, c := range cutLabels(w.Canvas().Content()) {
		msg := fmt.Sprintf("%s (%s, %s): %q, %s", p.name, p.key, lg, c.text, c.measure)
		if knownCut[p.key+": "+c.text] {
			t.Logf("known cut label (allow-listed): %s", msg)
		} else {
			t.Errorf("cut label: %s", msg)
		}
	}
	texts := collectTexts(w.Canvas().Content())
	for _, pt := range texts {
		if r, ok := undrawable(pt.text); ok {
			t.Errorf("sign the font cannot draw (%s, %s): %s %q has %q (U+%04X); pass it through fontSafe", p.key, lg, pt.kind, pt.text, r, r)
		}
	}
	if lg != langEN {
		return
	}
	for _, pt := range texts {
		s := pt.text
		for _, d := range data {
			s = strings.ReplaceAll(s, d, "")
		}
		s = urlRE.ReplaceAllString(s, "")
		for _, n := range properNames {
			s = strings.ReplaceAll(s, n, "")
		}
		why := frenchMarker(s)
		if why == "" || seen[pt.text] {
			continue
		}
		seen[pt.text] = true
		msg := fmt.Sprintf("%s, %s %q (%s)", p.name, pt.kind, pt.text, why)
		if knownFrench[p.key+": "+pt.text] {
			t.Logf("known French (allow-listed): %s", msg)
		} else {
			t.Errorf("French in the English UI (%s): %s", p.key, msg)
		}
	}
}

// undrawable returns the first sign of s that Hygie's fonts cannot draw:
// on screen it would show as « � » or an empty box.
func undrawable(s string) (rune, bool) {
	for _, r := range s {
		if r >= ' ' && !hasGlyph(r) {
			return r, true
		}
	}
	return 0, false
}
