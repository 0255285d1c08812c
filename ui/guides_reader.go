package ui

import (
	"net/url"
	"regexp"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hygie/guides"
)

// guidesNow is the clock of the guides screens; tests replace it.
var guidesNow = time.Now

// openURL opens an https address in the browser; tests replace it.
var openURL = func(a fyne.App, u *url.URL) error { return a.OpenURL(u) }

// guideReader shows one guide: its title, favourite and read toggles and
// a table of contents above the scrolled summary, text and sources.
type guideReader struct {
	env      *Env
	gc       *guidesCtx
	guide    *guides.Guide
	title    *widget.Label
	summary  *widget.Label
	fav      *widget.Check
	read     *widget.Check
	toc      *widget.Select
	body     *fyne.Container
	scroll   *container.Scroll
	sections map[string]fyne.CanvasObject
	tocIDs   []string // anchors in table-of-contents order
	root     *fyne.Container
	empty    fyne.CanvasObject
	page     fyne.CanvasObject
	onMarks  func() // called after a toggle was saved
	updating bool   // set while show() fills the toggles
}

func newGuideReader(env *Env, gc *guidesCtx) *guideReader {
	r := &guideReader{env: env, gc: gc}
	r.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.title.SizeName = theme.SizeNameSubHeadingText
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.summary = wrapped("")
	r.summary.TextStyle.Italic = true
	r.fav = widget.NewCheck(lang.X("guides.reader.favorite", "Favori"), r.onFavorite)
	r.read = widget.NewCheck(lang.X("guides.reader.read", "Lu"), r.onRead)
	r.toc = widget.NewSelect(nil, r.onTOC)
	r.toc.PlaceHolder = lang.X("guides.reader.toc", "Sommaire…")
	r.body = container.NewVBox()
	r.scroll = container.NewVScroll(r.body)
	return r
}

// content builds the reader once; it shows a hint until a guide is shown.
func (r *guideReader) content() fyne.CanvasObject {
	if r.root != nil {
		return r.root
	}
	bar := container.NewHBox(r.fav, r.read)
	if r.gc.state == nil {
		r.fav.Disable()
		r.read.Disable()
	}
	top := container.NewVBox(r.title, border(nil, nil, bar, nil, r.toc))
	if note := r.gc.noMarksNote(); note != nil {
		top.Add(note)
	}
	r.page = border(top, nil, nil, nil, r.scroll)
	hint := wrapped(lang.X("guides.reader.empty", "Choisissez un guide dans la liste, ou cherchez un mot."))
	r.empty = container.NewPadded(hint)
	r.page.Hide()
	r.root = container.NewStack(r.empty, r.page)
	return r.root
}

// show displays g, at the section anchor when there is one, and records
// the opening so the dashboard can offer to resume.
func (r *guideReader) show(g *guides.Guide, anchor string) {
	r.content()
	r.guide = g
	r.title.SetText(g.Title)
	r.summary.SetText(g.Summary)
	r.fillBody(g)
	r.fillTOC(g)
	r.refreshMarks()
	r.empty.Hide()
	r.page.Show()
	r.scroll.Refresh()
	r.scrollTo(anchor)
	r.recordOpening(anchor)
}

func (r *guideReader) fillBody(g *guides.Guide) {
	r.sections = map[string]fyne.CanvasObject{}
	objs := []fyne.CanvasObject{r.summary}
	for _, s := range g.Sections {
		md := s.Markdown
		if s.Title != "" {
			md = strings.Repeat("#", s.Level) + " " + s.Title + "\n\n" + md
		}
		rt := r.markdown(md)
		r.sections[s.Anchor] = rt
		objs = append(objs, rt)
	}
	objs = append(objs, r.markdown(sourcesMarkdown(g)))
	r.body.Objects = objs
	r.body.Refresh()
}

// sourcesMarkdown is the closing part: sources, audience, review date.
func sourcesMarkdown(g *guides.Guide) string {
	audience := make([]string, len(g.Audience))
	for i, a := range g.Audience {
		audience[i] = guides.AudienceLabel(a, currentLang)
	}
	return "## " + lang.X("guides.reader.sources", "Sources") + "\n\n" + g.SourcesMarkdown() + "\n" +
		lang.X("guides.reader.audience", "Pour : {{.Audience}}", map[string]any{"Audience": strings.Join(audience, ", ")}) + "\n\n" +
		lang.X("guides.reader.reviewed", "Dernière relecture : {{.Date}}", map[string]any{"Date": g.LastReviewed}) + "\n"
}

// markdown renders md with links wired: guide: links open the guide here,
// https links open in the browser, anything else does nothing.
func (r *guideReader) markdown(md string) *widget.RichText {
	rt := widget.NewRichTextFromMarkdown(fontSafe(withoutTaskBoxes(md)))
	rt.Wrapping = fyne.TextWrapWord
	wireLinks(rt.Segments, r.followLink)
	return rt
}

func wireLinks(segs []widget.RichTextSegment, follow func(*url.URL)) {
	for _, s := range segs {
		switch v := s.(type) {
		case *widget.HyperlinkSegment:
			u := v.URL
			v.OnTapped = func() { follow(u) }
		case *widget.ListSegment:
			wireLinks(v.Items, follow)
		case *widget.ParagraphSegment:
			wireLinks(v.Texts, follow)
		}
	}
}

func (r *guideReader) followLink(u *url.URL) {
	if u == nil {
		return
	}
	if id, anchor, ok := guides.ParseLink(u.String()); ok {
		r.openLinked(id, anchor)
		return
	}
	if u.Scheme != "https" {
		return
	}
	if err := openURL(r.env.App, u); err != nil {
		fyne.LogError("open "+u.Host, err)
		if r.env.Win != nil { // say where it leads, so it can be typed by hand
			showInformation(lang.X("guides.link.failed.title", "Lien non ouvert"),
				lang.X("guides.link.failed", "Le navigateur n'a pas pu être ouvert. Vous pouvez taper cette adresse vous-même : {{.URL}}", map[string]string{"URL": u.String()}), r.env.Win)
		}
	}
}

func (r *guideReader) openLinked(id, anchor string) {
	if r.guide != nil && id == r.guide.ID {
		r.scrollTo(anchor)
		return
	}
	if g, ok := r.gc.lib.Get(id); ok {
		r.show(g, anchor)
	}
}

func (r *guideReader) fillTOC(g *guides.Guide) {
	r.tocIDs = nil
	var titles []string
	for _, s := range g.Headings() {
		indent := ""
		if s.Level > 2 {
			indent = "    "
		}
		titles = append(titles, indent+s.Title)
		r.tocIDs = append(r.tocIDs, s.Anchor)
	}
	r.toc.Options = titles
	r.toc.ClearSelected()
}

func (r *guideReader) onTOC(string) {
	if i := r.toc.SelectedIndex(); i >= 0 && i < len(r.tocIDs) {
		r.scrollTo(r.tocIDs[i])
		r.recordOpening(r.tocIDs[i])
	}
}

// scrollTo brings the section with anchor to the top; "" is the start.
func (r *guideReader) scrollTo(anchor string) {
	obj, ok := r.sections[anchor]
	if anchor == "" || !ok {
		r.scroll.ScrollToTop()
		return
	}
	r.scroll.Offset.Y = obj.Position().Y
	r.scroll.Refresh()
}

func (r *guideReader) recordOpening(anchor string) {
	if r.gc.state == nil || r.guide == nil {
		return
	}
	if err := r.gc.state.Opened(r.guide.ID, anchor, guidesNow()); err != nil {
		fyne.LogError("record guide opening", err) // losing a reading position is not worth a dialog
		return
	}
	r.gc.changed()
}

func (r *guideReader) refreshMarks() {
	if r.gc.state == nil || r.guide == nil {
		return
	}
	m, err := r.gc.state.Mark(r.guide.ID)
	if err != nil {
		fyne.LogError("read guide mark", err)
	}
	r.updating = true
	r.fav.SetChecked(m.Favorite)
	r.read.SetChecked(m.Read)
	r.updating = false
}

func (r *guideReader) onFavorite(on bool) {
	r.saveMark(r.fav, on, func(id string) error { return r.gc.state.SetFavorite(id, on) })
}

func (r *guideReader) onRead(on bool) {
	r.saveMark(r.read, on, func(id string) error { return r.gc.state.SetRead(id, on, guidesNow()) })
}

// saveMark writes a toggle; on failure the toggle goes back to what is
// really stored and the user is told.
func (r *guideReader) saveMark(c *widget.Check, on bool, save func(string) error) {
	if r.updating || r.guide == nil || r.gc.state == nil {
		return
	}
	if err := save(r.guide.ID); err != nil {
		r.updating = true
		c.SetChecked(!on)
		r.updating = false
		showSaveError(r.env, err)
		return
	}
	r.gc.changed()
	if r.onMarks != nil {
		r.onMarks()
	}
}

// taskBox is a GitHub task-list marker, « - [ ] » at the start of an item:
// Fyne's Markdown does not know it and showed the brackets as text.
var taskBox = regexp.MustCompile(`(?m)^(\s*[-*+] )\[[ xX]\] `)

// withoutTaskBoxes turns task-list items into plain list items.
func withoutTaskBoxes(md string) string { return taskBox.ReplaceAllString(md, "$1") }
