package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// mailView builds the mail section.
func mailView(env *Env) fyne.CanvasObject {
	return placeholder(lang.X("mail.title", "Messagerie"), lang.X("mail.placeholder",
		"Bientôt ici : Hygie lira votre boîte aux lettres sans rien y modifier, signalera les messages suspects en expliquant pourquoi, et distinguera la messagerie sécurisée de santé (MSSanté) de la messagerie ordinaire."))
}

// mailCard is the dashboard card of this section, or nil when it has nothing to show yet.
func mailCard(env *Env) fyne.CanvasObject {
	return nil
}
