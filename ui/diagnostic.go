package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// diagnosticView is the « Diagnostic » section: the practice's
// self-assessment, its results and its action plan.
func diagnosticView(env *Env) fyne.CanvasObject {
	return screen(lang.X("diagnostic.title", "Diagnostic du cabinet"),
		wrapped(lang.X("diagnostic.intro", "Faites le point sur la sécurité du cabinet, thème par thème, et obtenez un plan d'action.")))
}
