package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
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
	sub := findObject(nav.tabs.Selected().Content, func(o fyne.CanvasObject) bool { _, ok := o.(*tabs); return ok }).(*tabs)
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
	scroll := findObject(nav.tabs.Selected().Content, func(o fyne.CanvasObject) bool { _, ok := o.(*container.Scroll); return ok }).(*container.Scroll)
	scroll.ScrollToBottom()
	nav.show("mail")
	openSection(env, "incident")
	if nav.current() != "incident" {
		t.Fatalf("section %s, want incident", nav.current())
	}
	if scroll.Offset.Y != 0 {
		t.Errorf("incident screen scrolled to %v, want the top", scroll.Offset)
	}
	first := findObject(nav.tabs.Selected().Content, func(o fyne.CanvasObject) bool { _, ok := o.(*widget.Check); return ok })
	c, ok := env.Win.Canvas().Focused().(*widget.Check)
	if !ok || c != first {
		t.Errorf("focused %v, want step 1 (%s)", env.Win.Canvas().Focused(), incident.Steps()[0].ID)
	}
}

// dialogTexts is every label and rich text shown in a dialog's overlay.
func dialogTexts(o fyne.CanvasObject) string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			out = append(out, v.Text)
		case *widget.RichText:
			out = append(out, v.String())
		case *widget.Button:
			out = append(out, v.Text)
		case *button:
			out = append(out, v.Text)
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
			return
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return strings.Join(out, " | ")
}

// tapDialogButton taps the button with text in a dialog's overlay.
func tapDialogButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	b, _ := asButton(findObject(o, func(x fyne.CanvasObject) bool { b, ok := asButton(x); return ok && b.Text == text }))
	if b == nil {
		t.Fatalf("no button %q in the dialog: %s", text, dialogTexts(o))
	}
	test.Tap(b)
}
