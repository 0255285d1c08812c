package ui

import (
	"errors"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hygie/guides"
	"hygie/store"
)

// newGuidesEnv returns an env with a fresh database in dir (or none when
// dir is ""), and a test window.
func newGuidesEnv(t *testing.T, dir string) *Env {
	t.Helper()
	return newGuidesEnvIn(t, dir, langFR)
}

// newGuidesEnvIn is newGuidesEnv with the window in language lng.
func newGuidesEnvIn(t *testing.T, dir, lng string) *Env {
	t.Helper()
	a := test.NewTempApp(t)
	SetupLanguage(lng)
	env := &Env{App: a, DataDir: t.TempDir()}
	if dir != "" {
		db, err := store.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		env.DB = db
	} else {
		env.DBErr = errors.New("open: " + store.ErrLocked.Error())
	}
	env.Win = test.NewTempWindow(t, widget.NewLabel(""))
	env.Win.Resize(fyne.NewSize(1100, 700))
	env.open()
	return env
}

// showGuides puts the guides screen in env's window, with searches run
// synchronously so assertions follow typing.
func showGuides(t *testing.T, env *Env) *guidesScreen {
	t.Helper()
	s := newGuidesScreen(env)
	s.async = func(f func()) { f() }
	env.Win.SetContent(s.content())
	return s
}

func shownIDs(s *guidesScreen) []string {
	var out []string
	for _, r := range s.shown {
		out = append(out, r.Guide.ID)
	}
	return out
}

func TestGuidesListEverythingAtFirst(t *testing.T) {
	s := showGuides(t, newGuidesEnv(t, t.TempDir()))
	lib, _ := guides.Builtin()
	if len(s.shown) != len(lib.All()) || s.list.Length() != len(lib.All()) {
		t.Errorf("list shows %d guides, want all %d", s.list.Length(), len(lib.All()))
	}
	if !strings.Contains(s.status.Text, "guides") {
		t.Errorf("status = %q, want a count", s.status.Text)
	}
}

func TestGuidesSearchAsYouType(t *testing.T) {
	s := showGuides(t, newGuidesEnv(t, t.TempDir()))
	test.Type(s.search, "mssante")
	if len(s.shown) == 0 || s.shown[0].Guide.ID != "mssante" {
		t.Fatalf("typing mssante shows %v, want the MSSanté guide first", shownIDs(s))
	}
	row := newResultRow()
	s.updateRow(0, row)
	title := row.(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*widget.RichText)
	if got := highlightedText(title); got != "MSSanté" {
		t.Errorf("highlighted %q in the title, want MSSanté", got)
	}
	test.Type(s.search, "zzzz")
	if len(s.shown) != 0 || !strings.Contains(s.status.Text, "Aucun guide") {
		t.Errorf("nonsense query shows %v and status %q", shownIDs(s), s.status.Text)
	}
}

// TestGuidesSearchFromAnotherGoroutine runs the search the way the app
// does, on a goroutine of its own that hands its results back with
// fyne.Do; the test waits for it, so the race detector sees no race.
func TestGuidesSearchFromAnotherGoroutine(t *testing.T) {
	s := showGuides(t, newGuidesEnv(t, t.TempDir()))
	s.async = func(f func()) {
		done := make(chan struct{})
		go func() { f(); close(done) }()
		<-done
	}
	test.Type(s.search, "que faire si j'ai cliqué")
	if len(s.shown) == 0 || (s.shown[0].Guide.ID != "hameconnage" && s.shown[0].Guide.ID != "plan-reponse-incident") {
		t.Errorf("results %v, want the phishing or incident guide first", shownIDs(s))
	}
}

func TestGuidesStaleSearchIsDropped(t *testing.T) {
	s := showGuides(t, newGuidesEnv(t, t.TempDir()))
	var pending []func()
	s.async = func(f func()) { pending = append(pending, f) }
	s.onQuery("mssante")
	s.onQuery("pare-feu")
	pending[1]()
	pending[0]() // the older answer arrives last
	if len(s.shown) == 0 || s.shown[0].Guide.ID != "pare-feu" {
		t.Errorf("results %v, want those of the latest query (pare-feu)", shownIDs(s))
	}
}

func TestGuidesArrowKeysAndEnter(t *testing.T) {
	s := showGuides(t, newGuidesEnv(t, t.TempDir()))
	test.Type(s.search, "sauvegarde")
	down := &fyne.KeyEvent{Name: fyne.KeyDown}
	s.search.TypedKey(down)
	s.search.TypedKey(down)
	s.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	s.search.TypedKey(down)
	if s.current != 1 {
		t.Fatalf("after down, down, up, down the selection is %d, want 1", s.current)
	}
	if s.reader.guide != nil {
		t.Errorf("moving the selection opened %s; only Enter should", s.reader.guide.ID)
	}
	s.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if s.reader.guide != s.shown[1].Guide {
		t.Errorf("Enter opened %v, want %s", s.reader.guide, s.shown[1].Guide.ID)
	}
	if s.search.Text != "sauvegarde" {
		t.Errorf("keys changed the query to %q", s.search.Text)
	}
}

func TestGuidesFilters(t *testing.T) {
	s := showGuides(t, newGuidesEnv(t, t.TempDir()))
	s.theme.SetSelected("Protéger l'ordinateur")
	if len(s.shown) == 0 {
		t.Fatal("no guide in theme Protéger l'ordinateur")
	}
	for _, r := range s.shown {
		if r.Guide.Theme != "Protéger l'ordinateur" {
			t.Errorf("theme filter kept %s (%s)", r.Guide.ID, r.Guide.Theme)
		}
	}
	s.theme.SetSelectedIndex(0)
	s.tag.SetSelected("VPN")
	if got := shownIDs(s); !slices.Equal(got, []string{"wifi-acces-distance"}) {
		t.Errorf("tag VPN shows %v, want [wifi-acces-distance]", got)
	}
}

func TestGuidesFavoritePersists(t *testing.T) {
	dir := t.TempDir()
	env := newGuidesEnv(t, dir)
	s := showGuides(t, env)
	test.Type(s.search, "pare-feu")
	s.list.Select(0)
	if s.reader.guide == nil || s.reader.guide.ID != "pare-feu" {
		t.Fatalf("selecting the first result opened %v", s.reader.guide)
	}
	test.Tap(s.reader.fav)
	test.Tap(s.reader.read)
	s.favOnly.SetChecked(true)
	if got := shownIDs(s); !slices.Equal(got, []string{"pare-feu"}) {
		t.Errorf("favourites only shows %v, want [pare-feu]", got)
	}
	row := newResultRow()
	s.updateRow(0, row)
	if marks := row.(*fyne.Container).Objects[1].(*fyne.Container); !marks.Objects[0].Visible() || !marks.Objects[1].Visible() {
		t.Error("the row of a favourite, read guide does not show both markers")
	}
	env.DB.Close()

	db, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	st, err := guides.OpenState(db)
	if err != nil {
		t.Fatal(err)
	}
	if m, err := st.Mark("pare-feu"); err != nil || !m.Favorite || !m.Read {
		t.Errorf("after reopening the database, pare-feu marks = %+v, %v; want favourite and read", m, err)
	}
}

func TestGuidesWithoutDatabase(t *testing.T) {
	env := newGuidesEnv(t, "")
	s := showGuides(t, env)
	test.Type(s.search, "sauvegarde")
	if len(s.shown) == 0 {
		t.Fatal("without a database the search finds nothing")
	}
	s.list.Select(0)
	if s.reader.guide == nil {
		t.Fatal("without a database no guide opens")
	}
	if !s.reader.fav.Disabled() || !s.favOnly.Disabled() {
		t.Error("favourite controls are enabled without a database")
	}
	want := frText(t, "guides.nodb")
	if !hasText(env.Win.Content(), want) {
		t.Errorf("the screen does not say why favourites are off (%q)", want)
	}
	if newGuidesCard(env).content() == nil {
		t.Error("without a database the dashboard card disappears; the guide of the week needs no database")
	}
}

func TestGuideReaderSectionsAndTOC(t *testing.T) {
	s := showGuides(t, newGuidesEnv(t, t.TempDir()))
	lib, _ := guides.Builtin()
	g, _ := lib.Get("hameconnage")
	s.reader.show(g, "")
	if s.reader.scroll.Offset.Y != 0 {
		t.Errorf("opening at the top leaves offset %v", s.reader.scroll.Offset.Y)
	}
	if len(s.reader.toc.Options) != len(g.Headings()) {
		t.Errorf("table of contents has %d entries, want %d", len(s.reader.toc.Options), len(g.Headings()))
	}
	s.reader.toc.SetSelectedIndex(len(g.Headings()) - 1)
	if s.reader.scroll.Offset.Y <= 0 {
		t.Error("choosing the last section in the table of contents did not scroll")
	}
	s.reader.show(g, "si-vous-avez-clique")
	if s.reader.scroll.Offset.Y <= 0 {
		t.Error("opening at a section did not scroll to it")
	}
	if !hasText(s.reader.body, "Sources") && !richTextHas(s.reader.body, "Sources") {
		t.Error("the reader does not show the sources")
	}
}

func TestGuideReaderLinks(t *testing.T) {
	s := showGuides(t, newGuidesEnv(t, t.TempDir()))
	var opened []string
	openURL = func(_ fyne.App, u *url.URL) error { opened = append(opened, u.String()); return nil }
	t.Cleanup(func() { openURL = func(a fyne.App, u *url.URL) error { return a.OpenURL(u) } })
	lib, _ := guides.Builtin()
	g, _ := lib.Get("sauvegardes")
	s.reader.show(g, "")
	links := hyperlinks(s.reader.body)
	var toGuide, toWeb *widget.HyperlinkSegment
	for _, l := range links {
		switch {
		case l.URL.Scheme == guides.LinkScheme && toGuide == nil:
			toGuide = l
		case l.URL.Scheme == "https" && toWeb == nil:
			toWeb = l
		}
	}
	if toGuide == nil || toWeb == nil {
		t.Fatalf("found %d links, want at least one guide: link and one https link", len(links))
	}
	toWeb.OnTapped()
	if len(opened) != 1 || opened[0] != toWeb.URL.String() {
		t.Errorf("tapping %s opened %v in the browser", toWeb.URL, opened)
	}
	toGuide.OnTapped()
	if id, _, _ := guides.ParseLink(toGuide.URL.String()); s.reader.guide.ID != id {
		t.Errorf("tapping %s shows %s", toGuide.URL, s.reader.guide.ID)
	}
	openURL = func(fyne.App, *url.URL) error { return errors.New("no browser") }
	toWeb.OnTapped()
	if top := s.env.Win.Canvas().Overlays().Top(); top == nil || !labelContains(top, toWeb.URL.String()) {
		t.Errorf("a link the system cannot open does not show its address")
	}
}

func TestOpenGuideFromAnotherScreen(t *testing.T) {
	env := newGuidesEnv(t, t.TempDir())
	openGuide(env, "guide:pare-feu#verifier-sous-windows")
	guideDialog := env.Win.Canvas().Overlays().Top()
	if guideDialog == nil {
		t.Fatal("openGuide showed no dialog")
	}
	id, section, ok, err := env.guides.state.Resume()
	if err != nil || !ok || id != "pare-feu" || section != "verifier-sous-windows" {
		t.Errorf("opening was recorded as %q %q %v %v", id, section, ok, err)
	}
	env.Win.Canvas().Overlays().Remove(guideDialog)
	openGuide(env, "n-existe-pas")
	if env.Win.Canvas().Overlays().Top() == nil {
		t.Error("an unknown guide id gave no explanation")
	}
}

func TestGuidesCard(t *testing.T) {
	env := newGuidesEnv(t, t.TempDir())
	guidesNow = func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local) }
	t.Cleanup(func() { guidesNow = time.Now })
	card := guidesCard(env)
	if card == nil {
		t.Fatal("no guides card")
	}
	if !hasTextPrefix(card, "Guide de la semaine") || hasTextPrefix(card, "Reprendre la lecture") {
		t.Error("a new user's card should show the guide of the week and nothing to resume")
	}
	openGuide(env, "mssante")
	if !hasTextPrefix(card, "Reprendre la lecture : MSSanté") {
		t.Error("after opening a guide, the card does not offer to resume it")
	}
	if err := env.guides.state.SetRead("mssante", true, guidesNow()); err != nil {
		t.Fatal(err)
	}
	env.guides.changed()
	if hasTextPrefix(card, "Reprendre la lecture") {
		t.Error("a guide marked read is still offered for resuming")
	}
}

func TestCtrlFFocusesSearchOnlyOnGuidesTab(t *testing.T) {
	_, w := newTestWindow(t)
	defer w.Close()
	tabs := findTabs(t, w.Content())
	i := slices.IndexFunc(sections(), func(s section) bool { return s.key == "guides" })
	tabs.SelectIndex(i)
	search := findSearchEntry(tabs.Items[i].Content)
	if search == nil {
		t.Fatal("no search box in the guides section")
	}
	tabs.SelectIndex(0)
	ctrlF := &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	typer := shortcutTyper(t, w.Canvas())
	typer.TypedShortcut(ctrlF)
	if w.Canvas().Focused() == search {
		t.Error("Ctrl+F on the dashboard focused the hidden guides search")
	}
	tabs.SelectIndex(i)
	typer.TypedShortcut(ctrlF)
	if w.Canvas().Focused() != search {
		t.Errorf("Ctrl+F on the guides tab focused %v, want the search box", w.Canvas().Focused())
	}
}

func highlightedText(rt *widget.RichText) string {
	var b strings.Builder
	for _, s := range rt.Segments {
		if ts, ok := s.(*widget.TextSegment); ok && ts.Style.ColorName == theme.ColorNamePrimary {
			b.WriteString(ts.Text)
		}
	}
	return b.String()
}

func hyperlinks(o fyne.CanvasObject) []*widget.HyperlinkSegment {
	var out []*widget.HyperlinkSegment
	var walk func([]widget.RichTextSegment)
	walk = func(segs []widget.RichTextSegment) {
		for _, s := range segs {
			switch v := s.(type) {
			case *widget.HyperlinkSegment:
				out = append(out, v)
			case *widget.ListSegment:
				walk(v.Items)
			case *widget.ParagraphSegment:
				walk(v.Texts)
			}
		}
	}
	for _, c := range o.(*fyne.Container).Objects {
		if rt, ok := c.(*widget.RichText); ok {
			walk(rt.Segments)
		}
	}
	return out
}

func richTextHas(o fyne.CanvasObject, s string) bool {
	for _, c := range o.(*fyne.Container).Objects {
		if rt, ok := c.(*widget.RichText); ok && strings.Contains(rt.String(), s) {
			return true
		}
	}
	return false
}

// labelContains reports whether a label under o contains text.
func labelContains(o fyne.CanvasObject, text string) bool {
	switch v := o.(type) {
	case *widget.Label:
		return strings.Contains(v.Text, text)
	case *fyne.Container:
		return slices.ContainsFunc(v.Objects, func(c fyne.CanvasObject) bool { return labelContains(c, text) })
	case fyne.Widget:
		return slices.ContainsFunc(test.WidgetRenderer(v).Objects(), func(c fyne.CanvasObject) bool { return labelContains(c, text) })
	}
	return false
}

// hasTextPrefix reports whether a label under o starts with prefix.
func hasTextPrefix(o fyne.CanvasObject, prefix string) bool {
	switch v := o.(type) {
	case *widget.Label:
		return strings.HasPrefix(v.Text, prefix)
	case *fyne.Container:
		return slices.ContainsFunc(v.Objects, func(c fyne.CanvasObject) bool { return hasTextPrefix(c, prefix) })
	case fyne.Widget:
		return slices.ContainsFunc(test.WidgetRenderer(v).Objects(), func(c fyne.CanvasObject) bool { return hasTextPrefix(c, prefix) })
	}
	return false
}

// frText returns the French text of a translation key.
func frText(t *testing.T, key string) string {
	for _, m := range loadKeys(t, langFR) {
		if v, ok := m[key]; ok {
			return v
		}
	}
	t.Fatalf("no French text for %s", key)
	return ""
}

// shortcutTyper reaches the shortcut handler of the test canvas, which
// the test package wraps without exposing it.
func shortcutTyper(t *testing.T, c fyne.Canvas) interface{ TypedShortcut(fyne.Shortcut) } {
	t.Helper()
	inner := reflect.ValueOf(c).Elem().FieldByName("WindowlessCanvas")
	if !inner.IsValid() {
		t.Fatal("the test canvas has changed shape; update shortcutTyper")
	}
	typer, ok := inner.Interface().(interface{ TypedShortcut(fyne.Shortcut) })
	if !ok {
		t.Fatal("the test canvas cannot type shortcuts")
	}
	return typer
}

// findSearchEntry walks the widget tree under o for the guides search box.
func findSearchEntry(o fyne.CanvasObject) *searchEntry {
	switch v := o.(type) {
	case *searchEntry:
		return v
	case *fyne.Container:
		for _, c := range v.Objects {
			if e := findSearchEntry(c); e != nil {
				return e
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			if e := findSearchEntry(c); e != nil {
				return e
			}
		}
	}
	return nil
}

// On an English system the guides are in English, their shelves too, and
// the note about French-only guides goes away once all are translated.
func TestGuidesInEnglish(t *testing.T) {
	env := newGuidesEnvIn(t, t.TempDir(), langEN)
	t.Cleanup(func() { SetupLanguage(langFR) })
	s := showGuides(t, env)
	en, _ := guides.BuiltinFor(guides.LangEN)
	g, _ := en.Get("sauvegardes")
	if len(s.shown) == 0 || s.gc.lib != en {
		t.Fatal("the English library is not the one shown")
	}
	if !slices.Contains(s.theme.Options, guides.ThemeLabel(g.Theme, guides.LangEN)) {
		t.Errorf("theme filter offers %v, want English shelves", s.theme.Options)
	}
	s.theme.SetSelected(guides.ThemeLabel(g.Theme, guides.LangEN))
	if !slices.Contains(shownIDs(s), "sauvegardes") {
		t.Errorf("filtering on %q hides %s", s.theme.Selected, g.ID)
	}
	s.reader.show(g, "")
	if s.reader.title.Text != g.Title || !richTextHas(s.reader.body, "solo practitioner") && !richTextHas(s.reader.body, "group practice") {
		t.Errorf("the reader shows %q, and its audience line is not in English", s.reader.title.Text)
	}
	if labelContains(s.root, "only written in French") {
		t.Error("every guide is translated, yet the French-only note shows")
	}
}
