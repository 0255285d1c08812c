package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// incidentView builds the incident section.
func incidentView(env *Env) fyne.CanvasObject {
	return placeholder(lang.X("incident.title", "En cas d'attaque"), lang.X("incident.placeholder",
		"Bientôt ici : les gestes à faire tout de suite (débrancher le réseau, ne pas éteindre, prévenir), les numéros à appeler et un journal daté de ce qui a été fait."))
}

// incidentCard is the dashboard card of this section, or nil when it has nothing to show yet.
func incidentCard(env *Env) fyne.CanvasObject {
	return nil
}
