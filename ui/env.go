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

	leave map[string][]func() // section key → what to stop when it is left
}

// onLeave registers fn to run when the user leaves section, e.g. to cancel
// long work nobody is watching any more.
func (e *Env) onLeave(section string, fn func()) {
	if e.leave == nil {
		e.leave = map[string][]func(){}
	}
	e.leave[section] = append(e.leave[section], fn)
}

// left runs what was registered for section.
func (e *Env) left(section string) {
	for _, fn := range e.leave[section] {
		fn()
	}
}
