package ui

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
)

// defaultSize fits a 1366×768 laptop screen with room for the task bar.
var defaultSize = fyne.NewSize(1100, 700)

// NewMainWindow builds Hygie's main window, restoring its last size and
// section, after opening the window's state (Env.open). HYGIE_SECTION=<key>
// opens another section, and HYGIE_VERIFY_FILE=<path> checks that file at
// start-up as if it had been dropped on the window: both are screenshot
// aids (.ci/screenshots), read only when set.
func NewMainWindow(env *Env) fyne.Window {
	w := env.App.NewWindow(lang.X("app.title", "Hygie — hygiène informatique du cabinet"))
	env.Win = w
	env.open()
	nav := newNavigation(env)
	env.nav = nav
	w.SetContent(nav.tabs)
	w.Resize(savedSize(env.App.Preferences()))
	start := env.App.Preferences().String(prefLastSection)
	if s := os.Getenv("HYGIE_SECTION"); s != "" {
		start = s
	}
	nav.show(start)
	if p := os.Getenv("HYGIE_VERIFY_FILE"); p != "" {
		openVerify(env, []fyne.URI{storage.NewFileURI(p)})
	}
	stop := make(chan struct{})
	followFocus(w, stop) // Tab scrolls the focused control into view
	w.SetOnClosed(func() {
		close(stop)
		saveWindow(env.App.Preferences(), w, nav)
	})
	w.SetOnDropped(dropHandler(env)) // files dropped anywhere go to « Vérifier un message »
	w.SetMaster()
	startReminder(env) // daily reminder of the hygiene checklist, with its tray menu
	return w
}

func savedSize(p fyne.Preferences) fyne.Size {
	wd := p.FloatWithFallback(prefWinWidth, float64(defaultSize.Width))
	ht := p.FloatWithFallback(prefWinHeight, float64(defaultSize.Height))
	if wd < 640 || ht < 480 { // never restore a window too small to use
		return defaultSize
	}
	return fyne.NewSize(float32(wd), float32(ht))
}

func saveWindow(p fyne.Preferences, w fyne.Window, nav *navigation) {
	size := w.Canvas().Size()
	if size.Width > 0 && size.Height > 0 {
		p.SetFloat(prefWinWidth, float64(size.Width))
		p.SetFloat(prefWinHeight, float64(size.Height))
	}
	p.SetString(prefLastSection, nav.current())
}
