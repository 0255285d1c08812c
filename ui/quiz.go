package ui

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hygie/i18n"
	"hygie/mail"
	"hygie/training"
)

// quizPage is one session of the quiz: a message at a time, the answer,
// what the engine found on it, and the score at the end.
type quizPage struct {
	s       *trainingScreen
	session *training.Session
	// an is the analyzer « Vérifier un message » uses, so the findings
	// shown are the engine's own.
	an    *mail.Analyzer
	i     int             // the message on screen
	clues map[string]bool // the clues ticked for it
}

// startQuiz begins a session: the missed messages come back, in a new
// order.
func (s *trainingScreen) startQuiz() {
	missed := s.missed
	if s.history != nil {
		m, err := s.history.Missed()
		if err != nil {
			fyne.LogError("read missed quiz samples", err)
		} else {
			missed = m
		}
	}
	q := &quizPage{s: s, session: training.NewSession(training.Samples(), missed, s.rng),
		an: mail.NewAnalyzer(mail.Options{Lang: currentLang})}
	q.showQuestion()
}

func (q *quizPage) sample() training.Sample { return q.session.Samples[q.i] }

// progress reads « Message 2 sur 5 ».
func (q *quizPage) progress() *widget.Label {
	return mailLabel(lang.X("training.quiz.progress", "Message {{.N}} sur {{.Total}}",
		map[string]any{"N": q.i + 1, "Total": len(q.session.Samples)}), fyne.TextStyle{Bold: true}, widget.HighImportance)
}

// showQuestion shows the message, the clues to tick and the two answers.
func (q *quizPage) showQuestion() {
	q.clues = map[string]bool{}
	msg := q.message(nil)
	legit := newButtonWithIcon(lang.X("training.quiz.legit", "C'est légitime"), theme.ConfirmIcon(), func() { q.onAnswer(training.Legitimate) })
	trap := newButtonWithIcon(lang.X("training.quiz.trap", "C'est un piège"), theme.WarningIcon(), func() { q.onAnswer(training.Trap) })
	legit.Importance, trap.Importance = widget.HighImportance, widget.HighImportance
	ask := mailLabel(lang.X("training.quiz.ask", "Ce message est-il légitime, ou est-ce un piège ?"), fyne.TextStyle{Bold: true}, widget.MediumImportance)
	stop := newButtonWithIcon(lang.X("training.quiz.stop", "Arrêter la séance"), theme.CancelIcon(), q.s.showHome)
	stop.Importance = widget.LowImportance
	q.s.show(container.NewVBox(q.progress(), msg, ask, q.clueBox(), container.NewGridWithColumns(2, legit, trap), container.NewHBox(stop)))
}

// message is the sample on screen, marked with marks once answered; a
// sample that cannot be read says so instead (it never happens with the
// messages shipped, which a test reads).
func (q *quizPage) message(marks *sampleMarks) fyne.CanvasObject {
	m, err := readSample(q.sample())
	if err != nil {
		fyne.LogError("quiz sample", err)
		return mailLabel(lang.X("training.msg.unreadable", "Ce message d'entraînement n'a pas pu être affiché. Répondez au suivant."), fyne.TextStyle{}, widget.WarningImportance)
	}
	return m.view(marks)
}

// clueBox lets the user say what gave the trap away; optional, folded.
func (q *quizPage) clueBox() fyne.CanvasObject {
	box := container.NewVBox()
	for _, c := range training.Clues() {
		id := c.ID
		check := widget.NewCheck("", func(on bool) { q.clues[id] = on })
		label := newToggleLabel(c.Label.In(currentLang), check)
		label.TextStyle.Bold = false
		box.Add(container.NewBorder(nil, nil, check, nil, label))
	}
	acc := newDisclosure(lang.X("training.quiz.clues", "Si c'est un piège : ce qui vous a alerté (facultatif)"), box)
	return acc
}

// onAnswer records the answer and shows the feedback.
func (q *quizPage) onAnswer(a training.Answer) {
	smp := q.sample()
	correct, _ := q.session.Answer(smp.ID, a)
	// A sample is a few hundred bytes of our own: its analysis takes about
	// a millisecond, so it runs here rather than on a goroutine of its own.
	rep, err := smp.Analyze(q.an)
	if err != nil {
		fyne.LogError("analyse quiz sample", err)
	}
	var marks *sampleMarks
	if err == nil {
		marks = marksOf(rep)
	}
	next := newButtonWithIcon(lang.X("training.quiz.next", "Message suivant"), theme.NavigateNextIcon(), q.onNext)
	if q.i == len(q.session.Samples)-1 {
		next.SetText(lang.X("training.quiz.finish", "Voir le score"))
	}
	next.Importance = widget.HighImportance
	lesson := wrapped(smp.Lesson.In(currentLang))
	box := container.NewVBox(q.progress(), verdictLine(smp.Answer, correct), lesson, container.NewHBox(next), q.message(marks))
	if err == nil {
		box.Add(q.findingsCard(smp, rep))
	} else {
		box.Add(mailLabel(lang.X("training.quiz.noanalysis", "L'analyse d'Hygie n'a pas pu être faite sur ce message."), fyne.TextStyle{Italic: true}, widget.WarningImportance))
	}
	box.Add(q.cluesFeedback(smp))
	q.s.show(box)
}

// verdictLine says in words whether the answer was right, and what the
// message is; the colour only repeats it.
func verdictLine(truth training.Answer, correct bool) fyne.CanvasObject {
	var text string
	switch {
	case correct && truth == training.Trap:
		text = lang.X("training.quiz.right.trap", "Bonne réponse : c'est un piège.")
	case correct:
		text = lang.X("training.quiz.right.legit", "Bonne réponse : ce message est légitime.")
	case truth == training.Trap:
		text = lang.X("training.quiz.wrong.trap", "Raté : c'était un piège.")
	default:
		text = lang.X("training.quiz.wrong.legit", "Raté : ce message était légitime.")
	}
	imp, icon := widget.SuccessImportance, theme.ConfirmIcon()
	if !correct {
		imp, icon = widget.DangerImportance, theme.CancelIcon()
	}
	l := mailLabel(text, fyne.TextStyle{Bold: true}, imp)
	l.SizeName = theme.SizeNameSubHeadingText
	return container.NewBorder(nil, nil, widget.NewIcon(icon), nil, l)
}

// cluesFeedback lists the signs of the sample (warnings for a trap,
// reassurances for an honest one), saying which the user had ticked.
func (q *quizPage) cluesFeedback(smp training.Sample) fyne.CanvasObject {
	title := lang.X("training.quiz.signs.trap", "Les signes d'alerte de ce message")
	if smp.Answer == training.Legitimate {
		title = lang.X("training.quiz.signs.legit", "Ce qui rassure dans ce message")
	}
	box := container.NewVBox()
	for _, id := range smp.Clues {
		c, ok := training.ClueByID(id)
		if !ok {
			continue
		}
		text := "• " + c.Label.In(currentLang)
		if q.clues[id] {
			text += " " + lang.X("training.quiz.seen", "(vous l'aviez repéré)")
		}
		box.Add(mailLabel(text, fyne.TextStyle{Bold: q.clues[id]}, widget.MediumImportance))
	}
	var extra []string
	for _, c := range training.Clues() {
		if q.clues[c.ID] && !slices.Contains(smp.Clues, c.ID) {
			extra = append(extra, c.Label.In(currentLang))
		}
	}
	if len(extra) > 0 {
		box.Add(wrapped(lang.X("training.quiz.notclue", "Coché aussi, mais pas en cause ici : {{.Clues}}.", map[string]any{"Clues": strings.Join(extra, " ; ")})))
	}
	return widget.NewCard(title, "", box)
}

// findingsCard is what the mail engine says of the sample: its verdict
// and each finding, with the evidence as the message wrote it.
func (q *quizPage) findingsCard(smp training.Sample, r mail.Report) fyne.CanvasObject {
	box := container.NewVBox(
		mailLabel(mailVerdictText(r.Verdict)+" — "+strconv.Itoa(mailScore(r.Verdict, r.Score))+"/100", fyne.TextStyle{Bold: true}, mailVerdictImportance(r.Verdict)))
	if smp.Answer == training.Legitimate && r.Verdict != mail.Safe {
		box.Add(wrapped(lang.X("training.quiz.enginecautious", "Hygie demande ici un coup d'œil de plus : son analyse ne connaît pas vos habitudes, c'est à vous de trancher, en vérifiant par un autre moyen si besoin.")))
	}
	if len(r.Findings) == 0 {
		box.Add(wrapped(lang.X("mail.detail.nofinding", "Aucun signal d'alerte relevé dans ce message.")))
	}
	m, _ := readSample(smp)
	for _, f := range r.Findings {
		f = f.Localized(currentLang)
		box.Add(widget.NewSeparator())
		box.Add(mailLabel(f.Title, fyne.TextStyle{Bold: true}, widget.MediumImportance))
		box.Add(wrapped(f.Explanation))
		// The authentication's evidence is a header's technical reply:
		// its title and explanation say it in words.
		if f.Evidence != "" && !strings.HasPrefix(f.ID, "auth_") {
			ev := evidenceLabel(restoreQuotes(f.Evidence, m.subject, m.body))
			ev.Wrapping = fyne.TextWrapBreak
			box.Add(ev)
		}
	}
	return widget.NewCard(lang.X("training.quiz.engine", "Ce qu'Hygie a repéré"), "", box)
}

func (q *quizPage) onNext() {
	if q.i < len(q.session.Samples)-1 {
		q.i++
		q.showQuestion()
		return
	}
	q.showEnd()
}

// showEnd shows the score, keeps it, and lists what was missed.
func (q *quizPage) showEnd() {
	res := q.session.Result()
	n, total := res.Score(), len(q.session.Samples)
	score := mailLabel(plural("training.quiz.score", n, "{{.N}} bonne réponse sur {{.Total}}", "{{.N}} bonnes réponses sur {{.Total}}",
		map[string]any{"N": n, "Total": total}), fyne.TextStyle{Bold: true}, widget.HighImportance)
	score.SizeName = theme.SizeNameSubHeadingText
	box := container.NewVBox(mailLabel(lang.X("training.quiz.done", "Séance terminée"), fyne.TextStyle{Bold: true}, widget.MediumImportance), score, q.save(res))
	q.s.missed = q.s.missed[:0]
	var missed []fyne.CanvasObject
	for _, smp := range q.session.Samples {
		if res.Correct[smp.ID] {
			continue
		}
		q.s.missed = append(q.s.missed, smp.ID)
		m, _ := readSample(smp)
		missed = append(missed, widget.NewSeparator(),
			mailLabel(m.subject, fyne.TextStyle{Bold: true}, widget.MediumImportance),
			mailLabel(whatItWas(smp.Answer), fyne.TextStyle{}, widget.MediumImportance),
			wrapped(smp.Lesson.In(currentLang)))
	}
	if len(missed) > 0 {
		missed = append(missed, widget.NewSeparator(), wrapped(lang.X("training.quiz.comeback.next", "Ces messages reviendront à la prochaine séance.")))
		box.Add(widget.NewCard(lang.X("training.quiz.missed", "À revoir"), "", container.NewVBox(missed...)))
	} else {
		box.Add(wrapped(lang.X("training.quiz.perfect", "Aucune erreur : bravo. La prochaine séance vous proposera d'autres messages.")))
	}
	if h := q.historyText(); h != "" {
		box.Add(widget.NewCard(lang.X("training.quiz.history", "Vos séances"), "", wrapped(h)))
	}
	again := newButtonWithIcon(lang.X("training.quiz.again", "Recommencer"), theme.ViewRefreshIcon(), q.s.startQuiz)
	again.Importance = widget.HighImportance
	box.Add(container.NewHBox(again, q.s.backButton()))
	q.s.show(box)
}

// whatItWas names what a missed message really was.
func whatItWas(a training.Answer) string {
	if a == training.Trap {
		return lang.X("training.quiz.was.trap", "C'était un piège.")
	}
	return lang.X("training.quiz.was.legit", "Ce message était légitime.")
}

// save keeps the session's score and says so, or why it could not.
func (q *quizPage) save(res training.Result) fyne.CanvasObject {
	if q.s.history == nil {
		l := wrapped(lang.X("training.quiz.notsaved", "Ce score n'est pas enregistré car les données d'Hygie sont indisponibles (voir l'accueil)."))
		l.Importance = widget.WarningImportance
		return l
	}
	if err := q.s.history.Save(trainingNow(), res); err != nil {
		fyne.LogError("save quiz session", err)
		l := wrapped(lang.X("training.quiz.saveerr", "Ce score n'a pas pu être enregistré. Vos prochaines séances n'en dépendent pas : recommencez quand vous voulez."))
		l.Importance = widget.WarningImportance
		return l
	}
	return wrapped(lang.X("training.quiz.saved", "Score enregistré."))
}

// historyText lists the last sessions, newest first.
func (q *quizPage) historyText() string {
	if q.s.history == nil {
		return ""
	}
	scores, err := q.s.history.Scores()
	if err != nil {
		fyne.LogError("read quiz scores", err)
		return ""
	}
	var lines []string
	for i := len(scores) - 1; i >= 0 && len(lines) < 5; i-- {
		sc := scores[i]
		lines = append(lines, lang.X("training.quiz.history.line", "{{.Date}} : {{.N}} sur {{.Total}}",
			map[string]any{"Date": i18n.DateTime(sc.At.Local(), currentLang), "N": sc.Score, "Total": sc.Total}))
	}
	return strings.Join(lines, "\n")
}
