package ui

import (
	"database/sql"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hygie/checks/diagnostic"
	"hygie/checks/diagnostic/policy"
	"hygie/checks/probe"
	"hygie/store"
)

// diagnosticState is the self-assessment's share of the window
// (Env.diag): the questionnaire, and its stores when the database is there.
type diagnosticState struct {
	cat    *diagnostic.Catalogue // nil only if the embedded questions are broken
	store  *diagnostic.Store     // nil when the database is unavailable
	policy *policy.Store         // nil when the database is unavailable
	err    error                 // why store is nil
}

// openDiagnostic opens the diagnostic's tables in db (nil when dbErr says
// why the database is unavailable).
func openDiagnostic(db *sql.DB, dbErr error) *diagnosticState {
	d := &diagnosticState{}
	cat, err := diagnostic.Builtin()
	if err != nil {
		fyne.LogError("load diagnostic questions", err)
		d.err = err
		return d
	}
	d.cat = cat
	if db == nil {
		d.err = dbErr
		if d.err == nil {
			d.err = errors.New("no database")
		}
		return d
	}
	if d.store, err = diagnostic.Open(db, cat); err != nil {
		fyne.LogError("open diagnostic tables", err)
		d.err = err
		return d
	}
	if d.policy, err = policy.Open(db); err != nil {
		fyne.LogError("open policy table", err)
	}
	return d
}

// progress is what the self-assessment adds to the hygiene score; nil
// before the first assessment or without the database.
func (d *diagnosticState) progress() *float64 {
	if d == nil || d.store == nil {
		return nil
	}
	p, err := d.store.Progress()
	if err != nil {
		fyne.LogError("read diagnostic progress", err)
		return nil
	}
	return p
}

// diagnosticScreen is the « Diagnostic » section: the results, the
// questionnaire and the action plan, one tab each.
type diagnosticScreen struct {
	env     *Env
	d       *diagnosticState
	tabs    *tabs
	results *fyne.Container
	plan    *fyne.Container
	quiz    *quizView
	// policyMsg and policySaved say how the policy's export went.
	policyMsg   *widget.Label
	policySaved *fyne.Container
	// latest is the last saved assessment (ok false before the first),
	// states the plan's marks: what the tabs show.
	latest diagnostic.Assessment
	ok     bool
	states map[string]string
}

// Tab indexes of the section.
const (
	diagTabResults = iota
	diagTabQuiz
	diagTabPlan
)

// diagnosticView is the « Diagnostic » section.
func diagnosticView(env *Env) fyne.CanvasObject {
	title := heading(lang.X("diagnostic.title", "Diagnostic du cabinet"))
	d := env.diag
	if d == nil || d.cat == nil {
		return container.NewBorder(title, nil, nil, nil, wrapped(lang.X("diagnostic.broken", "Le questionnaire de cette version d'Hygie ne peut pas être lu. Réinstallez Hygie.")))
	}
	if d.store == nil {
		return container.NewBorder(title, nil, nil, nil, container.NewVScroll(container.NewVBox(
			wrapped(lang.X("diagnostic.intro", "Faites le point sur la sécurité du cabinet, thème par thème, et obtenez un plan d'action.")),
			wrapped(lang.X("diagnostic.unavailable", "Le diagnostic a besoin des données d'Hygie, indisponibles pour l'instant.")+" "+dbErrorMessage(d.err)))))
	}
	return container.NewBorder(title, nil, nil, nil, newDiagnosticScreen(env).content())
}

func newDiagnosticScreen(env *Env) *diagnosticScreen {
	s := &diagnosticScreen{env: env, d: env.diag, results: container.NewVBox(), plan: container.NewVBox(),
		policyMsg: wrapped(""), policySaved: container.NewHBox()}
	s.load()
	s.quiz = newQuizView(s)
	return s
}

func (s *diagnosticScreen) content() fyne.CanvasObject {
	s.tabs = newTabs(
		container.NewTabItem(lang.X("diagnostic.tab.results", "Résultats"), container.NewVScroll(s.results)),
		container.NewTabItem(lang.X("diagnostic.tab.quiz", "Questionnaire"), s.quiz.content()),
		container.NewTabItem(lang.X("diagnostic.tab.plan", "Plan d'action"), container.NewVScroll(s.plan)),
	)
	s.refreshResults()
	s.refreshPlan()
	if !s.ok {
		s.tabs.SelectIndex(diagTabQuiz)
	}
	return s.tabs
}

// load reads the latest assessment and the plan's marks; on failure it
// keeps what was shown and logs why.
func (s *diagnosticScreen) load() {
	a, ok, err := s.d.store.Latest()
	if err != nil {
		fyne.LogError("read latest assessment", err)
		return
	}
	states, err := s.d.store.PlanStates()
	if err != nil {
		fyne.LogError("read plan marks", err)
		return
	}
	s.latest, s.ok, s.states = a, ok, states
}

// probes are the computer checks' latest results, as the checklist
// recorded them: they pre-fill the questions they answer.
func (s *diagnosticScreen) probes() []probe.Result {
	var out []probe.Result
	if s.env.hygiene == nil {
		return nil
	}
	for _, r := range s.env.hygiene.rec.Probes {
		out = append(out, r)
	}
	return out
}

// saved is told that the assessment or a plan mark changed: every tab,
// the hygiene score and the status document follow.
func (s *diagnosticScreen) saved() {
	s.load()
	s.refreshResults()
	s.refreshPlan()
	if s.env.hygiene != nil {
		s.env.hygiene.changed() // the score counts the diagnostic; also updates the status document
	} else {
		updateStatus(s.env)
	}
}

// showError says in French why a change was not saved.
func (s *diagnosticScreen) showError(err error) {
	if s.env.Win == nil {
		return
	}
	showInformation(lang.X("diagnostic.err.title", "Enregistrement impossible"), diagnosticErrorMessage(err), s.env.Win)
}

// diagnosticErrorMessage explains a failed save in one French sentence.
func diagnosticErrorMessage(err error) string {
	switch {
	case errors.Is(err, store.ErrLocked):
		return lang.X("diagnostic.err.locked", "Les données sont occupées par un autre programme (peut-être la ligne de commande). Rien n'a été perdu : réessayez dans un instant.")
	case errors.Is(err, store.ErrCorrupt), errors.Is(err, store.ErrReadOnly), errors.Is(err, store.ErrTooNew):
		return dbErrorMessage(err)
	}
	return lang.X("diagnostic.err.other", "Hygie n'a pas pu enregistrer le diagnostic. Ce qui était déjà enregistré est intact : réessayez, et si cela persiste, relancez Hygie.")
}

// answerLabel is how an answer reads on screen.
func answerLabel(v diagnostic.Value) string {
	switch v {
	case diagnostic.Yes:
		return lang.X("diagnostic.answer.yes", "Oui")
	case diagnostic.Partial:
		return lang.X("diagnostic.answer.partial", "En partie")
	case diagnostic.No:
		return lang.X("diagnostic.answer.no", "Non")
	case diagnostic.Unknown:
		return lang.X("diagnostic.answer.unknown", "Je ne sais pas")
	case diagnostic.NA:
		return lang.X("diagnostic.answer.na", "Non applicable")
	}
	return ""
}

// answerValues are the five answers in the order offered.
var answerValues = []diagnostic.Value{diagnostic.Yes, diagnostic.Partial, diagnostic.No, diagnostic.Unknown, diagnostic.NA}

// levelName is a maturity level's name.
func levelName(l diagnostic.Level) string {
	switch l {
	case diagnostic.ToBuild:
		return lang.X("diagnostic.level.1", "À construire")
	case diagnostic.Progress:
		return lang.X("diagnostic.level.2", "En progrès")
	case diagnostic.Solid:
		return lang.X("diagnostic.level.3", "Solide")
	}
	return lang.X("diagnostic.level.4", "Exemplaire")
}

// whoText says who usually carries out a measure.
func whoText(who string) string {
	if who == diagnostic.ITProvider {
		return lang.X("diagnostic.who.it", "votre prestataire informatique")
	}
	return lang.X("diagnostic.who.you", "vous-même")
}

// effortText is a measure's rough effort.
func effortText(effort string) string {
	switch effort {
	case diagnostic.Minutes:
		return lang.X("diagnostic.effort.minutes", "quelques minutes")
	case diagnostic.Hours:
		return lang.X("diagnostic.effort.hours", "quelques heures")
	}
	return lang.X("diagnostic.effort.days", "quelques jours")
}

// guideButton opens the guide that explains a measure.
func guideButton(env *Env, label, guide string) *button {
	return newButton(label, func() { showGuide(env, guide) })
}

// diagnosticScoreNote completes the hygiene score's explanation with the
// diagnostic's share (checks/score.go).
func diagnosticScoreNote() string {
	return lang.X("diagnostic.score.note", "Une fois le diagnostic du cabinet enregistré, il compte pour 10 des 80 points de la liste : son pourcentage global, où chaque mesure marquée « Fait » dans le plan d'action compte comme remplie.")
}
