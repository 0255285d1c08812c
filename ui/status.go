package ui

import (
	"os"

	"fyne.io/fyne/v2"

	"hygie/checks/status"
)

// updateStatus rewrites the status document (status.json and status.db in
// the data folder) for the tools of a group practice, after whatever
// changed it: a tick, a probe run, a diagnostic saved or a plan mark, a
// mail scan. A failure is only logged: the document is a convenience for
// others, never a reason to interrupt the practitioner. The folder is
// never created: it exists whenever the database is in it.
func updateStatus(env *Env) {
	if env == nil || env.DB == nil || env.DataDir == "" {
		return
	}
	if fi, err := os.Stat(env.DataDir); err != nil || !fi.IsDir() {
		return
	}
	if _, err := status.Update(env.DB, env.DataDir, hygieneNow()); err != nil {
		fyne.LogError("update the status document", err)
	}
}
