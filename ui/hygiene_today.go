package ui

import (
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hygie/checks"
	"hygie/checks/probe"
	"hygie/i18n"
)

// todayScreen is the checklist of the day: progress, score, the automatic
// checks and every item grouped by status, failures first.
type todayScreen struct {
	m      *hygieneModel
	bar    *meter
	score  *widget.Label
	items  *fyne.Container
	probes *probeRunner
	checks map[string]*widget.Check // item id → its check box
	// placed is each item's group when the screen was shown: a ticked item
	// stays where it was, under the pointer, until the screen is left.
	placed map[string]checks.Status
}

// newTodayScreen builds the list; background runs the computer's checks
// off the UI goroutine.
func newTodayScreen(m *hygieneModel, background func(func())) *todayScreen {
	s := &todayScreen{m: m, bar: newMeter(), score: widget.NewLabel(""), items: container.NewVBox()}
	s.probes = newProbeRunner(m, background)
	s.probes.finished = func() { s.placed = nil } // results regroup the list
	m.onChange(s.refresh)
	m.env.onLeave("hygiene", s.replace)
	return s
}

// replace lets the items move to their group the next time the list shows.
func (s *todayScreen) replace() {
	s.placed = nil
	s.refresh()
}

func (s *todayScreen) content() fyne.CanvasObject {
	top := container.NewVBox(s.bar, s.score)
	if s.m.readOnly() {
		note := wrapped(hygieneReadOnlyMessage())
		note.Importance = widget.WarningImportance
		top.Add(note)
	}
	top.Add(s.probes.content())
	s.refresh()
	return border(top, nil, nil, nil, container.NewVScroll(s.items))
}

// refresh rebuilds the list from the records: there are about twenty
// items, so rebuilding is simpler than tracking each row.
func (s *todayScreen) refresh() {
	today := s.m.today()
	p := s.m.rec.ProgressOn(today)
	s.bar.TextFormatter = func() string { return progressText(p.Done, p.Applicable) }
	s.bar.SetValue(p.Fraction())
	s.score.SetText(scoreText(s.m.rec.Score(today).Total) + " — " + lang.X("hygiene.score.how", "calcul expliqué dans « Rappels et rapport »"))
	states := make([]checks.State, 0, len(checks.Catalogue()))
	for _, it := range checks.Catalogue() {
		states = append(states, s.m.rec.State(it, today))
	}
	if s.placed == nil {
		s.placed = map[string]checks.Status{}
		for _, st := range states {
			s.placed[st.Item.ID] = st.Status
		}
	}
	group := func(st checks.State) checks.Status {
		if g, ok := s.placed[st.Item.ID]; ok {
			return g
		}
		return st.Status
	}
	sort.SliceStable(states, func(i, j int) bool { return group(states[i]) < group(states[j]) })
	var objs []fyne.CanvasObject
	s.checks = map[string]*widget.Check{}
	last := checks.Status(-1)
	for _, st := range states {
		if g := group(st); g != last {
			objs = append(objs, groupHeading(g))
			last = g
		}
		objs = append(objs, s.row(st))
	}
	s.items.Objects = objs
	s.items.Refresh()
}

func groupHeading(st checks.Status) fyne.CanvasObject {
	text := map[checks.Status]string{
		checks.Failed:              lang.X("hygiene.group.failed", "À corriger (vérification automatique)"),
		checks.Due:                 lang.X("hygiene.group.due", "À faire"),
		checks.Done:                lang.X("hygiene.group.done", "À jour"),
		checks.NotApplicableStatus: lang.X("hygiene.group.na", "Non applicable au cabinet"),
	}[st]
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVBox(widget.NewSeparator(), l)
}

// row is one item: its check box, why it matters and its state, the guide
// and the not-applicable switch.
func (s *todayScreen) row(st checks.State) fyne.CanvasObject {
	lng := currentLang
	// The title wraps beside its box: a check's own text never wraps and
	// forced the window wider than 900 px.
	check := widget.NewCheck("", nil)
	check.SetChecked(st.Status == checks.Done)
	check.OnChanged = func(on bool) { s.onCheck(st, on) }
	if s.m.readOnly() || st.Status == checks.NotApplicableStatus || st.FromInventory() {
		check.Disable()
	}
	s.checks[st.Item.ID] = check
	title := newToggleLabel(st.Item.Title(lng), check)
	text := st.Item.Why(lng)
	if line := stateLine(st); line != "" {
		text += "\n" + line
	}
	detail := wrapped(text)
	detail.Importance = map[checks.Status]widget.Importance{checks.Failed: widget.DangerImportance, checks.Done: widget.SuccessImportance}[st.Status]
	guide := st.Item.Guide
	if st.Status == checks.Failed && st.Probe.Remedy != "" {
		guide = st.Probe.Remedy
	}
	label := lang.X("hygiene.howto", "Comment faire")
	if st.Status == checks.Failed {
		label = lang.X("hygiene.howto.fix", "Comment corriger")
	}
	how := newButton(label, func() { showGuide(s.m.env, guide) })
	na := s.naButton(st)
	buttons := container.NewVBox(container.NewHBox(how, na)) // top-aligned, not stretched to the row
	body := container.NewVBox(container.NewBorder(nil, nil, container.NewVBox(check), nil, title), detail)
	if d := probeDetails(stateDetails(st)); d != nil {
		body.Add(d)
	}
	return container.NewBorder(nil, nil, nil, buttons, body)
}

func (s *todayScreen) naButton(st checks.State) *button {
	if st.Status == checks.NotApplicableStatus {
		b := newButton(lang.X("hygiene.na.clear", "Réintégrer"), func() {
			s.m.do("clear not applicable", func(l *checks.Checklist) error { return l.ClearNotApplicable(st.Item.ID) })
		})
		if s.m.readOnly() {
			b.Disable()
		}
		return b
	}
	b := newButton(lang.X("hygiene.na", "Non applicable"), func() { s.askNotApplicable(st.Item) })
	if s.m.readOnly() {
		b.Disable()
	}
	return b
}

func (s *todayScreen) onCheck(st checks.State, on bool) {
	now := hygieneNow()
	if on {
		s.m.do("tick "+st.Item.ID, func(l *checks.Checklist) error { return l.Tick(st.Item.ID, now) })
		return
	}
	var removed bool
	s.m.do("untick "+st.Item.ID, func(l *checks.Checklist) error {
		var err error
		removed, err = l.Untick(st.Item.ID, now)
		return err
	})
	if !removed && st.Ticked() && st.Last.Day != checks.DayOf(now) && s.m.env.Win != nil {
		showInformation(lang.X("hygiene.untick.title", "Déjà fait"), lang.X("hygiene.untick.earlier",
			"Cet élément a été fait le {{.Day}} et reste à jour pour sa période ; seule une coche du jour peut être retirée.",
			map[string]any{"Day": frenchDay(st.Last.Day)}), s.m.env.Win)
	}
}

// askNotApplicable asks why the item does not concern the practice: the
// reason is kept and printed in the report.
func (s *todayScreen) askNotApplicable(it checks.Item) {
	if s.m.env.Win == nil {
		return
	}
	reason := newField()
	reason.Validator = func(v string) error {
		if len(v) == 0 {
			return checks.ErrInvalid
		}
		return nil
	}
	item := wrapped(it.Title(currentLang))
	item.TextStyle.Bold = true
	example := wrapped(lang.X("hygiene.na.example", "Par exemple : le cabinet n'a pas de compte Doctolib."))
	example.Importance = widget.LowImportance
	items := []*widget.FormItem{
		widget.NewFormItem(lang.X("hygiene.na.item", "Geste"), item),
		widget.NewFormItem(lang.X("hygiene.na.reason", "Raison"), reason),
		widget.NewFormItem("", example),
	}
	d := newFormDialog(lang.X("hygiene.na.title", "Non applicable au cabinet"), lang.X("hygiene.na.ok", "Enregistrer"),
		lang.X("hygiene.cancel", "Annuler"), items, func(ok bool) {
			if ok {
				s.m.do("mark not applicable", func(l *checks.Checklist) error {
					return l.SetNotApplicable(it.ID, reason.Text, hygieneNow())
				})
			}
		}, s.m.env.Win)
	d.Resize(fyne.NewSize(560, d.MinSize().Height))
	d.Show()
}

// stateLine says where the item stands, with what an automatic check saw.
func stateLine(st checks.State) string {
	if st.FromInventory() && st.Status != checks.NotApplicableStatus {
		var off []string
		for _, a := range st.Accounts {
			if !a.Enabled {
				off = append(off, a.Name)
			}
		}
		if len(off) == 0 {
			return lang.X("hygiene.state.twofa.on", "Activée d'après l'inventaire de l'onglet « Double authentification ».")
		}
		return lang.X("hygiene.state.twofa.off", "D'après l'onglet « Double authentification », à activer sur : {{.Names}}.", map[string]any{"Names": strings.Join(off, ", ")})
	}
	switch st.Status {
	case checks.NotApplicableStatus:
		return lang.X("hygiene.state.na", "Non applicable : {{.Reason}}", map[string]any{"Reason": st.NA.Reason})
	case checks.Failed:
		return lang.X("hygiene.state.failed", "Vérification automatique en échec le {{.Day}} : {{.Evidence}}",
			map[string]any{"Day": frenchDay(checks.DayOf(st.Probe.At.Local())), "Evidence": st.Probe.Text(currentLang)})
	case checks.Done:
		if st.Last.Source == checks.Automatic && st.Probe.Status == probe.Pass {
			return lang.X("hygiene.state.auto", "Vérifié automatiquement le {{.Day}} : {{.Evidence}}",
				map[string]any{"Day": frenchDay(st.Last.Day), "Evidence": st.Probe.Text(currentLang)})
		}
		if st.Last.Source == checks.Automatic {
			return lang.X("hygiene.state.auto.plain", "Vérifié automatiquement le {{.Day}}", map[string]any{"Day": frenchDay(st.Last.Day)})
		}
		return lang.X("hygiene.state.done", "Fait le {{.Day}}", map[string]any{"Day": frenchDay(st.Last.Day)})
	}
	line := "" // the "À faire" heading says it already
	if st.Ticked() {
		line = lang.X("hygiene.state.due.last", "À faire (dernière fois le {{.Day}})", map[string]any{"Day": frenchDay(st.Last.Day)})
	}
	if st.Probe.Status == probe.Unknown {
		line = strings.TrimSpace(line + "\n" + lang.X("hygiene.state.unknown", "L'ordinateur n'a pas pu le vérifier : {{.Why}}", map[string]any{"Why": st.Probe.Text(currentLang)}))
	}
	return line
}

// stateDetails is the technical side of stateLine: what the automatic
// check behind the state ran and read.
func stateDetails(st checks.State) string {
	switch {
	case st.Status == checks.Failed, st.Status == checks.Due && st.Probe.Status == probe.Unknown:
		return st.Probe.Details
	case st.Status == checks.Done && st.Last.Source == checks.Automatic:
		return st.Last.Evidence
	}
	return ""
}

// frenchDay writes a stored day as a person would, in the screen's
// language: « 1er décembre 2026 », "1 December 2026".
func frenchDay(day string) string {
	t, err := time.Parse(checks.DayLayout, day)
	if err != nil {
		return day
	}
	return i18n.Date(t, currentLang)
}
