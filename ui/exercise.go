package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hygie/incident"
	"hygie/training"
)

// exercisePage is one play of a crisis exercise: a situation at a time,
// the feedback of each choice from the incident plan, then the debrief,
// noted in the journal as an exercise.
type exercisePage struct {
	s   *trainingScreen
	run *training.Run
	i   int // the situation on screen
}

func (s *trainingScreen) startExercise(sc training.Scenario) {
	e := &exercisePage{s: s, run: training.Start(sc)}
	e.showSituation()
}

func (e *exercisePage) situation() training.Situation { return e.run.Scenario.Situations[e.i] }

// header is the scenario's title and intro, and « Situation 2 sur 6 ».
func (e *exercisePage) header() []fyne.CanvasObject {
	sc := e.run.Scenario
	intro := wrapped(sc.Intro.In(currentLang))
	intro.TextStyle.Italic = true
	return []fyne.CanvasObject{
		mailLabel(lang.X("training.exercise.heading", "Exercice : {{.Title}}", map[string]any{"Title": sc.Title.In(currentLang)}), fyne.TextStyle{Bold: true}, widget.MediumImportance),
		intro,
		mailLabel(lang.X("training.exercise.progress", "Situation {{.N}} sur {{.Total}}", map[string]any{"N": e.i + 1, "Total": len(sc.Situations)}),
			fyne.TextStyle{Bold: true}, widget.HighImportance),
	}
}

// showSituation asks what to do.
func (e *exercisePage) showSituation() {
	sit := e.situation()
	box := container.NewVBox(e.header()...)
	box.Add(wrapped(sit.Text.In(currentLang)))
	box.Add(mailLabel(lang.X("training.exercise.ask", "Que faites-vous ?"), fyne.TextStyle{Bold: true}, widget.MediumImportance))
	for _, c := range sit.Choices {
		c := c
		row, _ := wrappingButton(c.Text.In(currentLang), func() { e.onChoose(c) })
		box.Add(row)
	}
	stop := newButtonWithIcon(lang.X("training.exercise.stop", "Arrêter l'exercice"), theme.CancelIcon(), e.s.showHome)
	stop.Importance = widget.LowImportance
	box.Add(container.NewHBox(stop))
	e.s.show(box)
}

// onChoose records the choice and shows its feedback, with the steps and
// contacts of « En cas d'attaque » it rehearses.
func (e *exercisePage) onChoose(c training.Choice) {
	sit := e.situation()
	if _, err := e.run.Choose(sit.ID, c.ID); err != nil {
		fyne.LogError("exercise choice", err) // the choice comes from the scenario: never
	}
	box := container.NewVBox(e.header()...)
	box.Add(wrapped(sit.Text.In(currentLang)))
	chosen := wrapped(lang.X("training.exercise.chosen", "Votre choix : {{.Choice}}", map[string]any{"Choice": c.Text.In(currentLang)}))
	chosen.TextStyle.Italic = true
	box.Add(chosen)
	text, imp, icon := lang.X("training.exercise.good", "Bon réflexe."), widget.SuccessImportance, theme.ConfirmIcon()
	if !c.Good {
		text, imp, icon = lang.X("training.exercise.bad", "Pas le bon réflexe."), widget.DangerImportance, theme.CancelIcon()
	}
	verdict := mailLabel(text, fyne.TextStyle{Bold: true}, imp)
	verdict.SizeName = theme.SizeNameSubHeadingText
	box.Add(container.NewBorder(nil, nil, widget.NewIcon(icon), nil, verdict))
	box.Add(wrapped(c.Feedback.In(currentLang)))
	if plan := planCard(c, e.practice()); plan != nil {
		box.Add(plan)
	}
	next := newButtonWithIcon(lang.X("training.exercise.next", "Situation suivante"), theme.NavigateNextIcon(), e.onNext)
	if e.i == len(e.run.Scenario.Situations)-1 {
		next.SetText(lang.X("training.exercise.debrief", "Voir le bilan"))
	}
	next.Importance = widget.HighImportance
	box.Add(container.NewHBox(next))
	e.s.show(box)
}

// planCard names the incident steps (numbered as « En cas d'attaque »
// numbers them) and contacts a choice is about, the practice's own from
// Réglages first when the step is to call for help; nil when none.
func planCard(c training.Choice, p incident.Practice) fyne.CanvasObject {
	box := container.NewVBox()
	for _, id := range c.Steps {
		for i, st := range incident.Steps() {
			if st.ID == id {
				box.Add(wrapped(lang.X("training.exercise.step", "Étape {{.N}} : {{.Title}}", map[string]any{"N": i + 1, "Title": st.Title.In(currentLang)})))
			}
		}
	}
	byPhone, online := incident.Directory(p)
	var ids []string
	if slices.Contains(c.Steps, "call_help") {
		ids = append(ids, incident.OwnIT)
	}
	for _, id := range c.Contacts {
		if id == "assureur" { // the directory puts the practice's insurer in its place
			id = incident.OwnInsurer
		}
		ids = append(ids, id)
	}
	for _, id := range ids {
		if i := slices.IndexFunc(byPhone, func(ct incident.Contact) bool { return ct.ID == id }); i >= 0 {
			box.Add(phoneRow(byPhone[i]))
		} else if i := slices.IndexFunc(online, func(ct incident.Contact) bool { return ct.ID == id }); i >= 0 {
			box.Add(mailLabel(online[i].Name.In(currentLang), fyne.TextStyle{Bold: true}, widget.MediumImportance))
			box.Add(wrapped(online[i].When.In(currentLang)))
		}
	}
	if len(box.Objects) == 0 {
		return nil
	}
	return widget.NewCard(lang.X("training.exercise.plan", "Dans le plan « En cas d'attaque »"), "", box)
}

func (e *exercisePage) onNext() {
	if e.i < len(e.run.Scenario.Situations)-1 {
		e.i++
		e.showSituation()
		return
	}
	e.showDebrief()
}

// showDebrief sums the exercise up, notes it in the journal and lists
// what to prepare.
func (e *exercisePage) showDebrief() {
	sc := e.run.Scenario
	o := e.run.Outcome()
	score := mailLabel(plural("training.exercise.score", o.Good, "{{.N}} bon réflexe sur {{.Total}}", "{{.N}} bons réflexes sur {{.Total}}",
		map[string]any{"N": o.Good, "Total": o.Total}), fyne.TextStyle{Bold: true}, widget.HighImportance)
	score.SizeName = theme.SizeNameSubHeadingText
	box := container.NewVBox(
		mailLabel(lang.X("training.exercise.debrief.title", "Bilan de l'exercice : {{.Title}}", map[string]any{"Title": sc.Title.In(currentLang)}), fyne.TextStyle{Bold: true}, widget.MediumImportance),
		score, e.record())
	if len(o.ToReview) > 0 {
		review := container.NewVBox()
		for _, sit := range o.ToReview {
			review.Add(wrapped("• " + training.GoodChoice(sit).Text.In(currentLang)))
		}
		box.Add(widget.NewCard(lang.X("training.exercise.review", "Les bons réflexes à revoir"), "", review))
	}
	box.Add(e.prepCard())
	again := newButtonWithIcon(lang.X("training.exercise.again", "Refaire l'exercice"), theme.ViewRefreshIcon(), func() { e.s.startExercise(sc) })
	box.Add(container.NewHBox(again, e.s.backButton()))
	e.s.show(box)
}

// record notes the run in the journal, as an exercise, and says so.
func (e *exercisePage) record() fyne.CanvasObject {
	if e.s.journal == nil {
		l := wrapped(lang.X("training.exercise.notrecorded", "Cet exercice n'est pas noté dans le journal car les données d'Hygie sont indisponibles (voir l'accueil)."))
		l.Importance = widget.WarningImportance
		return l
	}
	if _, err := e.run.RecordIn(e.s.journal, trainingNow(), currentLang); err != nil {
		fyne.LogError("record exercise", err)
		l := wrapped(lang.X("training.exercise.recorderr", "Cet exercice n'a pas pu être noté dans le journal. Notez le bilan sur papier si vous voulez le garder."))
		l.Importance = widget.WarningImportance
		return l
	}
	return wrapped(lang.X("training.exercise.recorded", "Exercice noté dans le journal (section « En cas d'attaque »), marqué comme exercice : il ne compte pas comme un vrai incident."))
}

// prepCard lists what to have ready before an attack, saying for what
// Réglages holds whether it is done.
func (e *exercisePage) prepCard() fyne.CanvasObject {
	p := e.practice()
	box := container.NewVBox()
	needSettings := false
	for _, prep := range e.run.Scenario.Debrief {
		box.Add(wrapped("• " + prep.Text.In(currentLang)))
		status, done, known := prepStatus(prep.ID, p)
		if !known || e.s.journal == nil {
			continue
		}
		l := wrapped(status)
		l.TextStyle.Italic = true
		if !done {
			l.Importance = widget.WarningImportance
			needSettings = true
		}
		box.Add(l)
	}
	if needSettings {
		box.Add(container.NewHBox(newButtonWithIcon(lang.X("training.exercise.settings", "Ouvrir Réglages"), theme.SettingsIcon(),
			func() { openSection(e.s.env, "settings") })))
	}
	return widget.NewCard(lang.X("training.exercise.prep", "À préparer dès maintenant"), "", box)
}

// prepStatus says whether Réglages already holds what prep asks; known is
// false for what Hygie cannot see (a backup on a shelf, a printed list).
func prepStatus(id string, p incident.Practice) (status string, done, known bool) {
	switch id {
	case "provider_number":
		if p.ITPhone != "" {
			name := p.ITName
			if name == "" {
				name = lang.X("training.exercise.it", "prestataire informatique")
			}
			return lang.X("training.exercise.it.done", "Déjà noté dans Réglages : {{.Name}}, {{.Phone}}.", map[string]any{"Name": name, "Phone": p.ITPhone}), true, true
		}
		return lang.X("training.exercise.it.missing", "Pas encore noté dans Réglages."), false, true
	case "insurer_contract":
		if p.InsurerPhone != "" && p.InsurerContract != "" {
			return lang.X("training.exercise.insurer.done", "Déjà noté dans Réglages : contrat {{.Contract}}, {{.Phone}}.", map[string]any{"Contract": p.InsurerContract, "Phone": p.InsurerPhone}), true, true
		}
		return lang.X("training.exercise.insurer.missing", "Pas encore complet dans Réglages (contrat et téléphone de l'assureur)."), false, true
	}
	return "", false, false
}

// practice is what Réglages holds; nothing without the journal.
func (e *exercisePage) practice() incident.Practice {
	if e.s.journal == nil {
		return incident.Practice{}
	}
	p, err := e.s.journal.Practice()
	if err != nil {
		fyne.LogError("read practice contacts", fmt.Errorf("exercise debrief: %w", err))
	}
	return p
}
