package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// screen lays out a section: a large title above scrollable content.
func screen(title string, content fyne.CanvasObject) fyne.CanvasObject {
	if l, ok := content.(*widget.Label); ok {
		l.Wrapping = fyne.TextWrapWord
	}
	return container.NewBorder(heading(title), nil, nil, nil, container.NewVScroll(content))
}

// heading is a section's title, the same size on every screen.
func heading(title string) *widget.Label {
	h := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.SizeName = theme.SizeNameHeadingText
	return h
}

// wrapped is a paragraph: a label whose lines wrap at the width given.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// plural picks the translation key+".one" or key+".other" for n, by the
// rule of the screen's language (French: 0 and 1 take the singular), so a
// count reads « 1 jour », « 3 jours », never « jour(s) ».
func plural(key string, n int, one, other string, data map[string]any) string {
	if n == 1 || (n == 0 && currentLang == langFR) {
		return lang.X(key+".one", one, data)
	}
	return lang.X(key+".other", other, data)
}

// toggleLabel is a check box's title written beside it so that it wraps;
// tapping it toggles the box, as tapping a check's own text does.
type toggleLabel struct {
	widget.Label
	check *widget.Check
}

func newToggleLabel(text string, check *widget.Check) *toggleLabel {
	l := &toggleLabel{check: check}
	l.Text = text
	l.Wrapping = fyne.TextWrapWord
	l.TextStyle.Bold = true
	l.ExtendBaseWidget(l)
	return l
}

// Tapped toggles the check box unless it is disabled.
func (l *toggleLabel) Tapped(*fyne.PointEvent) {
	if !l.check.Disabled() {
		l.check.SetChecked(!l.check.Checked)
	}
}
