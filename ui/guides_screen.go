package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hygie/guides"
)

// guidesScreen is the guides section: a search box with results as you
// type, theme, tag and favourite filters, and the reader.
type guidesScreen struct {
	env     *Env
	gc      *guidesCtx
	search  *searchEntry
	theme   *widget.Select
	tag     *widget.Select
	favOnly *widget.Check
	status  *widget.Label
	list    *widget.List
	reader  *guideReader
	root    fyne.CanvasObject

	found   []guides.Result // results of the last search
	shown   []guides.Result // after the filters
	marks   map[string]guides.Mark
	gen     int            // number of the latest search; older answers are dropped
	moving  bool           // set while the arrow keys move the selection
	current int            // selected row, -1 for none
	width   *rowWidthWatch // the list's width, for rows measured to wrap
	// async runs a search; a goroutine in the app, inline in some tests.
	async func(func())
}

func newGuidesScreen(env *Env) *guidesScreen {
	s := &guidesScreen{env: env, gc: env.guides, current: -1}
	s.async = func(f func()) { go f() }
	return s
}

// content builds the screen once.
func (s *guidesScreen) content() fyne.CanvasObject {
	if s.root != nil {
		return s.root
	}
	title := heading(lang.X("guides.title", "Guides de sécurité"))
	if s.gc.lib == nil {
		msg := wrapped(lang.X("guides.unavailable", "Les guides sont illisibles dans cette installation d'Hygie. Réinstallez Hygie."))
		s.root = container.NewBorder(title, nil, nil, nil, msg)
		return s.root
	}
	s.reader = newGuideReader(s.env, s.gc)
	s.reader.onMarks = s.refreshMarks
	split := container.NewHSplit(s.sidebar(), s.reader.content())
	split.Offset = 0.45
	top := fyne.CanvasObject(title)
	if s.gc.lib != nil && slices.ContainsFunc(s.gc.lib.All(), func(g *guides.Guide) bool { return g.Lang != currentLang }) {
		// A guide without a translation is shown in French.
		note := wrapped(lang.X("guides.french.note", "Certains guides ne sont rédigés qu'en français."))
		top = container.NewVBox(title, note)
	}
	s.root = border(top, nil, nil, nil, split)
	s.gc.onChange(s.refreshMarks)
	s.marks = s.gc.marks()
	s.found = s.gc.lib.Search("")
	s.applyFilters()
	s.addShortcut()
	return s.root
}

func (s *guidesScreen) sidebar() fyne.CanvasObject {
	s.search = newSearchEntry()
	s.search.SetPlaceHolder(lang.X("guides.search.placeholder", "Chercher (Ctrl+F) : « faux mail Ameli »…"))
	s.search.OnChanged = s.onQuery
	s.search.onMove = s.onMove
	s.search.onEnter = s.onEnter
	themes := make([]string, len(guides.Themes))
	for i, t := range guides.Themes {
		themes[i] = guides.ThemeLabel(t, currentLang)
	}
	s.theme = filterSelect(lang.X("guides.filter.theme.all", "Tous les thèmes"), themes, s.applyFilters)
	s.tag = filterSelect(lang.X("guides.filter.tag.all", "Tous les mots-clés"), s.gc.lib.Tags(), s.applyFilters)
	s.favOnly = widget.NewCheck(lang.X("guides.filter.favorites", "Favoris seulement"), func(bool) { s.applyFilters() })
	if s.gc.state == nil {
		s.favOnly.Disable()
	}
	s.status = wrapped("")
	s.list = widget.NewList(s.rowCount, newResultRow, s.updateRow)
	s.list.OnSelected = s.onSelected
	filters := container.NewVBox(s.search, container.NewGridWithColumns(2, s.theme, s.tag), s.favOnly)
	bottom := container.NewVBox(s.status)
	if note := s.gc.noMarksNote(); note != nil {
		bottom.Add(note)
	}
	s.width = &rowWidthWatch{onWidth: func(float32) { s.fitRows() }}
	return border(filters, bottom, nil, nil, container.New(s.width, s.list))
}

// fitRows gives each row the height its wrapped title needs at the list's
// width, so long titles show whole instead of ending in « … ».
func (s *guidesScreen) fitRows() {
	if s.width == nil || s.width.last <= 0 {
		return
	}
	w := s.width.last - theme.ScrollBarSize() - 2*theme.Padding()
	for i, r := range s.shown {
		s.list.SetItemHeight(i, rowHeight(r, s.marks[r.Guide.ID], w))
	}
}

// filterSelect is a drop-down whose first choice, selected at first,
// means "no filter".
func filterSelect(all string, options []string, changed func()) *widget.Select {
	sel := widget.NewSelect(append([]string{all}, options...), nil)
	sel.SetSelectedIndex(0)
	sel.OnChanged = func(string) { changed() }
	return sel
}

// onQuery searches off the Fyne goroutine; only the answer to the latest
// query is shown, so fast typing never shows stale results.
func (s *guidesScreen) onQuery(q string) {
	s.gen++
	gen := s.gen
	lib := s.gc.lib
	s.async(func() {
		res := lib.Search(q)
		fyne.Do(func() {
			if gen != s.gen {
				return
			}
			s.found = res
			s.applyFilters()
		})
	})
}

// applyFilters keeps the results that match the theme, tag and favourite
// filters, and refreshes the list.
func (s *guidesScreen) applyFilters() {
	s.shown = s.shown[:0]
	for _, r := range s.found {
		if s.keep(r.Guide) {
			s.shown = append(s.shown, r)
		}
	}
	s.current = -1
	s.list.UnselectAll()
	s.fitRows()
	s.list.Refresh()
	s.list.ScrollToTop()
	s.status.SetText(countText(len(s.shown)))
}

func (s *guidesScreen) keep(g *guides.Guide) bool {
	if i := s.theme.SelectedIndex(); i > 0 && g.Theme != guides.Themes[i-1] {
		return false
	}
	if i := s.tag.SelectedIndex(); i > 0 && !slices.Contains(g.Tags, s.tag.Selected) {
		return false
	}
	return !s.favOnly.Checked || s.marks[g.ID].Favorite
}

func countText(n int) string {
	switch n {
	case 0:
		return lang.X("guides.none", "Aucun guide ne correspond. Essayez un mot plus court ou plus courant, ou retirez un filtre.")
	case 1:
		return lang.X("guides.count.one", "1 guide")
	}
	return lang.X("guides.count.many", "{{.Count}} guides", map[string]any{"Count": n})
}

func (s *guidesScreen) rowCount() int { return len(s.shown) }

func (s *guidesScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i < 0 || i >= len(s.shown) {
		return
	}
	r := s.shown[i]
	setResultRow(o, r, s.marks[r.Guide.ID])
}

func (s *guidesScreen) onSelected(i widget.ListItemID) {
	s.current = i
	if s.moving || i < 0 || i >= len(s.shown) {
		return
	}
	r := s.shown[i]
	s.reader.show(r.Guide, r.Section)
}

// onMove moves the selection with the arrow keys, without opening.
func (s *guidesScreen) onMove(delta int) {
	if len(s.shown) == 0 {
		return
	}
	i := min(max(s.current+delta, 0), len(s.shown)-1)
	s.moving = true
	s.list.Select(i)
	s.list.ScrollTo(i)
	s.moving = false
}

// onEnter opens the selected result, or the first one.
func (s *guidesScreen) onEnter() {
	if len(s.shown) == 0 {
		return
	}
	i := max(s.current, 0)
	r := s.shown[i]
	s.current = i
	s.reader.show(r.Guide, r.Section)
}

// refreshMarks redraws favourite and read markers after a change.
func (s *guidesScreen) refreshMarks() {
	s.marks = s.gc.marks()
	if s.favOnly.Checked {
		s.applyFilters()
		return
	}
	s.list.Refresh()
}

// addShortcut makes Ctrl+F (Cmd+F on a Mac) focus the search box when the
// guides section is the one shown.
func (s *guidesScreen) addShortcut() {
	if s.env.Win == nil {
		return
	}
	sc := &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	s.env.Win.Canvas().AddShortcut(sc, func(fyne.Shortcut) { s.onFind() })
}

func (s *guidesScreen) onFind() {
	if !s.isShown() {
		return
	}
	s.env.Win.Canvas().Focus(s.search)
}

// isShown reports whether the guides section is the one shown, or whether
// the screen lives outside the main navigation (tests, other windows).
func (s *guidesScreen) isShown() bool {
	return s.env.nav == nil || s.env.nav.current() == "guides"
}

// searchEntry is the search box: the arrow keys move in the results and
// Enter opens one, while the text stays editable.
type searchEntry struct {
	widget.Entry
	onMove  func(int)
	onEnter func()
}

func newSearchEntry() *searchEntry {
	e := &searchEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles Up, Down and Enter; other keys edit the text.
func (e *searchEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		e.onMove(1)
	case fyne.KeyUp:
		e.onMove(-1)
	case fyne.KeyReturn, fyne.KeyEnter:
		e.onEnter()
	default:
		e.Entry.TypedKey(k)
	}
}
