package ui

import (
	"database/sql"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hygie/guides"
)

// guidesView builds the guides section: search and filters on the left,
// the reader on the right.
func guidesView(env *Env) fyne.CanvasObject {
	return newGuidesScreen(env).content()
}

// guidesCard is the dashboard card: "reprendre la lecture" and the guide
// of the week, or nil when the library cannot be read.
func guidesCard(env *Env) fyne.CanvasObject {
	return newGuidesCard(env).content()
}

// openGuide shows the guide with id over the window, in a reader with its
// table of contents, favourite and read toggles. Other screens call it for
// their "comment corriger" links. id may carry a section ("id#anchor")
// and the "guide:" prefix of links between guides.
func openGuide(env *Env, id string) {
	gc := env.guides
	id, anchor, _ := strings.Cut(strings.TrimPrefix(id, guides.LinkScheme+":"), "#")
	var g *guides.Guide
	if gc.lib != nil {
		g, _ = gc.lib.Get(id)
	}
	win := env.Win
	if win == nil {
		win = env.App.NewWindow(lang.X("guides.dialog.title", "Guide"))
		win.Resize(fyne.NewSize(800, 600))
		win.Show()
	}
	if g == nil {
		showInformation(lang.X("guides.dialog.title", "Guide"),
			lang.X("guides.missing", "Ce guide n'est pas disponible dans cette version d'Hygie."), win)
		return
	}
	r := newGuideReader(env, gc)
	d := newCustomDialog(lang.X("guides.dialog.title", "Guide"), lang.X("guides.dialog.close", "Fermer"), r.content(), win)
	d.Resize(dialogSize(win))
	d.Show()
	r.show(g, anchor)
}

// dialogSize leaves a margin of the window around the reader.
func dialogSize(win fyne.Window) fyne.Size {
	s := win.Canvas().Size()
	if s.Width < 200 || s.Height < 200 {
		return fyne.NewSize(800, 600)
	}
	return fyne.NewSize(s.Width*0.9, s.Height*0.9)
}

// guidesCtx is the guides' shared state for one window: the library, the
// favourites and read marks, and who to tell when marks change
// (Env.guides). It is only used on the Fyne goroutine.
type guidesCtx struct {
	lib       *guides.Library
	libErr    error
	state     *guides.State // nil when the database is unavailable
	stateErr  error
	listeners []func()
}

// newGuidesCtx loads the library in the current language and opens the
// marks in db, if any. The library's search index waits for the first
// search.
func newGuidesCtx(db *sql.DB) *guidesCtx {
	gc := &guidesCtx{}
	gc.lib, gc.libErr = guides.BuiltinFor(currentLang)
	if gc.libErr != nil {
		fyne.LogError("load guides", gc.libErr)
	}
	if db != nil {
		gc.state, gc.stateErr = guides.OpenState(db)
		if gc.stateErr != nil {
			fyne.LogError("open guides state", gc.stateErr)
		}
	}
	return gc
}

// marks returns the favourites and read marks, or none when they cannot
// be read (the guides stay usable without them).
func (gc *guidesCtx) marks() map[string]guides.Mark {
	if gc.state == nil {
		return map[string]guides.Mark{}
	}
	m, err := gc.state.Marks()
	if err != nil {
		fyne.LogError("read guide marks", err)
		return map[string]guides.Mark{}
	}
	return m
}

func (gc *guidesCtx) onChange(f func()) {
	gc.listeners = append(gc.listeners, f)
}

func (gc *guidesCtx) changed() {
	for _, f := range gc.listeners {
		f()
	}
}

// noMarksNote says, when needed, why favourites and read marks are off.
func (gc *guidesCtx) noMarksNote() *widget.Label {
	if gc.state != nil {
		return nil
	}
	l := wrapped(lang.X("guides.nodb",
		"Favoris et guides lus ne sont pas enregistrés : les données d'Hygie sont indisponibles. Les guides restent consultables."))
	l.Importance = widget.WarningImportance
	return l
}

// showSaveError tells the user a mark was not saved; the log keeps why.
func showSaveError(env *Env, err error) {
	fyne.LogError("save guide mark", err)
	if env.Win != nil {
		showInformation(lang.X("guides.err.title", "Enregistrement impossible"),
			lang.X("guides.err.save", "Hygie n'a pas pu enregistrer ce choix. Les guides restent lisibles ; réessayez, et si cela persiste, relancez Hygie."), env.Win)
	}
}
