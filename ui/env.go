// Package ui composes Hygie's window from the domain packages. It is the only
// package that uses Fyne widgets; nothing imports it.
package ui

import (
	"database/sql"

	"fyne.io/fyne/v2"
)

// AppID is Hygie's application identifier (also in FyneApp.toml).
const AppID = "fr.hygie.app"

// Env is what every screen receives: the app, its window and the local data.
type Env struct {
	App fyne.App
	Win fyne.Window
	// DB is nil when the database could not be opened; DBErr then says why
	// and screens that need it show dbUnavailable instead of failing.
	DB      *sql.DB
	DBErr   error
	DataDir string
}
