package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// asButton is o as a button, Fyne's (dialogs) or ours (Enter opens it).
func asButton(o fyne.CanvasObject) (*widget.Button, bool) {
	switch b := o.(type) {
	case *widget.Button:
		return b, true
	case *button:
		return &b.Button, true
	}
	return nil, false
}

func pressKey(c fyne.Canvas, name fyne.KeyName) {
	c.Focused().TypedKey(&fyne.KeyEvent{Name: name})
}

// TestTabReachesTheNavigation: from a fresh window, Tab goes through every
// section of the navigation, in its order, then into the screen.
func TestTabReachesTheNavigation(t *testing.T) {
	env, w := newTestWindow(t)
	defer w.Close()
	w.Resize(goldenSize)
	c := w.Canvas()
	for i, s := range env.nav.sections {
		test.FocusNext(c)
		if got := c.Focused(); got != env.nav.tabs.buttons[i] {
			t.Fatalf("Tab %d focuses %T %v, want the navigation's %q", i+1, got, got, s.title)
		}
	}
	test.FocusNext(c)
	for _, b := range env.nav.tabs.buttons {
		if c.Focused() == b {
			t.Errorf("Tab after the navigation stays in it, want the screen")
		}
	}
}

// TestEnterOpensTheFocusedSection: Enter on a navigation button opens its
// section and leaves the focus on it, so Tab goes on from there.
func TestEnterOpensTheFocusedSection(t *testing.T) {
	env, w := newTestWindow(t)
	defer w.Close()
	c := w.Canvas()
	for _, key := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace} {
		for _, s := range []string{"mail", "settings", "home"} {
			i := sectionIndex(t, s)
			c.Focus(env.nav.tabs.buttons[i])
			pressKey(c, key)
			if env.nav.current() != s {
				t.Errorf("%s on %q opens %q", key, s, env.nav.current())
			}
			if c.Focused() != env.nav.tabs.buttons[i] {
				t.Errorf("%s on %q: focus went to %v, want it kept", key, s, c.Focused())
			}
		}
	}
}

// TestSubTabsTakeTheKeyboard: Hygiène's sub-tabs come right after the
// navigation in Tab order, and Enter opens one.
func TestSubTabsTakeTheKeyboard(t *testing.T) {
	env, w := newTestWindow(t)
	defer w.Close()
	w.Resize(goldenSize)
	c := w.Canvas()
	env.nav.show("hygiene")
	sub := screenTabs(env.nav.tabs.Selected().Content)
	if sub == nil {
		t.Fatal("hygiene has no sub-tabs")
	}
	c.Focus(env.nav.tabs.buttons[len(env.nav.tabs.buttons)-1])
	for i, it := range sub.Items {
		test.FocusNext(c)
		if c.Focused() != sub.buttons[i] {
			t.Fatalf("Tab %d after the navigation focuses %v, want the sub-tab %q", i+1, c.Focused(), it.Text)
		}
	}
	c.Focus(sub.buttons[2])
	pressKey(c, fyne.KeyReturn)
	if sub.SelectedIndex() != 2 {
		t.Errorf("Enter on sub-tab 2 shows tab %d", sub.SelectedIndex())
	}
}

// TestEnterTapsTheFocusedButton: Enter, the keypad's Enter and Space run
// the button's action; other keys do not; a disabled button does nothing.
func TestEnterTapsTheFocusedButton(t *testing.T) {
	test.NewTempApp(t)
	taps := 0
	b := newButton("Analyser", func() { taps++ })
	w := test.NewTempWindow(t, container.NewVBox(widget.NewEntry(), b))
	c := w.Canvas()
	c.Focus(b)
	for i, key := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace, fyne.KeyA, fyne.KeyTab} {
		pressKey(c, key)
		if want := min(i+1, 3); taps != want {
			t.Errorf("after %s: %d taps, want %d", key, taps, want)
		}
	}
	if c.Focused() != b {
		t.Errorf("focus on %v after the keys, want the button", c.Focused())
	}
	b.Disable()
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if taps != 3 {
		t.Errorf("Enter on a disabled button tapped it (%d taps)", taps)
	}
}

// TestFocusScrollsIntoView: a control below the fold, once focused, is
// scrolled into view; going back to the top control scrolls back.
func TestFocusScrollsIntoView(t *testing.T) {
	test.NewTempApp(t)
	top := newButton("En haut", nil)
	box := container.NewVBox(top)
	for i := range 30 {
		box.Add(widget.NewLabel(fmt.Sprintf("ligne %d", i)))
	}
	bottom := widget.NewCheck("En bas", nil)
	box.Add(bottom)
	scroll := container.NewVScroll(box)
	w := test.NewTempWindow(t, container.NewBorder(widget.NewLabel("Titre"), nil, nil, nil, scroll))
	w.Resize(fyne.NewSize(300, 240))
	c := w.Canvas()

	c.Focus(bottom)
	scrollIntoView(c, c.Focused())
	y := bottom.Position().Y - scroll.Offset.Y
	if scroll.Offset.Y == 0 || y < 0 || y+bottom.Size().Height > scroll.Size().Height {
		t.Errorf("focused check at %.0f in a %.0f px view (offset %.0f), want it visible", y, scroll.Size().Height, scroll.Offset.Y)
	}
	c.Focus(top)
	scrollIntoView(c, c.Focused())
	if scroll.Offset.Y != 0 {
		t.Errorf("offset %.0f after focusing the top button, want 0", scroll.Offset.Y)
	}
}

// TestFocusOnScreenScrolls: on a real screen, the last control of today's
// hygiene list, far below the fold, is brought into the window once focused.
func TestFocusOnScreenScrolls(t *testing.T) {
	env, w := newTestWindow(t)
	defer w.Close()
	w.Resize(goldenSize)
	c := w.Canvas()
	env.nav.show("hygiene")
	test.FocusPrevious(c) // from nothing, the last control of the window
	f, ok := c.Focused().(fyne.CanvasObject)
	if !ok {
		t.Fatalf("nothing focused")
	}
	d := fyne.CurrentApp().Driver()
	if at := d.AbsolutePositionForObject(f); at.Y+f.Size().Height <= c.Size().Height {
		t.Fatalf("last control %T at y=%.0f already in the %.0f px window: nothing to scroll", f, at.Y, c.Size().Height)
	}
	scrollIntoView(c, c.Focused())
	at := d.AbsolutePositionForObject(f)
	if at.Y < 0 || at.Y+f.Size().Height > c.Size().Height {
		t.Errorf("last control %T at y=%.0f..%.0f, window %.0f px high", f, at.Y, at.Y+f.Size().Height, c.Size().Height)
	}
}

// TestBorderIsInReadingOrder: Tab goes from the field above a list to the
// list, then to what is below it, as the eye does.
func TestBorderIsInReadingOrder(t *testing.T) {
	test.NewTempApp(t)
	search, item, more := widget.NewEntry(), newButton("Ligne", nil), widget.NewCheck("Suite", nil)
	w := test.NewTempWindow(t, border(search, more, nil, nil, item))
	c := w.Canvas()
	for i, want := range []fyne.Focusable{search, item, more} {
		test.FocusNext(c)
		if c.Focused() != want {
			t.Errorf("Tab %d focuses %T, want %T", i+1, c.Focused(), want)
		}
	}
}

// enterlessSections still build Fyne's own buttons, which Enter does not
// press: their screens belong to work in progress elsewhere, and turn
// widget.NewButton into newButton when it lands (then leave this list).
var enterlessSections = map[string]bool{}

// TestEveryButtonTakesEnter: every button of every screen, populated, is
// one Enter activates, and no header is an accordion's (a disclosure is
// ours). A SelectEntry's arrow, which Fyne draws, answers Space only and is
// left out: the field beside it takes typing.
func TestEveryButtonTakesEnter(t *testing.T) {
	env, _ := goldenWindow(t, statePopulated, langFR)
	for _, s := range env.nav.sections {
		if enterlessSections[s.key] {
			continue
		}
		env.nav.show(s.key)
		screen := env.nav.tabs.Selected().Content
		sub := screenTabs(screen)
		pages := []fyne.CanvasObject{screen}
		if sub != nil {
			pages = pages[:0]
			for _, it := range sub.Items {
				pages = append(pages, it.Content)
			}
		}
		for j, p := range pages {
			if sub != nil {
				sub.SelectIndex(j) // only the open tab is visible
			}
			var visit func(o fyne.CanvasObject) bool
			visit = func(o fyne.CanvasObject) bool {
				if !o.Visible() {
					return false // a form's unused submit button, a closed tab
				}
				switch v := o.(type) {
				case *disclosure:
					v.Open() // its detail's buttons too
				case *widget.Accordion:
					t.Errorf("%s: an accordion, whose header Enter does not press: build it with newDisclosure", s.key)
					return false
				case *widget.SelectEntry:
					return false // its arrow; the field itself takes typing
				}
				if b, ok := o.(*widget.Button); ok {
					t.Errorf("%s: button %q is Fyne's, which Enter does not press: build it with newButton", s.key, b.Text)
				}
				return true
			}
			walkObjects(p, visit)
		}
	}
}

// TestTabLeavesATextArea: Tab in a multi-line field goes to the next
// control instead of typing a tab sign.
func TestTabLeavesATextArea(t *testing.T) {
	test.NewTempApp(t)
	area, next := newTextArea(), newButton("Enregistrer", nil)
	if area.AcceptsTab() {
		t.Fatal("the text area keeps Tab")
	}
	w := test.NewTempWindow(t, container.NewVBox(area, next))
	c := w.Canvas()
	c.Focus(area)
	test.FocusNext(c)
	if c.Focused() != next {
		t.Errorf("Tab from the text area focuses %v, want the next button", c.Focused())
	}
}
