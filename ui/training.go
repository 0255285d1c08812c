package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// trainingView is the « S'entraîner » section: the phishing quiz and the
// crisis exercise.
func trainingView(env *Env) fyne.CanvasObject {
	return screen(lang.X("training.title", "S'entraîner"),
		wrapped(lang.X("training.intro", "Entraînez-vous à reconnaître les messages piégés et à suivre le plan d'incident du cabinet.")))
}
