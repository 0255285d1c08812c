package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// guidesView builds the guides section.
func guidesView(env *Env) fyne.CanvasObject {
	return placeholder(lang.X("guides.title", "Guides de sécurité"), lang.X("guides.placeholder",
		"Bientôt ici : les guides officiels (ANSSI, ANS, CNIL, URPS) réécrits simplement pour le cabinet, consultables hors ligne, avec une recherche qui tolère les fautes de frappe."))
}

// guidesCard is the dashboard card of this section, or nil when it has nothing to show yet.
func guidesCard(env *Env) fyne.CanvasObject {
	return nil
}
