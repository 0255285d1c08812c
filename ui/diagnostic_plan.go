package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hygie/checks/diagnostic"
)

// planStates are the marks offered on each item, in order.
var planStates = []string{diagnostic.PlanTodo, diagnostic.PlanPlanned, diagnostic.PlanDone}

func planStateLabel(state string) string {
	switch state {
	case diagnostic.PlanPlanned:
		return lang.X("diagnostic.plan.planned", "Prévu")
	case diagnostic.PlanDone:
		return lang.X("diagnostic.plan.done", "Fait")
	}
	return lang.X("diagnostic.plan.todo", "À faire")
}

// refreshPlan lists the gaps of the latest assessment, quick wins on
// serious risks first.
func (s *diagnosticScreen) refreshPlan() {
	if !s.ok || s.d.cat.Score(s.latest.Answers).Level == nil {
		s.plan.Objects = []fyne.CanvasObject{wrapped(lang.X("diagnostic.plan.none", "Le plan d'action apparaît une fois le questionnaire enregistré : il reprend chaque mesure à mettre en place, les plus utiles et les plus faciles d'abord."))}
		s.plan.Refresh()
		return
	}
	items := s.d.cat.Plan(s.latest.Answers, s.states)
	if len(items) == 0 {
		s.plan.Objects = []fyne.CanvasObject{wrapped(lang.X("diagnostic.plan.empty", "Toutes les mesures du questionnaire sont en place : rien à ajouter au plan. Refaites le questionnaire dans un an, ou après un changement au cabinet."))}
		s.plan.Refresh()
		return
	}
	done := 0
	for _, it := range items {
		if it.State == diagnostic.PlanDone {
			done++
		}
	}
	objs := []fyne.CanvasObject{
		wrapped(lang.X("diagnostic.plan.intro", "Les mesures à mettre en place, les plus utiles et les plus rapides d'abord. Une mesure marquée « Fait » compte dans le score d'hygiène et sera cochée « oui » au prochain questionnaire.")),
		widget.NewLabelWithStyle(plural("diagnostic.plan.count", done, "{{.Done}} mesure faite sur {{.Total}}", "{{.Done}} mesures faites sur {{.Total}}",
			map[string]any{"Done": done, "Total": len(items)}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
	}
	for i, it := range items {
		objs = append(objs, s.planItem(i+1, it))
	}
	s.plan.Objects = objs
	s.plan.Refresh()
}

// planItem is one step: what to do, who and how long, the guide, and its mark.
func (s *diagnosticScreen) planItem(n int, it diagnostic.Item) fyne.CanvasObject {
	q := it.Question
	what := wrapped(lang.X("diagnostic.plan.item", "{{.N}}. {{.Action}}", map[string]any{"N": n, "Action": q.Action.In(currentLang)}))
	what.TextStyle.Bold = true
	objs := []fyne.CanvasObject{what}
	if it.FindOut {
		objs = append(objs, wrapped(lang.X("diagnostic.plan.findout", "D'abord, savoir où en est le cabinet : {{.How}}", map[string]any{"How": q.FindOut.In(currentLang)})))
	}
	objs = append(objs, wrapped(lang.X("diagnostic.plan.meta", "Qui : {{.Who}} · Temps : {{.Effort}} · Votre réponse : {{.Answer}}",
		map[string]any{"Who": whoText(q.Who), "Effort": effortText(q.Effort), "Answer": answerLabel(it.Answer)})))
	labels := make([]string, len(planStates))
	for i, st := range planStates {
		labels[i] = planStateLabel(st)
	}
	mark := widget.NewRadioGroup(labels, nil)
	mark.Horizontal = true
	mark.Required = true
	mark.Selected = planStateLabel(it.State)
	mark.OnChanged = func(label string) { s.onMark(q.ID, label) }
	objs = append(objs, container.NewHBox(mark, guideButton(s.env, lang.X("diagnostic.plan.guide", "Lire le guide"), q.Guide)), widget.NewSeparator())
	return container.NewVBox(objs...)
}

// onMark stores a plan mark; on failure it says so and shows again what
// is stored.
func (s *diagnosticScreen) onMark(id, label string) {
	state := diagnostic.PlanTodo
	for _, st := range planStates {
		if planStateLabel(st) == label {
			state = st
		}
	}
	if err := s.d.store.SetPlanState(id, state, hygieneNow()); err != nil {
		fyne.LogError("set plan state of "+id, err)
		s.showError(err)
	}
	s.saved()
}
