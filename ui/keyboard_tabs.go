package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

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
	bar := make([]fyne.CanvasObject, len(t.Items))
	pages := make([]fyne.CanvasObject, len(t.Items))
	for i, it := range t.Items {
		t.buttons[i] = newButtonWithIcon(it.Text, it.Icon, func() { t.SelectIndex(i) })
		if t.leading {
			t.buttons[i].Alignment = widget.ButtonAlignLeading
		}
		bar[i] = t.buttons[i]
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

// showSelected shows the current page only and marks its button: the
// primary colour for the open tab, flat buttons for the others.
func (t *tabs) showSelected() {
	for i, it := range t.Items {
		b := t.buttons[i]
		if i == t.current {
			b.Importance = widget.HighImportance
			it.Content.Show()
		} else {
			b.Importance = widget.LowImportance
			it.Content.Hide()
		}
		b.Refresh()
	}
	t.pages.Refresh()
}

func (t *tabs) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(t.root)
}
