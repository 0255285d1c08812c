package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hygie/checks/diagnostic"
)

// quizView is the questionnaire, one theme at a time. It starts from the
// previous answers, the plan items done since and what the computer's
// checks saw; nothing is saved until « Enregistrer l'évaluation ».
type quizView struct {
	s         *diagnosticScreen
	answers   map[string]diagnostic.Answer
	prefill   map[string]diagnostic.Answer // what the probes answered, kept as evidence
	theme     int
	step      *widget.Label
	questions *fyne.Container
	scroll    *container.Scroll
	prev      *button
	next      *button
	status    *widget.Label
}

func newQuizView(s *diagnosticScreen) *quizView {
	q := &quizView{s: s, step: heading(""), questions: container.NewVBox(), status: wrapped("")}
	q.step.SizeName = theme.SizeNameSubHeadingText
	q.prev = newButtonWithIcon(lang.X("diagnostic.quiz.prev", "Thème précédent"), theme.NavigateBackIcon(), func() { q.show(q.theme - 1) })
	q.next = newButtonWithIcon(lang.X("diagnostic.quiz.next", "Thème suivant"), theme.NavigateNextIcon(), func() { q.show(q.theme + 1) })
	q.restart()
	return q
}

// restart begins a new assessment from what is known.
func (q *quizView) restart() {
	var prev map[string]diagnostic.Answer
	if q.s.ok {
		prev = q.s.latest.Answers
	}
	probes := q.s.probes()
	q.prefill = q.s.d.cat.Prefill(probes)
	q.answers = q.s.d.cat.Start(prev, q.s.states, probes)
	q.status.SetText("")
	q.show(0)
}

func (q *quizView) content() fyne.CanvasObject {
	intro := wrapped(lang.X("diagnostic.quiz.intro", "Répondez thème par thème ; Hygie a déjà répondu à ce qu'il a pu vérifier sur cet ordinateur, et vous pouvez le corriger. « Je ne sais pas » compte comme une mesure à mettre en place."))
	save := newButtonWithIcon(lang.X("diagnostic.quiz.save", "Enregistrer l'évaluation"), theme.DocumentSaveIcon(), q.onSave)
	save.Importance = widget.HighImportance
	nav := container.NewHBox(q.prev, q.next, save)
	q.scroll = container.NewVScroll(container.NewVBox(intro, q.step, q.questions, nav, q.status))
	return q.scroll
}

// show lays out theme i's questions.
func (q *quizView) show(i int) {
	themes := q.s.d.cat.Themes
	if i < 0 || i >= len(themes) {
		return
	}
	q.theme = i
	th := themes[i]
	q.step.SetText(lang.X("diagnostic.quiz.step", "Thème {{.N}} sur {{.Total}} : {{.Theme}}",
		map[string]any{"N": i + 1, "Total": len(themes), "Theme": th.Title.In(currentLang)}))
	var objs []fyne.CanvasObject
	for _, qu := range q.s.d.cat.Questions {
		if qu.Theme == th.ID {
			objs = append(objs, q.question(qu))
		}
	}
	q.questions.Objects = objs
	q.questions.Refresh()
	q.prev.Disable()
	if i > 0 {
		q.prev.Enable()
	}
	q.next.Disable()
	if i < len(themes)-1 {
		q.next.Enable()
	}
	if q.scroll != nil {
		q.scroll.ScrollToTop()
	}
}

// question is one question: its text, the five answers and, under them,
// what the computer saw or how to find out.
func (q *quizView) question(qu diagnostic.Question) fyne.CanvasObject {
	text := wrapped(qu.Text.In(currentLang))
	text.TextStyle.Bold = true
	labels := make([]string, len(answerValues))
	for i, v := range answerValues {
		labels[i] = answerLabel(v)
	}
	radio := widget.NewRadioGroup(labels, nil)
	radio.Horizontal = true
	if a, ok := q.answers[qu.ID]; ok {
		radio.Selected = answerLabel(a.Value)
	}
	extra := container.NewVBox()
	q.refreshExtra(extra, qu)
	radio.OnChanged = func(label string) {
		q.answers[qu.ID] = diagnostic.Answer{Value: labelValue(label), Source: diagnostic.FromUser}
		if label == "" {
			delete(q.answers, qu.ID)
		}
		q.refreshExtra(extra, qu)
	}
	return container.NewVBox(text, radio, extra, widget.NewSeparator())
}

// labelValue is the answer a radio label stands for; "" for none.
func labelValue(label string) diagnostic.Value {
	for _, v := range answerValues {
		if answerLabel(v) == label {
			return v
		}
	}
	return ""
}

// refreshExtra shows what backs the answer: the computer's check, a plan
// item marked done, or for « je ne sais pas » how to find out.
func (q *quizView) refreshExtra(box *fyne.Container, qu diagnostic.Question) {
	var objs []fyne.CanvasObject
	a := q.answers[qu.ID]
	if _, ok := q.prefill[qu.ID]; ok && q.s.env.hygiene != nil {
		if r, ok := q.s.env.hygiene.rec.Probes[qu.Probe]; ok {
			objs = append(objs, wrapped(lang.X("diagnostic.quiz.probe", "Vérifié sur cet ordinateur. {{.What}}", map[string]any{"What": r.Text(currentLang)})))
		}
	}
	if a.Source == diagnostic.FromPlan {
		objs = append(objs, wrapped(lang.X("diagnostic.quiz.fromplan", "Marqué « fait » dans le plan d'action.")))
	}
	if a.Value == diagnostic.Unknown {
		objs = append(objs, wrapped(lang.X("diagnostic.quiz.findout", "Pour le savoir : {{.How}}", map[string]any{"How": qu.FindOut.In(currentLang)})),
			container.NewHBox(guideButton(q.s.env, lang.X("diagnostic.quiz.guide", "Lire le guide"), qu.Guide)))
	}
	box.Objects = objs
	box.Refresh()
}

// onSave records the answers as a new assessment, all or nothing.
func (q *quizView) onSave() {
	if len(q.answers) == 0 {
		q.status.SetText(lang.X("diagnostic.quiz.nothing", "Répondez à au moins une question avant d'enregistrer."))
		return
	}
	if _, err := q.s.d.store.Save(q.answers, hygieneNow()); err != nil {
		fyne.LogError("save assessment", err)
		q.status.SetText(diagnosticErrorMessage(err))
		q.s.showError(err)
		return
	}
	q.status.SetText(lang.X("diagnostic.quiz.saved", "Évaluation enregistrée. Les résultats et le plan d'action sont à jour."))
	q.s.saved()
	q.s.tabs.SelectIndex(diagTabResults)
}
