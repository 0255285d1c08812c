package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// section is one entry of the navigation: a stable key (kept in
// preferences), its title, icon and the builder of its screen.
type section struct {
	key   string
	title string
	icon  fyne.Resource
	view  func(*Env) fyne.CanvasObject
}

// sections is the navigation table, in display order.
func sections() []section {
	return []section{
		{"home", lang.X("nav.home", "Accueil"), theme.HomeIcon(), homeView},
		{"guides", lang.X("nav.guides", "Guides"), theme.FileTextIcon(), guidesView},
		{"hygiene", lang.X("nav.hygiene", "Hygiène"), theme.ConfirmIcon(), hygieneView},
		{"diagnostic", lang.X("nav.diagnostic", "Diagnostic"), theme.ListIcon(), diagnosticView},
		{"mail", lang.X("nav.mail", "Messagerie"), theme.MailComposeIcon(), mailView},
		{"training", lang.X("nav.training", "S'entraîner"), theme.QuestionIcon(), trainingView},
		{"incident", lang.X("nav.incident", "En cas d'attaque"), theme.WarningIcon(), incidentView},
		{"settings", lang.X("nav.settings", "Réglages"), theme.SettingsIcon(), settingsView},
	}
}

// navigation shows the sections as tabs on the leading edge, each a button
// Tab reaches and Enter opens (keyboard_tabs.go). A screen is built the
// first time it is shown, so start-up only pays for the dashboard.
type navigation struct {
	env      *Env
	tabs     *tabs
	sections []section
	built    []bool
	shown    int // index of the section on screen, to tell it when it is left
	// opened holds, per section key, what its screen does when a button
	// elsewhere opens it: show the tab or the step the button names.
	opened map[string][]func()
}

func newNavigation(env *Env) *navigation {
	applyHygieTheme(env.App) // visible focus, progress bars that look empty at 0
	n := &navigation{env: env, sections: sections()}
	n.built = make([]bool, len(n.sections))
	items := make([]*container.TabItem, len(n.sections))
	for i, s := range n.sections {
		items[i] = container.NewTabItemWithIcon(s.title, s.icon, container.NewStack())
	}
	n.tabs = newTabs(items...)
	n.tabs.SetTabLocation(container.TabLocationLeading)
	n.tabs.OnSelected = func(*container.TabItem) { n.selected(n.tabs.SelectedIndex()) }
	n.ensureBuilt(0)
	return n
}

// show selects the section with key, returning false when there is none.
func (n *navigation) show(key string) bool {
	for i, s := range n.sections {
		if s.key == key {
			n.tabs.SelectIndex(i)
			n.ensureBuilt(i)
			return true
		}
	}
	return false
}

func (n *navigation) selected(i int) {
	if i != n.shown {
		n.env.left(n.sections[n.shown].key)
		n.shown = i
	}
	n.ensureBuilt(i)
}

// current is the key of the selected section.
func (n *navigation) current() string {
	return n.sections[n.tabs.SelectedIndex()].key
}

func (n *navigation) ensureBuilt(i int) {
	if i < 0 || n.built[i] {
		return
	}
	n.built[i] = true
	stack := n.tabs.Items[i].Content.(*fyne.Container)
	stack.Objects = []fyne.CanvasObject{n.sections[i].view(n.env)}
	stack.Refresh()
}

// openSection brings the window forward on the section with that key.
func openSection(env *Env, key string) {
	if env.Win == nil {
		return
	}
	if env.nav != nil && env.nav.show(key) {
		for _, fn := range env.nav.opened[key] {
			fn()
		}
	}
	env.Win.Show()
	env.Win.RequestFocus()
}

// onOpened registers fn, run each time openSection brings section key
// forward (after its screen is built), e.g. to show its first tab.
func onOpened(env *Env, key string, fn func()) {
	if env.nav == nil {
		return
	}
	if env.nav.opened == nil {
		env.nav.opened = map[string][]func(){}
	}
	env.nav.opened[key] = append(env.nav.opened[key], fn)
}
