package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// detailsHold reports whether a « Détails » disclosure under o holds s:
// the technical side of an automatic check, shown only when opened.
func detailsHold(o fyne.CanvasObject, s string) bool {
	found := false
	walk(o, func(o fyne.CanvasObject) {
		d, ok := o.(*disclosure)
		if !ok {
			return
		}
		if l, ok := d.Detail.(*widget.Label); ok && d.Title == "Détails" && l.Selectable && strings.Contains(l.Text, s) {
			found = true
		}
	})
	return found
}
