package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A database that refuses a write half-way (here a trigger, as a full disk
// would) leaves the item unticked, says so in French, and loses nothing
// that was already stored.
func TestTickFailingMidWriteSaysSoAndLosesNothing(t *testing.T) {
	env := newHygieneEnv(t, true)
	m := env.hygiene
	s := newTodayScreen(m, inBackground)
	env.Win.SetContent(s.content())
	test.Tap(itemCheck(t, s, "lock-session"))
	if _, err := env.DB.Exec(`CREATE TRIGGER refuse BEFORE INSERT ON checklist_tick
		BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`); err != nil {
		t.Fatal(err)
	}
	before := s.bar.Value
	test.Tap(itemCheck(t, s, "no-unexpected-attachment"))
	if itemCheck(t, s, "no-unexpected-attachment").Checked {
		t.Errorf("an item whose tick was refused is shown ticked")
	}
	if s.bar.Value != before {
		t.Errorf("progress moved from %v to %v on a refused tick", before, s.bar.Value)
	}
	shown := overlayText(env.Win)
	if !strings.Contains(shown, "Enregistrement impossible") || !strings.Contains(shown, "intact") {
		t.Errorf("no French explanation of the failure; overlay shows %q", shown)
	}
	rec, err := m.list.Load()
	if err != nil || len(rec.Ticks) != 1 || rec.Ticks[0].Item != "lock-session" {
		t.Errorf("stored ticks after the refusal = %+v, %v; want the earlier tick only", rec.Ticks, err)
	}
}

// overlayText joins the texts of the top overlay (a dialog), walking the
// widgets' renderers since a dialog's labels are not in any container.
func overlayText(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var out []string
	var visit func(o fyne.CanvasObject)
	visit = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			out = append(out, v.Text)
		case *fyne.Container:
			for _, c := range v.Objects {
				visit(c)
			}
			return
		}
		if wid, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(wid).Objects() {
				visit(c)
			}
		}
	}
	visit(top)
	return strings.Join(out, " | ")
}
