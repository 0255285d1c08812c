package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hygie/guides"
)

// snippetRunes is how much of a matched paragraph a result row shows.
const snippetRunes = 90

// starIcon marks favourite guides (the default theme has no star).
var starIcon = theme.NewThemedResource(fyne.NewStaticResource("star.svg", []byte(
	`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#000" d="M12 17.3l6.2 3.7-1.6-7 5.4-4.7-7.1-.6L12 2 9.1 8.7 2 9.3l5.4 4.7-1.6 7z"/></svg>`)))

// newResultRow is the list template: title line, snippet line, and the
// favourite and read markers.
func newResultRow() fyne.CanvasObject {
	title := widget.NewRichText()
	title.Wrapping = fyne.TextWrapWord // whole titles: rows are measured by fitRows
	snippet := widget.NewRichText()
	snippet.Truncation = fyne.TextTruncateEllipsis
	fav := widget.NewIcon(starIcon)
	read := widget.NewIcon(theme.ConfirmIcon())
	marks := container.NewHBox(fav, read)
	return container.NewBorder(nil, nil, nil, marks, container.NewVBox(title, snippet))
}

// setResultRow fills a row from a result: matches are highlighted in the
// title for title hits, otherwise in the snippet of the heading or text
// that matched.
func setResultRow(o fyne.CanvasObject, r guides.Result, m guides.Mark) {
	row := o.(*fyne.Container)
	texts := row.Objects[0].(*fyne.Container)
	title, snippet := texts.Objects[0].(*widget.RichText), texts.Objects[1].(*widget.RichText)
	marks := row.Objects[1].(*fyne.Container)
	showIf(marks.Objects[0], m.Favorite)
	showIf(marks.Objects[1], m.Read)
	if r.Kind == guides.KindTitle {
		title.Segments = highlighted(r.Text, r.Matches, true)
		snippet.Segments = highlighted(r.Guide.Summary, nil, false)
	} else {
		title.Segments = highlighted(r.Guide.Title, nil, true)
		text, matches := guides.Snippet(r.Text, r.Matches, snippetRunes)
		snippet.Segments = highlighted(text, matches, false)
	}
	title.Refresh()
	snippet.Refresh()
}

func showIf(o fyne.CanvasObject, on bool) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
}

// highlighted turns text into segments, matched runs in bold and in the
// theme's primary colour.
func highlighted(text string, matches []int, bold bool) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	for _, sp := range guides.Spans(text, matches) {
		style := widget.RichTextStyleInline
		style.TextStyle.Bold = bold || sp.Match
		if sp.Match {
			style.ColorName = theme.ColorNamePrimary
		}
		segs = append(segs, &widget.TextSegment{Text: text[sp.Start:sp.End], Style: style})
	}
	return segs
}

// rowWidthWatch lays its one child out at full size and tells onWidth
// when the width changes, so the list's rows can be measured for it.
type rowWidthWatch struct {
	last    float32
	onWidth func(float32)
}

func (w *rowWidthWatch) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if size.Width != w.last && size.Width > 0 {
		w.last = size.Width
		w.onWidth(size.Width)
	}
}

func (w *rowWidthWatch) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}

// rowHeight is the height of row r, its title wrapped at width.
func rowHeight(r guides.Result, m guides.Mark, width float32) float32 {
	row := newResultRow()
	setResultRow(row, r, m)
	row.Resize(fyne.NewSize(width, 1000))
	return row.MinSize().Height
}
