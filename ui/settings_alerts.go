package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hygie/alerts"
	"hygie/i18n"
)

// savedAlertsShown is how many cached alerts Réglages lists.
const savedAlertsShown = 10

// alertsSettings is the Réglages card of the CERT-FR alerts: the opt-in
// with what it sends and to whom, the software the practice uses, a check
// on demand and the saved alerts, readable offline.
type alertsSettings struct {
	env    *Env
	a      *alertsState
	on     *widget.Check
	tags   map[string]*widget.Check
	check  *button
	status *widget.Label
	list   *fyne.Container
}

func newAlertsSettings(env *Env) *alertsSettings {
	return &alertsSettings{env: env, a: env.alerts, tags: map[string]*widget.Check{},
		status: wrapped(""), list: container.NewVBox()}
}

func (s *alertsSettings) content() fyne.CanvasObject {
	title := lang.X("alerts.settings.title", "Alertes de sécurité du CERT-FR")
	if s.a == nil || s.a.cache == nil {
		return widget.NewCard(title, "", wrapped(lang.X("alerts.settings.unavailable",
			"Les alertes ne peuvent pas être activées car les données d'Hygie sont indisponibles (voir l'accueil).")))
	}
	s.on = widget.NewCheck("", func(on bool) { s.onOptIn(on) })
	s.on.Checked = s.a.optedIn()
	onLabel := newToggleLabel(lang.X("alerts.settings.on", "Lire chaque jour les alertes publiques du CERT-FR"), s.on)
	disclosure := wrapped(alerts.Disclosure.In(currentLang))
	disclosure.TextStyle.Italic = true
	s.check = newButton(lang.X("alerts.settings.check", "Vérifier maintenant"), func() { s.a.check(true) })
	box := container.NewVBox(
		container.NewBorder(nil, nil, container.NewVBox(s.on), nil, onLabel), disclosure,
		subheading(lang.X("alerts.settings.tags", "Logiciels utilisés au cabinet : les alertes qui les nomment sont mises en avant")),
		s.tagGrid(), container.NewHBox(s.check), s.status,
		subheading(lang.X("alerts.settings.saved", "Alertes enregistrées sur cet ordinateur")), s.list)
	s.a.onChange(s.refresh)
	s.refresh()
	return widget.NewCard(title, "", box)
}

// tagGrid is one box per software, in two columns whose titles wrap.
func (s *alertsSettings) tagGrid() fyne.CanvasObject {
	ticked := s.a.ticked()
	grid := container.NewGridWithColumns(2)
	for _, t := range alerts.Tags() {
		c := widget.NewCheck("", func(bool) { s.onTicked() })
		c.Checked = contains(ticked, t.ID)
		s.tags[t.ID] = c
		title := newToggleLabel(t.Label.In(currentLang), c)
		title.TextStyle.Bold = false
		grid.Add(container.NewBorder(nil, nil, container.NewVBox(c), nil, title))
	}
	return grid
}

func (s *alertsSettings) onOptIn(on bool) {
	if err := s.a.cache.SetOptIn(on); err != nil {
		fyne.LogError("save alerts opt-in", err)
		s.status.SetText(lang.X("alerts.settings.saveerr", "Ce choix n'a pas pu être enregistré. Réessayez dans un instant."))
		return
	}
	s.a.lastErr = nil
	if !on || !s.a.check(false) { // a check that starts tells everyone
		s.a.notify()
	}
}

func (s *alertsSettings) onTicked() {
	var ids []string
	for _, t := range alerts.Tags() {
		if s.tags[t.ID].Checked {
			ids = append(ids, t.ID)
		}
	}
	if err := s.a.cache.SetTicked(ids); err != nil {
		fyne.LogError("save ticked software", err)
		s.status.SetText(lang.X("alerts.settings.saveerr", "Ce choix n'a pas pu être enregistré. Réessayez dans un instant."))
		return
	}
	s.a.notify()
}

// refresh shows the state of the last check and the saved alerts.
func (s *alertsSettings) refresh() {
	on := s.a.optedIn()
	if s.on.Checked != on {
		s.on.Checked = on
		s.on.Refresh()
	}
	if on && !s.a.checking {
		s.check.Enable()
	} else {
		s.check.Disable()
	}
	s.status.SetText(s.statusText(on))
	s.status.Importance = widget.MediumImportance
	if s.a.lastErr != nil {
		s.status.Importance = widget.WarningImportance
	}
	s.status.Refresh()
	s.refreshList()
}

func (s *alertsSettings) statusText(on bool) string {
	switch {
	case s.a.checking:
		return lang.X("alerts.checking", "Lecture des alertes du CERT-FR…")
	case s.a.lastErr != nil:
		return s.a.errText()
	case !on:
		return lang.X("alerts.settings.off", "Désactivé : Hygie ne contacte pas le CERT-FR.")
	}
	last, err := s.a.cache.LastCheck()
	if err != nil || last.IsZero() {
		return ""
	}
	return lang.X("alerts.settings.last", "Dernière vérification : {{.When}}.", map[string]any{"When": i18n.DateTime(last.Local(), currentLang)})
}

func (s *alertsSettings) refreshList() {
	items, err := s.a.cache.Items(savedAlertsShown)
	if err != nil {
		fyne.LogError("read saved alerts", err)
	}
	s.list.Objects = nil
	if len(items) == 0 {
		s.list.Add(wrapped(lang.X("alerts.none", "Aucune alerte enregistrée pour l'instant.")))
	}
	ticked := s.a.ticked()
	for i, it := range items {
		if i > 0 {
			s.list.Add(widget.NewSeparator())
		}
		for _, o := range alertRow(s.env, it, ticked) {
			s.list.Add(o)
		}
	}
	s.list.Refresh()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
