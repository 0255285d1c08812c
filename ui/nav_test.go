package ui

import (
	"fmt"
	"slices"

	"hygie/store"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// newTestWindow opens Hygie's window on Fyne's headless test driver with a
// throw-away data folder.
func newTestWindow(t *testing.T) (*Env, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	SetupLanguage(langFR)
	env := &Env{App: a, DataDir: t.TempDir()}
	w := NewMainWindow(env)
	return env, w
}

// newTestEnv is a headless French app with a throw-away database.
func newTestEnv(t *testing.T) *Env {
	t.Helper()
	a := test.NewTempApp(t)
	SetupLanguage(langFR)
	db, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return opened(&Env{App: a, DB: db})
}

// opened is env with its state opened, as NewMainWindow does.
func opened(env *Env) *Env {
	env.open()
	return env
}

func TestEverySectionOpens(t *testing.T) {
	_, w := newTestWindow(t)
	defer w.Close()
	nav := w.Content()
	tabs := findTabs(t, nav)
	for i, s := range sections() {
		tabs.SelectIndex(i)
		content := tabs.Items[i].Content.(*fyne.Container)
		if len(content.Objects) != 1 {
			t.Fatalf("section %s: %d objects after selecting it, want its screen", s.key, len(content.Objects))
		}
		if !content.Objects[0].Visible() || content.Objects[0].MinSize().IsZero() {
			t.Errorf("section %s: screen is empty or hidden", s.key)
		}
	}
}

func TestWindowRemembersSizeAndSection(t *testing.T) {
	env, w := newTestWindow(t)
	w.Resize(fyne.NewSize(900, 650))
	mail := sectionIndex(t, "mail")
	findTabs(t, w.Content()).SelectIndex(mail)
	w.Close()
	p := env.App.Preferences()
	if got := savedSize(p); got != fyne.NewSize(900, 650) {
		t.Errorf("savedSize = %v, want 900x650", got)
	}
	if got := p.String(prefLastSection); got != "mail" {
		t.Errorf("last section = %q, want mail", got)
	}
	w2 := NewMainWindow(env)
	defer w2.Close()
	if got := findTabs(t, w2.Content()).SelectedIndex(); got != mail {
		t.Errorf("reopened on section %d, want %d (mail)", got, mail)
	}
}

func TestTooSmallSizeIsNotRestored(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetFloat(prefWinWidth, 20)
	a.Preferences().SetFloat(prefWinHeight, 20)
	if got := savedSize(a.Preferences()); got != defaultSize {
		t.Errorf("savedSize = %v, want default %v", got, defaultSize)
	}
}

func findTabs(t *testing.T, o fyne.CanvasObject) *tabs {
	t.Helper()
	found, ok := o.(*tabs)
	if !ok {
		t.Fatalf("window content is %T, want the navigation's *tabs", o)
	}
	return found
}

// hasText reports whether any label or rich text under o shows s.
func hasText(o fyne.CanvasObject, s string) bool {
	switch v := o.(type) {
	case *widget.Label:
		return v.Text == s
	case *widget.Card:
		return v.Title == s || (v.Content != nil && hasText(v.Content, s))
	case *fyne.Container:
		for _, c := range v.Objects {
			if hasText(c, s) {
				return true
			}
		}
	case fyne.Widget:
		r := test.WidgetRenderer(v)
		for _, c := range r.Objects() {
			if hasText(c, s) {
				return true
			}
		}
	}
	return false
}

func TestHomeExplainsUnavailableData(t *testing.T) {
	a := test.NewTempApp(t)
	SetupLanguage(langFR)
	env := &Env{App: a, DataDir: t.TempDir(), DBErr: fmt.Errorf("open: %w", store.ErrCorrupt)}
	w := NewMainWindow(env)
	defer w.Close()
	home := findTabs(t, w.Content()).Items[0].Content
	if want := dbErrorMessage(env.DBErr); !hasText(home, want) {
		t.Errorf("home does not show %q", want)
	}
}

func TestLeavingASectionStopsItsWork(t *testing.T) {
	env, w := newTestWindow(t)
	defer w.Close()
	stopped := 0
	env.onLeave("mail", func() { stopped++ })
	tabs := findTabs(t, w.Content())
	tabs.SelectIndex(sectionIndex(t, "mail"))
	if stopped != 0 {
		t.Fatalf("work stopped %d times on entering the section", stopped)
	}
	tabs.SelectIndex(1)
	if stopped != 1 {
		t.Errorf("work stopped %d times after leaving the section, want 1", stopped)
	}
}

func TestOpenSection(t *testing.T) {
	env, w := newTestWindow(t)
	defer w.Close()
	tabs := findTabs(t, w.Content())
	for i, s := range sections() {
		openSection(env, s.key)
		if tabs.SelectedIndex() != i {
			t.Errorf("openSection(%q) shows tab %d, want %d", s.key, tabs.SelectedIndex(), i)
		}
	}
}

// sectionIndex is the position of the section with key in the navigation.
func sectionIndex(t *testing.T, key string) int {
	t.Helper()
	i := slices.IndexFunc(sections(), func(s section) bool { return s.key == key })
	if i < 0 {
		t.Fatalf("no section %q", key)
	}
	return i
}
