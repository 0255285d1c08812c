package ui

import (
	"math/rand/v2"
	"os"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hygie/i18n"
	"hygie/incident"
	"hygie/training"
)

// trainingScreen is the « S'entraîner » section: a page with the quiz and
// the crisis exercises, replaced by the page of the one under way. Nothing
// here reads the mailbox or opens a link: the quiz's messages are our own.
type trainingScreen struct {
	env     *Env
	history *training.History // the quiz's scores; nil without the database
	journal *incident.Journal // where exercises are noted; nil without the database
	rng     *rand.Rand        // the quiz's order
	// missed are the samples missed in this window's last session, used
	// when there is no history to ask.
	missed []string
	page   *fyne.Container
	scroll *container.Scroll
}

// trainingNow is the clock of the scores and exercises; tests fix it.
var trainingNow = time.Now

// trainingView builds the « S'entraîner » section.
func trainingView(env *Env) fyne.CanvasObject {
	s := newTrainingScreen(env, trainingRand())
	return container.NewBorder(heading(lang.X("training.title", "S'entraîner")), nil, nil, nil, s.content())
}

// trainingRand seeds the quiz's order from the clock, or from
// HYGIE_TRAINING_SEED (a number) for the screenshots, which need the same
// messages each time.
func trainingRand() *rand.Rand {
	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv("HYGIE_TRAINING_SEED"); v != "" {
		if n, err := strconv.ParseUint(v, 10, 64); err == nil {
			seed = n
		}
	}
	return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
}

func newTrainingScreen(env *Env, rng *rand.Rand) *trainingScreen {
	s := &trainingScreen{env: env, journal: env.journal, rng: rng}
	if env.DB != nil {
		h, err := training.OpenHistory(env.DB)
		if err != nil {
			fyne.LogError("open training history", err)
		}
		s.history = h
	}
	return s
}

func (s *trainingScreen) content() fyne.CanvasObject {
	s.page = container.NewStack()
	s.scroll = container.NewVScroll(s.page)
	s.showHome()
	return s.scroll
}

// show puts o on screen, from its top.
func (s *trainingScreen) show(o fyne.CanvasObject) {
	s.page.Objects = []fyne.CanvasObject{o}
	s.page.Refresh()
	s.scroll.ScrollToTop()
}

func (s *trainingScreen) showHome() {
	intro := wrapped(lang.X("training.intro", "Entraînez-vous à reconnaître les messages piégés et à suivre le plan d'incident du cabinet."))
	s.show(container.NewVBox(intro, s.quizCard(), s.exerciseCard()))
}

// quizCard is the way into the quiz, with the last score.
func (s *trainingScreen) quizCard() fyne.CanvasObject {
	what := wrapped(lang.X("training.quiz.what", "Cinq messages écrits pour l'entraînement, un à la fois : dites s'il est légitime ou si c'est un piège. Après chaque réponse, Hygie montre ce qu'il a repéré dans le message. Les messages ratés reviennent à la séance suivante."))
	start := newButtonWithIcon(lang.X("training.quiz.start", "Commencer"), theme.MediaPlayIcon(), s.startQuiz)
	start.Importance = widget.HighImportance
	box := container.NewVBox(what)
	for _, l := range s.quizStatus() {
		box.Add(l)
	}
	box.Add(container.NewHBox(start))
	return widget.NewCard(lang.X("training.quiz.card", "Quiz : 5 messages, 3 minutes"), "", box)
}

// quizStatus is what the card says of past sessions: the last score and
// the messages that will come back.
func (s *trainingScreen) quizStatus() []fyne.CanvasObject {
	if s.history == nil {
		l := wrapped(lang.X("training.quiz.nohistory", "Les scores ne peuvent pas être enregistrés car les données d'Hygie sont indisponibles (voir l'accueil) : le quiz reste possible."))
		l.Importance = widget.WarningImportance
		return []fyne.CanvasObject{l}
	}
	scores, err := s.history.Scores()
	if err != nil {
		fyne.LogError("read quiz scores", err)
	}
	if len(scores) == 0 {
		return []fyne.CanvasObject{wrapped(lang.X("training.quiz.never", "Pas encore de séance."))}
	}
	last := scores[len(scores)-1]
	out := []fyne.CanvasObject{mailLabel(lastScoreText(last), fyne.TextStyle{Bold: true}, widget.MediumImportance)}
	missed, err := s.history.Missed()
	if err != nil {
		fyne.LogError("read missed quiz samples", err)
	}
	if n := len(missed); n > 0 {
		out = append(out, wrapped(plural("training.quiz.comeback", n, "{{.N}} message raté reviendra dans les prochaines séances.",
			"{{.N}} messages ratés reviendront dans les prochaines séances.", map[string]any{"N": n})))
	}
	return out
}

// lastScoreText reads « Dernière séance, le 23 novembre 2026 : 4 bonnes
// réponses sur 5. »
func lastScoreText(sc training.Score) string {
	return plural("training.quiz.last", sc.Score, "Dernière séance, le {{.Date}} : {{.N}} bonne réponse sur {{.Total}}.",
		"Dernière séance, le {{.Date}} : {{.N}} bonnes réponses sur {{.Total}}.",
		map[string]any{"Date": i18n.Date(sc.At.Local(), currentLang), "N": sc.Score, "Total": sc.Total})
}

// exerciseCard is the way into the crisis exercises, one button each.
func (s *trainingScreen) exerciseCard() fyne.CanvasObject {
	box := container.NewVBox(wrapped(lang.X("training.exercise.what", "Un exercice sur table, de 15 à 20 minutes, à faire à plusieurs : une attaque arrive, vous choisissez quoi faire à chaque étape, et Hygie explique avec le plan « En cas d'attaque ». Le bilan dit ce qu'il faut préparer dès maintenant.")))
	if s.journal == nil {
		l := wrapped(lang.X("training.exercise.nojournal", "Le résultat ne pourra pas être noté dans le journal car les données d'Hygie sont indisponibles (voir l'accueil) : l'exercice reste possible."))
		l.Importance = widget.WarningImportance
		box.Add(l)
	}
	for _, sc := range training.Scenarios() {
		sc := sc
		title := mailLabel(sc.Title.In(currentLang), fyne.TextStyle{Bold: true}, widget.MediumImportance)
		intro := wrapped(sc.Intro.In(currentLang))
		intro.TextStyle.Italic = true
		btn := newButtonWithIcon(lang.X("training.exercise.start", "Commencer cet exercice"), theme.MediaPlayIcon(), func() { s.startExercise(sc) })
		box.Add(widget.NewSeparator())
		box.Add(container.NewVBox(title, intro, container.NewHBox(btn)))
	}
	return widget.NewCard(lang.X("training.exercise.card", "Exercice de crise"), "", box)
}

// backButton returns to the section's first page.
func (s *trainingScreen) backButton() *button {
	return newButtonWithIcon(lang.X("training.back", "Retour à « S'entraîner »"), theme.NavigateBackIcon(), s.showHome)
}

// wrappingButton is a button whose text wraps: an exercise's choice is a
// sentence, and a button's own text never wraps (it would force the
// window wider than 900 px). The label lies over the button, which still
// takes the taps since a label is not tappable.
func wrappingButton(text string, tapped func()) (fyne.CanvasObject, *button) {
	b := newButton("", tapped)
	return container.NewStack(b, wrapped(text)), b
}
