package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hygie/checks"
)

// historyScreen shows the last 90 days as a heat-map (one square a day, a
// column a week) with the streak of complete days.
type historyScreen struct {
	m       *hygieneModel
	streak  *widget.Label
	summary *widget.Label
	grid    *fyne.Container
	cells   []*canvas.Rectangle
}

const cellSize = 16

func newHistoryScreen(m *hygieneModel) *historyScreen {
	s := &historyScreen{m: m, streak: widget.NewLabel(""), summary: wrapped("")}
	s.streak.TextStyle.Bold = true
	// 7 rows, filled column by column: the grid lays out row by row, so
	// cells are placed at index row*cols+col.
	cols := (checks.HistoryDays + 6) / 7
	objs := make([]fyne.CanvasObject, 7*cols)
	s.cells = make([]*canvas.Rectangle, checks.HistoryDays)
	for i := range objs {
		objs[i] = canvas.NewRectangle(color.Transparent)
	}
	for d := 0; d < checks.HistoryDays; d++ {
		r := canvas.NewRectangle(emptyDay)
		r.SetMinSize(fyne.NewSquareSize(cellSize))
		r.CornerRadius = 2
		s.cells[d] = r
		objs[(d%7)*cols+d/7] = r
	}
	s.grid = container.NewGridWithColumns(cols, objs...)
	m.onChange(s.refresh)
	return s
}

var (
	emptyDay = color.NRGBA{R: 200, G: 200, B: 200, A: 255}
	fullDay  = color.NRGBA{R: 30, G: 140, B: 60, A: 255}
)

// dayColour goes from pale to full green with the day's completion.
func dayColour(f float64) color.Color {
	if f <= 0 {
		return emptyDay
	}
	mix := func(a, b uint8) uint8 { return uint8(float64(a) + (float64(b)-float64(a))*(0.25+0.75*f)) }
	pale := color.NRGBA{R: 220, G: 240, B: 220, A: 255}
	return color.NRGBA{R: mix(pale.R, fullDay.R), G: mix(pale.G, fullDay.G), B: mix(pale.B, fullDay.B), A: 255}
}

func (s *historyScreen) content() fyne.CanvasObject {
	s.refresh()
	legend := wrapped(lang.X("hygiene.history.legend", "Chaque carré est un jour, du plus ancien (en haut à gauche) à aujourd'hui (dernière colonne). Plus il est vert, plus la liste était complète ce jour-là."))
	return container.NewVScroll(container.NewVBox(s.streak, s.summary, container.NewHBox(s.grid), legend))
}

func (s *historyScreen) refresh() {
	today := s.m.today()
	hist := s.m.rec.History(today, checks.HistoryDays)
	complete := 0
	for i, d := range hist {
		if d.Complete() {
			complete++
		}
		s.cells[i].FillColor = dayColour(d.Fraction())
		s.cells[i].Refresh()
	}
	streak := s.m.rec.Streak(today)
	s.streak.SetText(plural("hygiene.history.streak", streak, "Série en cours : {{.N}} jour complet", "Série en cours : {{.N}} jours complets d'affilée", map[string]any{"N": streak}))
	s.summary.SetText(plural("hygiene.history.summary", complete,
		"{{.Complete}} jour complet sur les {{.Days}} derniers jours. Un jour est complet quand tous les gestes applicables sont à jour.",
		"{{.Complete}} jours complets sur les {{.Days}} derniers jours. Un jour est complet quand tous les gestes applicables sont à jour.",
		map[string]any{"Complete": complete, "Days": checks.HistoryDays}))
}
