package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hygie/checks/probe"
)

// hygieneView builds the hygiene section: today's list, the history, the
// password tester, the two-factor inventory, reminders and the report.
func hygieneView(env *Env) fyne.CanvasObject {
	m := env.hygiene
	tabs := newTabs(
		container.NewTabItem(lang.X("hygiene.tab.today", "Aujourd'hui"), newTodayScreen(m, inBackground).content()),
		container.NewTabItem(lang.X("hygiene.tab.history", "Historique"), newHistoryScreen(m).content()),
		container.NewTabItem(lang.X("hygiene.tab.password", "Mots de passe"), newPasswordScreen(env, inBackground).content()),
		container.NewTabItem(lang.X("hygiene.tab.twofa", "Double authentification"), newTwoFAScreen(m).content()),
		container.NewTabItem(lang.X("hygiene.tab.more", "Rappels et rapport"), newReminderScreen(m).content()),
	)
	// A button that opens the hygiene section (« Ouvrir la liste du jour »,
	// the tray menu) means today's list, whatever tab was left open.
	onOpened(env, "hygiene", func() { tabs.SelectIndex(0) })
	return container.NewBorder(heading(lang.X("hygiene.title", "Hygiène du cabinet")), nil, nil, nil, tabs)
}

// hygieneCard is the dashboard card: today's progress and score, then the
// automatic checks that failed, each with the guide that fixes it.
func hygieneCard(env *Env) fyne.CanvasObject {
	m := env.hygiene
	box := container.NewVBox()
	refresh := func() {
		box.Objects = cardContent(m)
		box.Refresh()
	}
	refresh()
	m.onChange(refresh)
	return widget.NewCard(lang.X("hygiene.card.title", "Hygiène du jour"), "", box)
}

func cardContent(m *hygieneModel) []fyne.CanvasObject {
	today := m.today()
	var objs []fyne.CanvasObject
	for _, s := range m.rec.Failures(today) {
		objs = append(objs, failureRow(m.env, s.Item.Title(currentLang), s.Probe, s.Item.Guide))
	}
	p := m.rec.ProgressOn(today)
	bar := newMeter()
	bar.SetValue(p.Fraction())
	bar.TextFormatter = func() string { return progressText(p.Done, p.Applicable) }
	score := widget.NewLabel(scoreText(m.rec.Score(today).Total))
	open := newButton(lang.X("hygiene.card.open", "Ouvrir la liste du jour"), func() { openHygiene(m.env) })
	objs = append(objs, bar, score, open)
	if m.readOnly() {
		note := wrapped(hygieneReadOnlyMessage())
		objs = append(objs, note)
	}
	return objs
}

// failureRow shows one failed automatic check: what it means in a plain
// sentence, the command behind it under « Détails », and the button to
// the guide that explains the fix.
func failureRow(env *Env, title string, res probe.Result, fallback string) fyne.CanvasObject {
	guide := res.Remedy
	if guide == "" {
		guide = fallback
	}
	msg := wrapped(lang.X("hygiene.failed", "À corriger : {{.Title}}", map[string]any{"Title": title}))
	msg.Importance = widget.DangerImportance
	seen := wrapped(res.Text(currentLang))
	text := container.NewVBox(msg, seen)
	if d := probeDetails(res.Details); d != nil {
		text.Add(d)
	}
	how := newButton(lang.X("hygiene.howto.fix", "Comment corriger"), func() { showGuide(env, guide) })
	return container.NewBorder(nil, nil, nil, container.NewVBox(how), text)
}

func progressText(done, total int) string {
	return lang.X("hygiene.progress", "{{.Done}} sur {{.Total}} à jour aujourd'hui", map[string]any{"Done": done, "Total": total})
}

func scoreText(score int) string {
	return lang.X("hygiene.score", "Score d'hygiène : {{.Score}} / 100", map[string]any{"Score": score})
}

// openHygiene brings the window forward on the hygiene section.
func openHygiene(env *Env) { openSection(env, "hygiene") }
