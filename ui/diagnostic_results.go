package ui

import (
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hygie/checks/diagnostic"
	"hygie/i18n"
)

// refreshResults shows the levels of the latest assessment, their chart
// and how the overall level moved between assessments.
func (s *diagnosticScreen) refreshResults() {
	redo := newButtonWithIcon(lang.X("diagnostic.results.redo", "Refaire le questionnaire"), theme.ViewRefreshIcon(), func() {
		s.quiz.restart()
		s.tabs.SelectIndex(diagTabQuiz)
	})
	policyBtn := newButtonWithIcon(lang.X("diagnostic.policy.button", "Politique de sécurité du cabinet (PDF)…"), theme.DocumentIcon(), s.onPolicy)
	if !s.ok {
		redo.SetText(lang.X("diagnostic.results.start", "Répondre au questionnaire"))
		redo.Importance = widget.HighImportance
		s.results.Objects = []fyne.CanvasObject{
			wrapped(lang.X("diagnostic.intro", "Faites le point sur la sécurité du cabinet, thème par thème, et obtenez un plan d'action.")),
			wrapped(lang.X("diagnostic.results.none", "Aucune évaluation enregistrée pour l'instant. Le questionnaire prend une vingtaine de minutes ; vous pouvez l'enregistrer en cours de route et le reprendre.")),
			container.NewHBox(redo),
		}
		s.results.Refresh()
		return
	}
	res := s.d.cat.Score(s.d.cat.WithDone(s.latest.Answers, s.states))
	when := i18n.Date(parseDay(s.latest.Day), currentLang)
	objs := []fyne.CanvasObject{
		wrapped(lang.X("diagnostic.results.when", "Évaluation du {{.When}}, en comptant les mesures marquées « faites » dans le plan d'action.", map[string]any{"When": when})),
		s.chart(res),
		wrapped(lang.X("diagnostic.results.legend", "Niveaux : À construire (moins de 40 %), En progrès (à partir de 40 %), Solide (à partir de 65 %), Exemplaire (à partir de 85 %).")),
	}
	if ev := s.evolution(); ev != nil {
		objs = append(objs, ev)
	}
	objs = append(objs, container.NewHBox(redo, policyBtn), s.policyStatus())
	s.results.Objects = objs
	s.results.Refresh()
}

// parseDay reads a stored local date; the zero time if it is malformed.
func parseDay(day string) time.Time {
	t, _ := time.ParseInLocation(time.DateOnly, day, time.Local)
	return t
}

// chart draws one horizontal bar per theme and one for the whole, each
// with its percent and its level's name written beside it, so the colour
// is never the only way to read it.
func (s *diagnosticScreen) chart(res diagnostic.Result) fyne.CanvasObject {
	type row struct {
		title   string
		percent int
		level   *diagnostic.Level
		bold    bool
	}
	rows := []row{{lang.X("diagnostic.results.overall", "Ensemble du cabinet"), res.Percent, res.Level, true}}
	for _, t := range res.Themes {
		th, _ := s.d.cat.Theme(t.Theme)
		rows = append(rows, row{th.Title.In(currentLang), t.Percent, t.Level, false})
	}
	labels := make([]*widget.Label, len(rows))
	var textW float32
	for i, r := range rows {
		labels[i] = widget.NewLabel(levelText(r.percent, r.level))
		labels[i].TextStyle.Bold = r.bold
		textW = max(textW, labels[i].MinSize().Width)
	}
	grid := container.New(layout.NewFormLayout())
	for i, r := range rows {
		title := widget.NewLabel(r.title)
		title.TextStyle.Bold = r.bold
		value := container.NewGridWrap(fyne.NewSize(textW, labels[i].MinSize().Height), labels[i])
		grid.Add(title)
		grid.Add(container.NewBorder(nil, nil, nil, value, newLevelBar(r.percent, r.level)))
	}
	return grid
}

// levelText is « 52 % · En progrès », or « pas encore évalué ».
func levelText(percent int, l *diagnostic.Level) string {
	if l == nil {
		return lang.X("diagnostic.results.unassessed", "pas encore évalué")
	}
	return lang.X("diagnostic.results.level", "{{.Percent}} % · {{.Level}}", map[string]any{"Percent": percent, "Level": levelName(*l)})
}

// levelColors run from red to green, the same in the light and dark
// themes; the text beside each bar says the same as its colour.
var levelColors = map[diagnostic.Level]color.Color{
	diagnostic.ToBuild:   color.NRGBA{R: 0xd3, G: 0x2f, B: 0x2f, A: 0xff},
	diagnostic.Progress:  color.NRGBA{R: 0xef, G: 0x8a, B: 0x00, A: 0xff},
	diagnostic.Solid:     color.NRGBA{R: 0x7c, G: 0xb3, B: 0x42, A: 0xff},
	diagnostic.Exemplary: color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff},
}

// levelColor is a level's colour; an unassessed theme has no fill.
func levelColor(l *diagnostic.Level) color.Color {
	if l == nil {
		return color.Transparent
	}
	return levelColors[*l]
}

// newLevelBar is a track with a fill as long as percent.
func newLevelBar(percent int, l *diagnostic.Level) fyne.CanvasObject {
	track := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	track.CornerRadius = 3
	fill := canvas.NewRectangle(levelColor(l))
	fill.CornerRadius = 3
	return container.New(&barLayout{ratio: float32(percent) / 100}, track, fill)
}

// barLayout places the track over the whole width and the fill over
// ratio of it, both centred vertically.
type barLayout struct{ ratio float32 }

const barHeight = 16

func (b *barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := (size.Height - barHeight) / 2
	for i, o := range objs {
		w := size.Width
		if i > 0 {
			w *= min(max(b.ratio, 0), 1)
		}
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(w, barHeight))
	}
}

func (b *barLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(60, barHeight) }

// evolution lists the overall percent of each assessment, oldest first:
// « 12 novembre 2026 : 48 % », then « 2 décembre 2026 : 61 % » on the next
// line. Nil before a second assessment.
func (s *diagnosticScreen) evolution() fyne.CanvasObject {
	hist, err := s.d.store.History()
	if err != nil {
		fyne.LogError("read assessment history", err)
		return nil
	}
	if len(hist) < 2 {
		return nil
	}
	if len(hist) > 6 {
		hist = hist[len(hist)-6:]
	}
	var steps []string
	for _, a := range hist {
		res := s.d.cat.Score(a.Answers)
		steps = append(steps, lang.X("diagnostic.results.step", "{{.When}} : {{.Percent}} %",
			map[string]any{"When": i18n.Date(parseDay(a.Day), currentLang), "Percent": res.Percent}))
	}
	if now := s.d.cat.Score(s.d.cat.WithDone(s.latest.Answers, s.states)).Percent; now != s.d.cat.Score(s.latest.Answers).Percent {
		steps = append(steps, lang.X("diagnostic.results.withplan", "Aujourd'hui, avec les mesures faites : {{.Percent}} %", map[string]any{"Percent": now}))
	}
	title := widget.NewLabelWithStyle(lang.X("diagnostic.results.evolution", "Évolution entre les évaluations"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVBox(title, wrapped(strings.Join(steps, "\n")))
}
