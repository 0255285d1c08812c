// Command hygie is a desktop companion that keeps a health practice's
// computer and mailbox clean. With no argument it opens the window; with a
// command (see `hygie help`) it works without a display.
package main

import (
	"os"
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2/app"

	"hygie/assets"
	"hygie/cli"
	"hygie/store"
	"hygie/ui"
)

func main() {
	if len(os.Args) > 1 {
		os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
	}
	a := app.NewWithID(ui.AppID)
	a.SetIcon(assets.Icon())
	ui.SetupLanguage(a.Preferences().String(ui.PrefLanguage))

	env := &ui.Env{App: a}
	env.DataDir, env.DBErr = store.Dir()
	if env.DBErr == nil {
		env.DB, env.DBErr = store.Open(env.DataDir)
	}
	if env.DB != nil {
		defer env.DB.Close()
	}
	// Start-up garbage (fonts, translations, first layout) is returned to the
	// system once the window is up, rather than whenever the scavenger gets to it.
	time.AfterFunc(2*time.Second, debug.FreeOSMemory)
	ui.NewMainWindow(env).ShowAndRun()
}
