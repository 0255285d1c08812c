package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// markWidth is the thickness of the open tab's line.
const markWidth = 4

// tabs is a tab container whose tab buttons the keyboard reaches: Tab
// focuses each in turn, before the page they open, and Enter or Space
// opens it. Fyne's AppTabs draws tab buttons that never take the focus.
// It keeps AppTabs' vocabulary (Items, SelectIndex, Selected, OnSelected)
// so screens and tests read the same.
type tabs struct {
	widget.BaseWidget
	Items      []*container.TabItem
	OnSelected func(*container.TabItem)

	current int
	leading bool
	buttons []*button
	marks   []*canvas.Rectangle // the open tab's line, in the primary colour
	bar     *fyne.Container
	pages   *fyne.Container
	root    *fyne.Container
}

// newTabs is container.NewAppTabs with focusable tab buttons, on top.
func newTabs(items ...*container.TabItem) *tabs {
	t := &tabs{Items: items, root: container.NewStack()}
	t.ExtendBaseWidget(t)
	t.build()
	return t
}

// SetTabLocation puts the bar on the leading edge (the navigation) or on
// top (a screen's sub-tabs); other locations mean top.
func (t *tabs) SetTabLocation(l container.TabLocation) {
	t.leading = l == container.TabLocationLeading
	t.build()
	t.Refresh()
}

func (t *tabs) build() {
	t.buttons = make([]*button, len(t.Items))
	t.marks = make([]*canvas.Rectangle, len(t.Items))
	bar := make([]fyne.CanvasObject, len(t.Items))
	pages := make([]fyne.CanvasObject, len(t.Items))
	for i, it := range t.Items {
		b := newButtonWithIcon(it.Text, it.Icon, func() { t.SelectIndex(i) })
		mark := canvas.NewRectangle(color.Transparent)
		t.buttons[i], t.marks[i] = b, mark
		if t.leading {
			b.Alignment = widget.ButtonAlignLeading
			mark.SetMinSize(fyne.NewSize(markWidth, 0))
			bar[i] = container.NewBorder(nil, nil, mark, nil, b)
		} else {
			mark.SetMinSize(fyne.NewSize(0, markWidth))
			bar[i] = container.NewBorder(nil, mark, nil, nil, b)
		}
		pages[i] = it.Content
	}
	t.pages = container.NewStack(pages...)
	sep := widget.NewSeparator()
	if t.leading {
		t.bar = container.NewVBox(bar...)
		// Objects in reading order, bar first, so Tab reaches it first.
		page := container.NewBorder(nil, nil, sep, nil, t.pages)
		t.root.Objects = []fyne.CanvasObject{container.New(layout.NewBorderLayout(nil, nil, t.bar, nil), t.bar, page)}
	} else {
		// The bar wraps to a second row rather than widen the window.
		t.bar = container.New(layout.NewRowWrapLayout(), bar...)
		top := container.NewVBox(t.bar, sep)
		t.root.Objects = []fyne.CanvasObject{container.New(layout.NewBorderLayout(top, nil, nil, nil), top, t.pages)}
	}
	t.showSelected()
	t.root.Refresh()
}

// SelectIndex shows the tab at i and tells OnSelected when it changed.
func (t *tabs) SelectIndex(i int) {
	if i < 0 || i >= len(t.Items) || i == t.current {
		return
	}
	t.current = i
	t.showSelected()
	if t.OnSelected != nil {
		t.OnSelected(t.Items[i])
	}
}

// Select shows the tab item.
func (t *tabs) Select(item *container.TabItem) {
	for i, it := range t.Items {
		if it == item {
			t.SelectIndex(i)
		}
	}
}

// SelectedIndex is the index of the tab on screen.
func (t *tabs) SelectedIndex() int { return t.current }

// Selected is the tab item on screen, or nil when there is none.
func (t *tabs) Selected() *container.TabItem {
	if t.current < 0 || t.current >= len(t.Items) {
		return nil
	}
	return t.Items[t.current]
}

// showSelected shows the current page only and marks its button: filled,
// with a line of the primary colour beside or under it; the others flat.
// The focus tints a button apart from both (hygieTheme's focus colour).
func (t *tabs) showSelected() {
	for i, it := range t.Items {
		b, mark := t.buttons[i], t.marks[i]
		if i == t.current {
			b.Importance = widget.MediumImportance
			mark.FillColor = theme.Color(theme.ColorNamePrimary)
			it.Content.Show()
		} else {
			b.Importance = widget.LowImportance
			mark.FillColor = color.Transparent
			it.Content.Hide()
		}
		b.Refresh()
		mark.Refresh()
	}
	t.pages.Refresh()
}

func (t *tabs) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(t.root)
}
