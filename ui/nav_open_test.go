package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hygie/incident"
)

func navEnv(t *testing.T) (*Env, *navigation) {
	t.Helper()
	env := newHygieneEnv(t, true)
	nav := newNavigation(env)
	env.nav = nav
	env.Win.SetContent(nav.tabs)
	env.Win.Resize(fyne.NewSize(900, 600))
	return env, nav
}

// TestOpenTodayListButton: « Ouvrir la liste du jour » on the dashboard
// opens Hygiène on « Aujourd'hui », whatever tab was left open.
func TestOpenTodayListButton(t *testing.T) {
	env, nav := navEnv(t)
	nav.show("hygiene")
	sub := firstUnder(nav.tabs.Selected().Content, func(o fyne.CanvasObject) bool { _, ok := o.(*container.AppTabs); return ok }).(*container.AppTabs)
	sub.SelectIndex(3)
	nav.show("home")
	tapButton(t, nav.tabs.Items[0].Content, "Ouvrir la liste du jour")
	if nav.current() != "hygiene" || sub.SelectedIndex() != 0 {
		t.Errorf("after the button: section %s, tab %d, want hygiene on tab 0 (Aujourd'hui)", nav.current(), sub.SelectedIndex())
	}
	_ = env
}

// TestIncidentOpensAtStepOne: opened from another screen (the mail's
// « Déjà cliqué… ? »), the incident screen is at its top with step 1 focused.
func TestIncidentOpensAtStepOne(t *testing.T) {
	env, nav := navEnv(t)
	nav.show("incident")
	scroll := firstUnder(nav.tabs.Selected().Content, func(o fyne.CanvasObject) bool { _, ok := o.(*container.Scroll); return ok }).(*container.Scroll)
	scroll.ScrollToBottom()
	nav.show("mail")
	openSection(env, "incident")
	if nav.current() != "incident" {
		t.Fatalf("section %s, want incident", nav.current())
	}
	if scroll.Offset.Y != 0 {
		t.Errorf("incident screen scrolled to %v, want the top", scroll.Offset)
	}
	c, ok := env.Win.Canvas().Focused().(*widget.Check)
	if !ok || c.Text == "" || c.Text[:2] != "1." {
		t.Errorf("focused %v, want step 1 (%s)", env.Win.Canvas().Focused(), incident.Steps[0].ID)
	}
}
