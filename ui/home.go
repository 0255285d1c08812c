package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// homeView is the dashboard: a warning when the data cannot be used, then
// one card per section that has something to show.
func homeView(env *Env) fyne.CanvasObject {
	box := container.NewVBox()
	if env.DBErr != nil {
		box.Add(dbBanner(env.DBErr))
	}
	cards := 0
	for _, card := range []func(*Env) fyne.CanvasObject{alertsCard, hygieneCard, mailCard, verifyCard, guidesCard, incidentCard} {
		if c := card(env); c != nil {
			box.Add(c)
			if c.Visible() { // the alerts card waits, hidden, for the opt-in
				cards++
			}
		}
	}
	if cards == 0 {
		intro := wrapped(lang.X("home.empty",
			"Hygie vous aide à garder l'ordinateur et la messagerie du cabinet en bonne santé. Ce tableau de bord se remplira au fil de vos usages : gestes du jour, vérifications de l'ordinateur, messages à surveiller."))
		box.Add(intro)
	}
	return screen(lang.X("home.title", "Bonjour"), box)
}

// dbBanner states that the local data is unavailable, why, and what to do.
func dbBanner(err error) fyne.CanvasObject {
	msg := wrapped(dbErrorMessage(err))
	msg.Importance = widget.DangerImportance
	return widget.NewCard(lang.X("db.banner.title", "Données indisponibles"), "", msg)
}
