package ui

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hygie/i18n"
	"hygie/incident"
	"hygie/incident/export"
)

// clockEvery is how often the two 72-hour clocks count down; 0 stops the
// ticking (the tests move incidentNow instead).
var clockEvery = 30 * time.Second

// whenLayouts are the ways a practitioner writes a day and a time.
var whenLayouts = []string{"02/01/2006 15:04", "2/1/2006 15:04", "02/01/2006 15h04", "2/1/2006 15h04", "2006-01-02 15:04"}

var errWhen = errors.New("not a day and a time")

// parseWhen reads « 30/11/2026 08:15 » in local time; "" is no time.
func parseWhen(s string) (time.Time, error) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return time.Time{}, nil
	}
	for _, l := range whenLayouts {
		if t, err := time.ParseInLocation(l, s, time.Local); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errWhen
}

// formatWhen writes t as parseWhen reads it; "" for no time.
func formatWhen(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("02/01/2006 15:04")
}

// incidentClocks is the card of the two 72-hour clocks that start when the
// attack is discovered: notifying the CNIL and filing the complaint the
// cyber-insurance asks for. They show once a discovery time exists: the
// « Découvert le » field, else the first entry of the journal.
type incidentClocks struct {
	env    *Env
	found  *widget.Entry
	hint   *widget.Label
	clocks *fyne.Container
}

func newIncidentClocks(env *Env) *incidentClocks {
	return &incidentClocks{env: env, found: widget.NewEntry(), hint: wrapped(""), clocks: container.NewVBox()}
}

func (c *incidentClocks) content() fyne.CanvasObject {
	c.found.SetPlaceHolder(lang.X("incident.clocks.placeholder", "JJ/MM/AAAA HH:MM"))
	c.found.SetText(formatWhen(c.savedForm().Discovered))
	c.found.Validator = func(v string) error { _, err := parseWhen(v); return err }
	c.found.OnChanged = func(v string) {
		if t, err := parseWhen(v); err == nil {
			c.saveDiscovered(t)
			c.refresh()
		}
	}
	// Without the database the field still gives the clocks; it is only
	// not kept.
	label := widget.NewLabelWithStyle(lang.X("incident.clocks.found", "Découvert le"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	field := container.NewBorder(nil, nil, label, nil, container.NewGridWithColumns(2, c.found))
	c.refresh()
	c.tick()
	return widget.NewCard(lang.X("incident.clocks.title", "Les deux délais de 72 heures"), "",
		container.NewVBox(field, c.hint, c.clocks))
}

// tick counts the clocks down while the incident section is on screen.
func (c *incidentClocks) tick() {
	if clockEvery <= 0 {
		return
	}
	go func() {
		for range time.Tick(clockEvery) {
			fyne.Do(func() {
				if c.env.nav != nil && c.env.nav.current() == "incident" {
					c.refresh()
				}
			})
		}
	}()
}

func (c *incidentClocks) savedForm() export.Form {
	if c.env.form == nil {
		return export.Form{}
	}
	f, err := c.env.form.Load()
	if err != nil {
		fyne.LogError("read incident form", err)
	}
	return f
}

func (c *incidentClocks) saveDiscovered(t time.Time) {
	if c.env.form == nil {
		return
	}
	f := c.savedForm()
	if f.Discovered.Equal(t) {
		return
	}
	f.Discovered = t
	if err := c.env.form.Save(f); err != nil {
		fyne.LogError("save discovery time", err)
	}
}

// formSaved follows the discovery time written in the export's form.
func (c *incidentClocks) formSaved(f export.Form) {
	if text := formatWhen(f.Discovered); text != c.found.Text {
		c.found.SetText(text) // saved again by OnChanged: the same time
	}
	c.refresh()
}

// discovered is when the attack was discovered, and whether it comes
// from the journal rather than the field; zero when neither says.
func (c *incidentClocks) discovered() (time.Time, bool) {
	if t, err := parseWhen(c.found.Text); err == nil && !t.IsZero() {
		return t, false
	}
	if c.env.journal == nil {
		return time.Time{}, false
	}
	entries, err := c.env.journal.Entries()
	if err != nil {
		fyne.LogError("read journal for the clocks", err)
		return time.Time{}, false
	}
	for _, e := range incident.Of(entries, incident.KindIncident) {
		return e.At, true
	}
	return time.Time{}, false
}

// refresh shows the clocks at incidentNow, or why they are not shown.
func (c *incidentClocks) refresh() {
	found, fromJournal := c.discovered()
	c.clocks.Objects = nil
	switch {
	case found.IsZero():
		c.hint.SetText(lang.X("incident.clocks.none",
			"Les délais s'afficheront dès que l'heure de la découverte sera connue : écrivez-la ci-dessus, ou cochez une étape ou notez une action dans le journal."))
	case fromJournal:
		c.hint.SetText(lang.X("incident.clocks.journal", "Heure de la première entrée du journal : {{.When}}. Si l'attaque a été découverte plus tôt, écrivez l'heure ci-dessus.",
			map[string]any{"When": i18n.DateTime(found.Local(), currentLang)}))
	default:
		c.hint.SetText("")
	}
	if !found.IsZero() {
		for _, k := range export.Clocks(found, incidentNow()) {
			c.clocks.Add(clockRow(k))
		}
	}
	c.clocks.Refresh()
}

// clockRow is one deadline: what to do, before when, the time left (in
// red once passed), and the text that sets it.
func clockRow(k export.Clock) fyne.CanvasObject {
	name := widget.NewLabelWithStyle(k.Name.In(currentLang), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Wrapping = fyne.TextWrapWord
	when := i18n.DateTime(k.Deadline.Local(), currentLang)
	rest := export.RemainingText(k).In(currentLang)
	var left *widget.Label
	if k.Overdue {
		left = wrapped(lang.X("incident.clocks.overdue", "{{.Left}} (échéance : {{.When}}).",
			map[string]any{"When": when, "Left": strings.ToUpper(rest[:1]) + rest[1:]}))
		left.Importance = widget.DangerImportance
		left.TextStyle.Bold = true
	} else {
		left = wrapped(lang.X("incident.clocks.left", "Il reste {{.Left}} (échéance : {{.When}}).",
			map[string]any{"When": when, "Left": rest}))
		left.Importance = widget.WarningImportance
	}
	basis := wrapped(k.Basis.In(currentLang))
	basis.TextStyle.Italic = true
	return container.NewVBox(name, left, basis)
}
