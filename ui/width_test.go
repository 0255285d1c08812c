package ui

import (
	"fmt"
	"image/color"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hygie/checks"
	"hygie/checks/probe"
	"hygie/guides"
)

// maxWidth is the narrowest window every screen must fit, navigation
// included (STYLE.md: screenshots at 900 × 600).
const maxWidth = 900

// widest names the object under o whose minimum width is largest and is
// not a container, to say what forces the width when the test fails.
func widest(o fyne.CanvasObject) string {
	best, bestW := "", float32(0)
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch c := o.(type) {
		case *fyne.Container:
			for _, ch := range c.Objects {
				walk(ch)
			}
			return
		case *container.Scroll:
			walk(c.Content)
			return
		case *widget.Label, *widget.Check, *widget.Button, *button, *widget.RichText, *widget.Entry, *field, *textArea, *widget.Select:
		case fyne.Widget:
			for _, ch := range test.WidgetRenderer(c).Objects() {
				walk(ch)
			}
			return
		}
		if w := o.MinSize().Width; w > bestW {
			best, bestW = fmt.Sprintf("%T %.0f px %s", o, w, describe(o)), w
		}
	}
	walk(o)
	return best
}

func describe(o fyne.CanvasObject) string {
	switch v := o.(type) {
	case *widget.Label:
		return fmt.Sprintf("%q", v.Text)
	case *widget.Check:
		return fmt.Sprintf("%q", v.Text)
	case *widget.Button:
		return fmt.Sprintf("%q", v.Text)
	case *button:
		return fmt.Sprintf("%q", v.Text)
	}
	return ""
}

// populated fills the checklist with what makes rows longest: a failed
// probe with its details, a not-applicable reason and 2FA accounts.
func populated(t *testing.T, env *Env) {
	t.Helper()
	l := env.hygiene.list
	if err := l.SetNotApplicable("2fa-doctolib", strings.Repeat("le cabinet n'a pas de compte Doctolib ", 5), hygieneNow()); err != nil {
		t.Fatal(err)
	}
	if _, err := l.AddAccount(checks.Account{Name: strings.Repeat("Messagerie du cabinet ", 4), Kind: checks.KindMail, Enabled: true, Method: checks.MethodSMS}); err != nil {
		t.Fatal(err)
	}
	res := probe.Result{ID: probe.Firewall, Status: probe.Fail, At: hygieneNow(), Code: probe.CodeFirewallOff,
		Details: strings.Repeat("netsh advfirewall show allprofiles state ", 6)}
	if _, err := l.RecordProbes([]probe.Result{res}, hygieneNow()); err != nil {
		t.Fatal(err)
	}
	env.hygiene.changed()
}

// TestScreensFitNarrowWindow: in French and in English, with and without
// data, the hygiene and guides sections (each hygiene tab) and the
// dashboard fit a 900 px wide window with the navigation.
func TestScreensFitNarrowWindow(t *testing.T) {
	for _, lng := range []string{langFR, langEN} {
		for _, withDB := range []bool{true, false} {
			env := newHygieneEnv(t, withDB)
			SetupLanguage(lng)
			if withDB {
				populated(t, env)
			}
			nav := newNavigation(env)
			env.nav = nav
			env.Win.SetContent(nav.tabs)
			env.Win.Resize(fyne.NewSize(maxWidth, 600))
			for _, key := range []string{"home", "hygiene", "guides"} {
				nav.show(key)
			}
			// The navigation needs its bar plus the widest section's content.
			bar := nav.tabs.MinSize().Width
			for _, it := range nav.tabs.Items {
				bar = min(bar, nav.tabs.MinSize().Width-it.Content.MinSize().Width)
			}
			for _, it := range nav.tabs.Items {
				if w := bar + it.Content.MinSize().Width; w > maxWidth {
					t.Errorf("%s, data %v: %s needs %.0f px (widest: %s)", lng, withDB, it.Text, w, widest(it.Content))
				}
			}
			// Every guide open in the reader fits too.
			if env.guides.lib != nil {
				for _, g := range env.guides.lib.All() {
					openGuide(env, g.ID)
					if w := bar + nav.tabs.Items[1].Content.MinSize().Width; w > maxWidth {
						t.Errorf("%s, data %v: guide %s needs %.0f px (widest: %s)", lng, withDB, g.ID, w, widest(nav.tabs.Items[1].Content))
					}
				}
			}
			hyg := nav.tabs.Items[2].Content
			tabs := findObject(hyg, func(o fyne.CanvasObject) bool { _, ok := o.(*tabs); return ok }).(*tabs)
			for _, it := range tabs.Items {
				if w := bar + it.Content.MinSize().Width; w > maxWidth {
					t.Errorf("%s, data %v: hygiene › %s needs %.0f px (widest: %s)", lng, withDB, it.Text, w, widest(it.Content))
				}
			}
			SetupLanguage(langFR)
		}
	}
}

// rowIndex is the position of item id's row in today's list.
func rowIndex(s *todayScreen, id string) int {
	c := s.checks[id]
	for i, o := range s.items.Objects {
		if findObject(o, func(x fyne.CanvasObject) bool { return x == c }) != nil {
			return i
		}
	}
	return -1
}

// TestTickedItemStaysInPlace: ticking an item does not slide the next one
// under the pointer; it joins the done group once the section is left.
func TestTickedItemStaysInPlace(t *testing.T) {
	env := newHygieneEnv(t, true)
	s := newTodayScreen(env.hygiene, inBackground)
	env.Win.SetContent(s.content())
	before := rowIndex(s, "lock-session")
	next := rowIndex(s, "no-unexpected-attachment")
	test.Tap(s.checks["lock-session"])
	if !s.checks["lock-session"].Checked {
		t.Fatal("tick not shown")
	}
	if got := rowIndex(s, "lock-session"); got != before {
		t.Errorf("ticked item moved from row %d to %d", before, got)
	}
	if got := rowIndex(s, "no-unexpected-attachment"); got != next {
		t.Errorf("next item slid from row %d to %d", next, got)
	}
	env.left("hygiene")
	if got := rowIndex(s, "lock-session"); got <= rowIndex(s, "no-unexpected-attachment") {
		t.Errorf("after leaving, the done item (row %d) is still before the items to do", got)
	}
}

// TestTitleTapTicks: the wrapped title beside a check box ticks it too.
func TestTitleTapTicks(t *testing.T) {
	env := newHygieneEnv(t, true)
	s := newTodayScreen(env.hygiene, inBackground)
	env.Win.SetContent(s.content())
	row := s.items.Objects[rowIndex(s, "lock-session")]
	l := findObject(row, func(o fyne.CanvasObject) bool { _, ok := o.(*toggleLabel); return ok })
	if l == nil {
		t.Fatal("no title beside the check box")
	}
	test.Tap(l.(*toggleLabel))
	if !s.checks["lock-session"].Checked {
		t.Error("tapping the title did not tick the item")
	}
}

// TestTwoFAItemFromInventory: a bank account recorded with SMS makes the
// bank's 2FA item done on today's list, said so in words.
func TestTwoFAItemFromInventory(t *testing.T) {
	env := newHygieneEnv(t, true)
	if _, err := env.hygiene.list.AddAccount(checks.Account{Name: "Banque", Kind: checks.KindBank, Enabled: true, Method: checks.MethodSMS}); err != nil {
		t.Fatal(err)
	}
	env.hygiene.changed()
	s := newTodayScreen(env.hygiene, inBackground)
	env.Win.SetContent(s.content())
	if c := s.checks["2fa-bank"]; !c.Checked || !c.Disabled() {
		t.Errorf("2fa-bank: checked %v disabled %v, want checked from the inventory", c.Checked, c.Disabled())
	}
	if !containsText(s.items, "Activée d'après l'inventaire") {
		t.Error("the row does not say the inventory decided")
	}
}

// TestNotApplicableDialogNamesItem: the dialog says which item it is about
// and its example is a wrapped line, not a placeholder cut by the entry.
func TestNotApplicableDialogNamesItem(t *testing.T) {
	env := newHygieneEnv(t, true)
	s := newTodayScreen(env.hygiene, inBackground)
	env.Win.SetContent(s.content())
	env.Win.Resize(fyne.NewSize(900, 600))
	it, _ := checks.Find("2fa-doctolib")
	s.askNotApplicable(it)
	top := env.Win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	got := dialogTexts(top)
	if !strings.Contains(got, it.Title(langFR)) || !strings.Contains(got, "Par exemple") {
		t.Errorf("dialog shows %q, want the item's title and the example", got)
	}
}

// TestGuideRowsWrap: a guide's title wraps in the list (its row grows when
// narrow) instead of ending in « … ».
func TestGuideRowsWrap(t *testing.T) {
	test.NewTempApp(t)
	r := guides.Result{Guide: &guides.Guide{Title: strings.Repeat("Le mémento de sécurité informatique ", 4), Summary: "Résumé"}, Kind: guides.KindTitle,
		Text: strings.Repeat("Le mémento de sécurité informatique ", 4)}
	narrow, wide := rowHeight(r, guides.Mark{}, 300), rowHeight(r, guides.Mark{}, 3000)
	if narrow <= wide {
		t.Errorf("row height %v at 300 px, %v at 3000 px: the title does not wrap", narrow, wide)
	}
	row := newResultRow()
	title := row.(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*widget.RichText)
	if title.Truncation != fyne.TextTruncateOff || title.Wrapping != fyne.TextWrapWord {
		t.Errorf("title truncation %v wrapping %v", title.Truncation, title.Wrapping)
	}
}

// TestGuideTextRenders: task-list boxes lose their brackets and signs the
// fonts lack are replaced, never drawn as « � ».
func TestGuideTextRenders(t *testing.T) {
	test.NewTempApp(t)
	if got := withoutTaskBoxes("## À faire\n\n- [ ] Lister\n- [x] Créer\n"); strings.Contains(got, "[") {
		t.Errorf("task boxes kept: %q", got)
	}
	if got := fontSafe("Réglages → Réseau ✓ ≥ 5"); got != "Réglages › Réseau • >= 5" {
		t.Errorf("fontSafe = %q", got)
	}
	for _, r := range fontSafe("✓✗⚠️☐≥≤▶→") {
		if !hasGlyph(r) {
			t.Errorf("%q %U has no glyph after fontSafe", r, r)
		}
	}
}

// TestMeterLooksEmptyAtZero: the empty part of a progress bar is lighter
// than its filled part, and nothing is filled at 0.
func TestMeterLooksEmptyAtZero(t *testing.T) {
	a := test.NewTempApp(t)
	applyHygieTheme(a)
	m := newMeter()
	m.TextFormatter = func() string { return "0 sur 21" }
	w := test.NewTempWindow(t, m)
	w.Resize(fyne.NewSize(300, 60))
	m.SetValue(0)
	r := test.WidgetRenderer(m).(*meterRenderer)
	if r.fill.Size().Width != 0 {
		t.Errorf("filled width at 0 = %v", r.fill.Size().Width)
	}
	lum := func(c color.Color) float64 {
		cr, cg, cb, _ := c.RGBA()
		return 0.2126*float64(cr) + 0.7152*float64(cg) + 0.0722*float64(cb)
	}
	light := a.Settings().Theme().Color(theme.ColorNameInputBackground, theme.VariantLight)
	fill := a.Settings().Theme().Color(theme.ColorNamePrimary, theme.VariantLight)
	if lum(light) <= lum(fill) {
		t.Errorf("light theme: empty part %v not lighter than the fill %v", light, fill)
	}
	if r.text.Text != "0 sur 21" {
		t.Errorf("text %q", r.text.Text)
	}
}

// TestHistoryLabelsDaysAndMonths: the heat-map names week days and months.
func TestHistoryLabelsDaysAndMonths(t *testing.T) {
	env := newHygieneEnv(t, true)
	s := newHistoryScreen(env.hygiene)
	env.Win.SetContent(s.content())
	var names []string
	for _, o := range append(s.days.Objects, s.months.Objects...) {
		if v, ok := o.(*canvas.Text); ok {
			names = append(names, v.Text)
		}
	}
	got := strings.Join(names, " ")
	for _, want := range []string{"lun.", "ven.", "septembre", "octobre", "novembre"} { // 90 days before 22 November 2026
		if !strings.Contains(got, want) {
			t.Errorf("heat-map labels %q, missing %q", got, want)
		}
	}
	// Monday's row: hygieneDay (Sunday 22 November 2026) is in the last row.
	cols := len(s.grid.Objects) / 7
	last := s.cells[len(s.cells)-1]
	if i := slices.Index(s.grid.Objects, fyne.CanvasObject(last)); i/cols != 6 {
		t.Errorf("today (a Sunday) is on row %d, want 6", i/cols)
	}
}

// TestFocusStandsOut: the theme's focus highlight is more opaque than
// Fyne's faint default, in both variants.
func TestFocusStandsOut(t *testing.T) {
	base := theme.DefaultTheme()
	th := newHygieTheme(base)
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		_, _, _, a0 := base.Color(theme.ColorNameFocus, v).RGBA()
		_, _, _, a1 := th.Color(theme.ColorNameFocus, v).RGBA()
		if a1 <= a0 {
			t.Errorf("variant %v: focus alpha %d, not above Fyne's %d", v, a1, a0)
		}
	}
}
