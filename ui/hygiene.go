package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// hygieneView builds the hygiene section.
func hygieneView(env *Env) fyne.CanvasObject {
	return placeholder(lang.X("hygiene.title", "Hygiène du cabinet"), lang.X("hygiene.placeholder",
		"Bientôt ici : la liste des gestes d'hygiène du jour, le testeur de mots de passe, l'inventaire de la double authentification et les vérifications automatiques de l'ordinateur (pare-feu, mises à jour, chiffrement, sauvegardes)."))
}

// hygieneCard is the dashboard card of this section, or nil when it has nothing to show yet.
func hygieneCard(env *Env) fyne.CanvasObject {
	return nil
}
