// Package ui composes Hygie's window from the domain packages. It is the only
// package that uses Fyne widgets; nothing imports it.
package ui

import (
	"database/sql"
	"net/http"

	"fyne.io/fyne/v2"

	"hygie/incident"
	"hygie/incident/export"
	"hygie/mail/mailbox"
	"hygie/practice"
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
	// HTTP is the client of the services the user turns on (the CERT-FR
	// alerts); nil means one with alerts.Timeout. Tests point it at a
	// loopback server.
	HTTP *http.Client

	// The window's state, opened once by open and shared by the screens,
	// the dashboard cards and the tray menu. Each is usable without the
	// database: it then says so, or stays nil where noted.
	hygiene  *hygieneModel
	mail     *mailState
	journal  *incident.Journal // nil when the database is unavailable
	practice *practice.Store   // the practice's people and suppliers; nil without the database
	guides   *guidesCtx
	diag     *diagnosticState
	alerts   *alertsState  // the CERT-FR alerts; its cache is nil without the database
	form     *export.Store // the incident file's form; nil without the database
	reminder *reminder     // set by startReminder
	nav      *navigation   // set by NewMainWindow

	leave map[string][]func() // section key → what to stop when it is left
}

// open reads the checklist and opens the mailbox tables, the incident
// journal, the practice's people and suppliers and the guides' marks, once per Env: a second window of the same
// app shares them. It only opens: what costs (the guides' search index)
// waits for its first use, so the window still shows at once.
func (e *Env) open() {
	if e.hygiene != nil {
		return
	}
	e.diag = openDiagnostic(e.DB, e.DBErr)
	e.hygiene = newHygieneModel(e)
	e.mail = newMailState(e.DB)
	e.guides = newGuidesCtx(e.DB)
	e.alerts = newAlertsState(e.DB, e.HTTP)
	if e.DB != nil {
		j, err := incident.OpenJournal(e.DB)
		if err != nil {
			fyne.LogError("open incident journal", err)
		}
		e.journal = j
		p, err := practice.Open(e.DB)
		if err != nil {
			fyne.LogError("open practice people and suppliers", err)
		}
		e.practice = p
		f, err := export.Open(e.DB)
		if err != nil {
			fyne.LogError("open incident form", err)
		}
		e.form = f
	}
}

// mailState is the mail section's share of the window: the saved accounts
// and scans, and who follows the scans (the dashboard card).
type mailState struct {
	store    *mailbox.Store // nil when the database is unavailable
	scanDone []func(mailbox.ScanRecord)
	// verify is the « Vérifier un message » view, set when the mail
	// section is built; files dropped on the window go there.
	verify *verifyScreen
}

func newMailState(db *sql.DB) *mailState {
	m := &mailState{}
	if db == nil {
		return m
	}
	st, err := mailbox.Open(db)
	if err != nil {
		fyne.LogError("open mailbox tables", err)
		return m
	}
	m.store = st
	return m
}

// onScanDone registers f, called on the UI goroutine after each scan.
func (m *mailState) onScanDone(f func(mailbox.ScanRecord)) {
	m.scanDone = append(m.scanDone, f)
}

// scanned tells every follower of a scan that ended; on the UI goroutine.
func (m *mailState) scanned(r mailbox.ScanRecord) {
	for _, f := range m.scanDone {
		f(r)
	}
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
