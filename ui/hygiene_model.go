package ui

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"hygie/checks"
	"hygie/store"
)

// showGuide opens the guide with id (the guides screen's openGuide); a
// variable so the tests can see which guide a button asks for.
var showGuide = openGuide

// hygieneNow is the clock of the hygiene screens; tests replace it.
var hygieneNow = time.Now

// hygieneModel is the checklist's state shared by the hygiene screen, the
// dashboard card and the tray menu of one window (Env.hygiene). It is only
// used on the Fyne goroutine; listeners are told after every change.
type hygieneModel struct {
	env       *Env
	list      *checks.Checklist // nil: read-only (database unavailable)
	openErr   error
	rec       checks.Records
	listeners []func()
}

// newHygieneModel opens the checklist of env and reads its records.
func newHygieneModel(env *Env) *hygieneModel {
	m := &hygieneModel{env: env}
	if env.DB == nil {
		m.openErr = env.DBErr
		if m.openErr == nil {
			m.openErr = errors.New("no database")
		}
	} else if l, err := checks.Open(env.DB); err != nil {
		fyne.LogError("open checklist", err)
		m.openErr = err
	} else {
		m.list = l
	}
	m.load()
	return m
}

// readOnly reports whether ticks cannot be saved.
func (m *hygieneModel) readOnly() bool { return m.list == nil }

// today is the practice's current day.
func (m *hygieneModel) today() string { return checks.DayOf(hygieneNow()) }

func (m *hygieneModel) load() {
	if m.list == nil {
		m.rec = checks.Records{}
		return
	}
	rec, err := m.list.Load()
	if err != nil {
		fyne.LogError("load checklist", err)
		m.showError(err)
		return // keep what was shown
	}
	rec.Diagnostic = m.env.diag.progress()
	m.rec = rec
}

// onChange registers fn, called after every change of the records.
func (m *hygieneModel) onChange(fn func()) { m.listeners = append(m.listeners, fn) }

// changed reloads the records and tells every listener.
func (m *hygieneModel) changed() {
	m.load()
	for _, fn := range m.listeners {
		fn()
	}
	updateStatus(m.env)
}

// do runs a write; on failure it says so in French and reloads, so the
// screen shows again what is really stored.
func (m *hygieneModel) do(what string, write func(*checks.Checklist) error) bool {
	if m.list == nil {
		if m.env.Win != nil {
			showInformation(lang.X("hygiene.readonly.title", "Lecture seule"), hygieneReadOnlyMessage(), m.env.Win)
		}
		return false
	}
	err := write(m.list)
	if err != nil {
		fyne.LogError(what, err)
		m.showError(err)
	}
	m.changed()
	return err == nil
}

func (m *hygieneModel) showError(err error) {
	if m.env.Win == nil {
		return
	}
	showInformation(lang.X("hygiene.err.title", "Enregistrement impossible"), hygieneErrorMessage(err), m.env.Win)
}

// hygieneErrorMessage explains a checklist failure in one French sentence.
func hygieneErrorMessage(err error) string {
	switch {
	case errors.Is(err, store.ErrLocked):
		return lang.X("hygiene.err.locked", "Les données sont occupées par un autre programme (peut-être la ligne de commande). Rien n'a été perdu : réessayez dans un instant.")
	case errors.Is(err, checks.ErrInvalid):
		return lang.X("hygiene.err.invalid", "Cette saisie n'a pas pu être enregistrée : vérifiez qu'elle est remplie et pas trop longue.")
	case errors.Is(err, store.ErrCorrupt), errors.Is(err, store.ErrReadOnly), errors.Is(err, store.ErrTooNew):
		return dbErrorMessage(err)
	}
	return lang.X("hygiene.err.other", "Hygie n'a pas pu enregistrer ce changement. Ce qui était déjà enregistré est intact : réessayez, et si cela persiste, relancez Hygie.")
}

// hygieneReadOnlyMessage explains why nothing can be ticked.
func hygieneReadOnlyMessage() string {
	return lang.X("hygiene.readonly", "Les données d'Hygie sont indisponibles : la liste est affichée en lecture seule et rien ne peut être coché pour l'instant. Voir l'Accueil pour la raison et la marche à suivre.")
}
