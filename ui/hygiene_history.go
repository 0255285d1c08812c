package ui

import (
	"image/color"
	"sort"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hygie/checks"
	"hygie/i18n"
)

// historyScreen shows the last 90 days as a heat-map (one square a day, a
// column a week) with the streak of complete days.
type historyScreen struct {
	m       *hygieneModel
	streak  *widget.Label
	summary *widget.Label
	grid    *fyne.Container
	days    *fyne.Container // Monday, Wednesday, Friday beside their rows
	months  *fyne.Container // each month's name above its first week
	cells   []*canvas.Rectangle
}

const cellSize = 16

func newHistoryScreen(m *hygieneModel) *historyScreen {
	s := &historyScreen{m: m, streak: widget.NewLabel(""), summary: wrapped("")}
	s.streak.TextStyle.Bold = true
	// 7 rows, Monday to Sunday, a column a week: the grid lays out row by
	// row, so the day at position p (from the Monday of the first week)
	// goes at index row*cols+col.
	first, _ := time.Parse(checks.DayLayout, checks.AddDays(m.today(), -(checks.HistoryDays-1)))
	offset := (int(first.Weekday()) + 6) % 7 // Monday = 0
	cols := (checks.HistoryDays + offset + 6) / 7
	objs := make([]fyne.CanvasObject, 7*cols)
	s.cells = make([]*canvas.Rectangle, checks.HistoryDays)
	for i := range objs {
		blank := canvas.NewRectangle(color.Transparent)
		blank.SetMinSize(fyne.NewSquareSize(cellSize))
		objs[i] = blank
	}
	months := map[int]string{}
	for d := 0; d < checks.HistoryDays; d++ {
		r := canvas.NewRectangle(emptyDay)
		r.SetMinSize(fyne.NewSquareSize(cellSize))
		r.CornerRadius = 2
		s.cells[d] = r
		p := d + offset
		objs[(p%7)*cols+p/7] = r
		if day := first.AddDate(0, 0, d); day.Day() == 1 || d == 0 {
			months[p/7] = i18n.MonthName(day.Month(), currentLang)
		}
	}
	s.grid = container.NewGridWithColumns(cols, objs...)
	s.days = weekdayLabels()
	s.months = monthRow(cols, months)
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

// heatMap is the grid with the week days on its left and the months above.
func (s *historyScreen) heatMap() fyne.CanvasObject {
	corner := canvas.NewRectangle(color.Transparent)
	corner.SetMinSize(fyne.NewSize(0, s.months.MinSize().Height))
	return container.NewHBox(container.NewBorder(corner, nil, nil, nil, s.days), container.NewVBox(s.months, s.grid))
}

func (s *historyScreen) content() fyne.CanvasObject {
	s.refresh()
	legend := wrapped(lang.X("hygiene.history.legend", "Chaque carré est un jour : une colonne par semaine, du lundi en haut au dimanche en bas, du plus ancien (à gauche) à aujourd'hui (dernière colonne). Plus il est vert, plus la liste était complète ce jour-là."))
	return container.NewVScroll(container.NewVBox(s.streak, s.summary, s.heatMap(), legend))
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

// weekdayLabels name Monday, Wednesday and Friday, one row each of seven.
func weekdayLabels() *fyne.Container {
	names := []string{lang.X("hygiene.history.mon", "lun."), "", lang.X("hygiene.history.wed", "mer."), "", lang.X("hygiene.history.fri", "ven."), "", ""}
	objs := make([]fyne.CanvasObject, len(names))
	for i, n := range names {
		t := canvas.NewText(n, theme.Color(theme.ColorNameForeground))
		t.TextSize = theme.CaptionTextSize()
		objs[i] = t
	}
	return container.NewGridWithColumns(1, objs...)
}

// monthRow puts each month's name above the column of the heat-map where
// it starts.
func monthRow(cols int, months map[int]string) *fyne.Container {
	l := &monthLayout{cols: cols}
	for c := range months {
		l.at = append(l.at, c)
	}
	sort.Ints(l.at)
	objs := make([]fyne.CanvasObject, 0, len(l.at))
	for _, c := range l.at {
		t := canvas.NewText(months[c], theme.Color(theme.ColorNameForeground))
		t.TextSize = theme.CaptionTextSize()
		objs = append(objs, t)
	}
	return container.New(l, objs...)
}

// monthLayout places its i-th object above column at[i] of the heat-map,
// whose columns are cellSize wide with the theme's padding between them.
type monthLayout struct {
	cols int
	at   []int
}

func (l *monthLayout) Layout(objs []fyne.CanvasObject, _ fyne.Size) {
	pitch := float32(cellSize) + theme.Padding()
	for i, o := range objs {
		if i < len(l.at) {
			o.Move(fyne.NewPos(float32(l.at[i])*pitch, 0))
			o.Resize(o.MinSize())
		}
	}
}

func (l *monthLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(l.cols)*cellSize+float32(l.cols-1)*theme.Padding(), h)
}
