package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hygie/guides"
)

// guidesCardView is the dashboard card: the guide to resume, if any, and
// the guide of the week.
type guidesCardView struct {
	env *Env
	gc  *guidesCtx
	box *fyne.Container
}

func newGuidesCard(env *Env) *guidesCardView {
	return &guidesCardView{env: env, gc: env.guides}
}

// content returns the card, or nil when the library cannot be read.
func (c *guidesCardView) content() fyne.CanvasObject {
	if c.gc.lib == nil {
		return nil
	}
	c.box = container.NewVBox()
	c.refresh()
	c.gc.onChange(c.refresh)
	return widget.NewCard(lang.X("guides.card.title", "Guides"), "", c.box)
}

func (c *guidesCardView) refresh() {
	var objs []fyne.CanvasObject
	marks := c.gc.marks()
	if g, section := c.resume(); g != nil {
		objs = append(objs, c.entry(lang.X("guides.card.resume", "Reprendre la lecture"), g, section), widget.NewSeparator())
	}
	week := c.gc.lib.WeekGuide(guidesNow(), func(id string) bool { return marks[id].Read })
	objs = append(objs, c.entry(lang.X("guides.card.week", "Guide de la semaine"), week, ""))
	c.box.Objects = objs
	c.box.Refresh()
}

// resume returns the guide last opened and not finished, if any.
func (c *guidesCardView) resume() (*guides.Guide, string) {
	if c.gc.state == nil {
		return nil, ""
	}
	id, section, ok, err := c.gc.state.Resume()
	if err != nil {
		fyne.LogError("find guide to resume", err)
		return nil, ""
	}
	if !ok {
		return nil, ""
	}
	g, _ := c.gc.lib.Get(id)
	return g, section
}

// entry is one part of the card: what it is with the guide's title, its
// summary, and a button that opens it.
func (c *guidesCardView) entry(label string, g *guides.Guide, section string) fyne.CanvasObject {
	head := widget.NewLabelWithStyle(lang.X("guides.card.entry", "{{.Label}} : {{.Title}}", map[string]any{"Label": label, "Title": g.Title}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Truncation = fyne.TextTruncateEllipsis
	sum := wrapped(g.Summary)
	id := g.ID
	if section != "" {
		id += "#" + section
	}
	open := newButton(lang.X("guides.card.open", "Lire"), func() { openGuide(c.env, id) })
	return container.NewVBox(head, sum, container.NewHBox(open))
}
