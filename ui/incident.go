package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hygie/i18n"
	"hygie/incident"
)

// incidentScreen guides the practitioner through an attack: the steps in
// order, whom to call, and the journal of what was done.
type incidentScreen struct {
	env     *Env
	journal *incident.Journal // nil when the database is unavailable
	checks  map[string]*widget.Check
	list    *widget.Label
	note    *textArea
	status  *widget.Label
	clocks  *incidentClocks
	export  *incidentExport
}

// incidentView builds the "En cas d'attaque" section.
func incidentView(env *Env) fyne.CanvasObject {
	s := newIncidentScreen(env)
	scroll := container.NewVScroll(s.content())
	// Opened from elsewhere (« Déjà cliqué… ? »), the screen starts at step 1.
	onOpened(env, "incident", func() { s.toFirstStep(scroll) })
	return container.NewBorder(heading(lang.X("incident.title", "En cas d'attaque")), nil, nil, nil, scroll)
}

// toFirstStep scrolls to the top and puts the keyboard on step 1.
func (s *incidentScreen) toFirstStep(scroll *container.Scroll) {
	scroll.ScrollToTop()
	if len(incident.Steps()) == 0 || s.env.Win == nil {
		return
	}
	if c := s.checks[incident.Steps()[0].ID]; c != nil {
		s.env.Win.Canvas().Focus(c)
	}
}

func newIncidentScreen(env *Env) *incidentScreen {
	s := &incidentScreen{env: env, journal: env.journal, checks: map[string]*widget.Check{},
		clocks: newIncidentClocks(env), export: newIncidentExport(env)}
	s.export.onSaved = s.clocks.formSaved
	return s
}

func (s *incidentScreen) content() fyne.CanvasObject {
	intro := wrapped(lang.X("incident.intro",
		"Vous pensez que l'ordinateur ou la messagerie du cabinet est attaqué ? Gardez votre calme et suivez ces étapes dans l'ordre. Chaque étape cochée est notée, avec l'heure, dans le journal."))
	box := container.NewVBox(intro, s.stepsCard(), s.clocks.content(), s.contactsCard(), s.journalCard(), s.export.content())
	s.refreshJournal()
	return box
}

func (s *incidentScreen) stepsCard() fyne.CanvasObject {
	box := container.NewVBox()
	for i, st := range incident.Steps() {
		st := st
		// The title wraps beside its box: a check's own text never wraps
		// and forced the window wider than 900 px.
		check := widget.NewCheck("", nil)
		check.OnChanged = func(on bool) {
			if on {
				s.onStepDone(st, check)
			}
		}
		s.checks[st.ID] = check
		title := newToggleLabel(fmt.Sprintf("%d. %s", i+1, st.Title.In(currentLang)), check)
		title.TextStyle.Bold = false
		why := wrapped(st.Why.In(currentLang))
		why.TextStyle.Italic = true
		box.Add(container.NewBorder(nil, nil, container.NewVBox(check), nil, container.NewVBox(title, why)))
	}
	return widget.NewCard(lang.X("incident.steps.title", "Tout de suite"), "", box)
}

// contactsCard lists whom to call: phone numbers first, the practice's
// own (entered in Réglages) then the national ones with their source,
// since the network is unplugged at the first step; websites second.
func (s *incidentScreen) contactsCard() fyne.CanvasObject {
	byPhone, online := incident.Directory(s.practice())
	box := container.NewVBox(subheading(lang.X("incident.contacts.phone", "Par téléphone d'abord (le réseau est débranché)")))
	for _, c := range byPhone {
		box.Add(phoneRow(c))
	}
	box.Add(widget.NewSeparator())
	box.Add(subheading(lang.X("incident.contacts.web", "Sur Internet ensuite, depuis un autre appareil ou une fois le réseau rebranché")))
	for _, c := range online {
		line := wrapped(c.Name.In(currentLang) + " — " + c.When.In(currentLang))
		row := container.NewVBox(line)
		if c.URL != "" {
			if u, err := parseURL(c.URL); err == nil {
				link := widget.NewHyperlink(c.URL, u)
				link.Wrapping = fyne.TextWrapBreak // a long address must not widen the window
				row.Add(link)
			}
		}
		box.Add(row)
	}
	return widget.NewCard(lang.X("incident.contacts.title", "Qui appeler"), "", box)
}

// phoneRow is one number to call: who, the number in bold, what for, and
// who publishes it; the practice's own ask to be filled in Réglages.
func phoneRow(c incident.Contact) fyne.CanvasObject {
	head := c.Name.In(currentLang)
	if c.Phone != "" {
		head = lang.X("incident.phone.line", "{{.Name}} — {{.Phone}}", map[string]string{"Name": head, "Phone": c.Phone})
	}
	name := widget.NewLabelWithStyle(head, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Wrapping = fyne.TextWrapWord
	row := container.NewVBox(name)
	if c.Phone == "" && c.Own {
		missing := wrapped(lang.X("incident.phone.missing", "Numéro pas encore noté : ajoutez-le dans Réglages, rubrique « Le cabinet », avant d'en avoir besoin."))
		missing.Importance = widget.WarningImportance
		row.Add(missing)
	}
	what := c.When.In(currentLang)
	if c.Source != "" {
		what = strings.TrimSpace(what + " " + lang.X("incident.phone.source", "(Source du numéro : {{.Source}}.)", map[string]string{"Source": c.Source}))
	}
	if what != "" {
		row.Add(wrapped(what))
	}
	return row
}

// subheading titles a part of a card.
func subheading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.HighImportance
	return l
}

// practice is what Réglages holds about the practice; nothing when the
// database is unavailable.
func (s *incidentScreen) practice() incident.Practice {
	if s.journal == nil {
		return incident.Practice{}
	}
	p, err := s.journal.Practice()
	if err != nil {
		fyne.LogError("read practice contacts", err)
	}
	return p
}

func (s *incidentScreen) journalCard() fyne.CanvasObject {
	s.list = wrapped("")
	s.status = wrapped("")
	s.note = newTextArea() // Tab leaves it for « Noter dans le journal »
	s.note.SetPlaceHolder(lang.X("incident.note.placeholder", "Ce que vous avez fait ou constaté, par exemple : « 9 h 10, message de rançon à l'écran »"))
	add := newButton(lang.X("incident.note.add", "Noter dans le journal"), s.onAddNote)
	add.Importance = widget.HighImportance
	cp := newButton(lang.X("incident.journal.copy", "Copier le journal"), s.onCopy)
	if s.journal == nil {
		s.status.SetText(lang.X("incident.journal.unavailable", "Le journal ne peut pas être enregistré car les données d'Hygie sont indisponibles (voir l'accueil). Notez vos actions sur papier, avec l'heure."))
		s.note.Disable()
		add.Disable()
		cp.Disable()
	}
	return widget.NewCard(lang.X("incident.journal.title", "Journal"), "",
		container.NewVBox(s.list, s.note, container.NewHBox(add, cp), s.status))
}

func (s *incidentScreen) onStepDone(st incident.Step, check *widget.Check) {
	if s.journal == nil {
		return
	}
	if _, err := s.journal.Add(incidentNow(), st.ID, st.Title.In(currentLang)); err != nil {
		fyne.LogError("journal step "+st.ID, err)
		s.status.SetText(lang.X("incident.journal.err", "Cette action n'a pas pu être notée dans le journal. Notez-la sur papier, avec l'heure."))
		check.SetChecked(false)
		return
	}
	s.refreshJournal()
}

func (s *incidentScreen) onAddNote() {
	if s.journal == nil || s.note.Text == "" {
		return
	}
	if _, err := s.journal.Add(incidentNow(), "", s.note.Text); err != nil {
		fyne.LogError("journal note", err)
		s.status.SetText(lang.X("incident.journal.err", "Cette action n'a pas pu être notée dans le journal. Notez-la sur papier, avec l'heure."))
		return
	}
	s.note.SetText("")
	s.status.SetText("")
	s.refreshJournal()
}

func (s *incidentScreen) onCopy() {
	entries, err := s.journal.Entries()
	if err != nil {
		fyne.LogError("copy journal", err)
		s.status.SetText(lang.X("incident.journal.readerr", "Le journal n'a pas pu être lu, rien n'a été copié. Ce qui y est noté reste enregistré : réessayez dans un instant."))
		return
	}
	s.env.App.Clipboard().SetContent(renderJournal(s.practice(), entries))
	s.status.SetText(lang.X("incident.journal.copied", "Journal copié : vous pouvez le coller dans un courriel à votre prestataire ou à votre assureur."))
}

// refreshJournal shows the entries and ticks the steps already done.
func (s *incidentScreen) refreshJournal() {
	if s.journal == nil {
		return
	}
	entries, err := s.journal.Entries()
	if err != nil {
		fyne.LogError("read journal", err)
		return
	}
	s.clocks.refresh()
	if len(entries) == 0 {
		s.list.SetText(lang.X("incident.journal.empty", "Rien n'est encore noté."))
	} else {
		s.list.SetText(renderJournal(s.practice(), entries))
	}
	for _, e := range entries {
		if c := s.checks[e.StepID]; c != nil && !c.Checked {
			c.Checked = true
			c.Refresh()
		}
	}
}

// incidentNow is the clock of the incident screen and card; tests fix it.
var incidentNow = time.Now

// incidentCard appears on the dashboard while an incident is being handled:
// when the journal has an entry from the last seven days.
func incidentCard(env *Env) fyne.CanvasObject {
	if env.journal == nil {
		return nil
	}
	entries, err := env.journal.Entries()
	if err != nil || len(entries) == 0 || incidentNow().Sub(entries[len(entries)-1].At) > 7*24*time.Hour {
		return nil
	}
	msg := wrapped(plural("incident.card.body", len(entries), "Un incident est en cours de traitement : {{.Count}} action notée dans le journal.",
		"Un incident est en cours de traitement : {{.Count}} actions notées dans le journal.", map[string]any{"Count": len(entries)}))
	return widget.NewCard(lang.X("incident.title", "En cas d'attaque"), "", msg)
}

// renderJournal writes the journal in the screen's language: the practice's
// names when set, then one line an entry with its day and time as a person
// writes them.
func renderJournal(p incident.Practice, entries []incident.Entry) string {
	var b strings.Builder
	b.WriteString(lang.X("incident.journal.header", "Journal d'incident — Hygie") + "\n")
	for _, l := range p.HeaderLines(currentLang) {
		b.WriteString(l + "\n")
	}
	b.WriteString("\n")
	for _, e := range entries {
		tag := ""
		if e.Kind == incident.KindExercise {
			tag = lang.X("incident.journal.exercise", "[exercice]") + " "
		}
		b.WriteString(i18n.DateTime(e.At.Local(), currentLang) + "  " + tag + e.Note + "\n")
	}
	return b.String()
}
