package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hygie/checks"
	"hygie/checks/probe"
	"hygie/i18n"
)

// runProbes reads the machine's state; tests replace it with a fake.
var runProbes = probe.RunAll

// probeTimeout bounds a whole run: each probe has its own shorter timeout.
const probeTimeout = 10 * time.Second

// probeRunner is the "Vérifier l'ordinateur" part of the checklist.
type probeRunner struct {
	m      *hygieneModel
	button *button
	status *widget.Label
	dir    *widget.Label
	// background runs the probes off the UI goroutine; a test passes one
	// whose runs it can wait for.
	background func(func())
	// finished, when set, runs before the list is told of the results:
	// the checklist lets its items move to their new group.
	finished func()
}

func newProbeRunner(m *hygieneModel, background func(func())) *probeRunner {
	r := &probeRunner{m: m, background: background, status: wrapped(""), dir: wrapped("")}
	r.button = newButton(lang.X("hygiene.probe.run", "Vérifier l'ordinateur"), r.onRun)
	r.button.Importance = widget.HighImportance
	r.refreshDir()
	return r
}

func (r *probeRunner) content() fyne.CanvasObject {
	choose := newButton(lang.X("hygiene.probe.backupdir", "Dossier des sauvegardes…"), r.onChooseDir)
	return container.NewVBox(container.NewHBox(r.button, choose), r.dir, r.status)
}

func (r *probeRunner) backupDir() string {
	return r.m.env.App.Preferences().String(prefBackupDir)
}

func (r *probeRunner) refreshDir() {
	if d := r.backupDir(); d != "" {
		r.dir.SetText(lang.X("hygiene.probe.dir", "Sauvegardes vérifiées dans : {{.Dir}}", map[string]any{"Dir": d}))
		return
	}
	r.dir.SetText(lang.X("hygiene.probe.nodir", "Indiquez où vont vos sauvegardes pour qu'Hygie vérifie celle de la nuit."))
}

func (r *probeRunner) onChooseDir() {
	if r.m.env.Win == nil {
		return
	}
	dialog.ShowFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			return
		}
		r.m.env.App.Preferences().SetString(prefBackupDir, u.Path())
		r.refreshDir()
	}, r.m.env.Win)
}

// onRun runs the probes off the Fyne goroutine, stores what they saw (a
// pass ticks the item, an unknown never does) and shows the outcome.
func (r *probeRunner) onRun() {
	r.button.Disable()
	r.status.SetText(lang.X("hygiene.probe.running", "Vérification en cours… Hygie lit les réglages de l'ordinateur sans rien modifier."))
	cfg := probe.Config{BackupDir: r.backupDir()}
	list := r.m.list
	r.background(func() {
		ctx, cancel := context.WithTimeout(context.Background(), probeTimeout)
		defer cancel()
		results := runProbes(ctx, cfg)
		var err error
		if list != nil {
			_, err = list.RecordProbes(results, hygieneNow())
		}
		fyne.Do(func() { r.showResults(results, err) })
	})
}

func (r *probeRunner) showResults(results []probe.Result, err error) {
	r.button.Enable()
	if err != nil {
		fyne.LogError("record probe results", err)
		r.m.showError(err)
	}
	if r.finished != nil {
		r.finished()
	}
	r.m.changed()
	pass, fail, unknown := 0, 0, 0
	for _, res := range results {
		switch res.Status {
		case probe.Pass:
			pass++
		case probe.Fail:
			fail++
		default:
			unknown++
		}
	}
	text := lang.X("hygiene.probe.summary", "Vérifié le {{.When}} : {{.Pass}} en ordre, {{.Fail}} à corriger, {{.Unknown}}.",
		map[string]any{"When": i18n.DateTime(hygieneNow(), currentLang), "Pass": pass, "Fail": fail, "Unknown": unknownText(unknown)})
	if r.m.readOnly() {
		text += "\n" + lang.X("hygiene.probe.notsaved", "Les données étant indisponibles, ce résultat n'a pas été enregistré.") + failuresText(results)
	}
	r.status.SetText(text)
}

// unknownText counts the checks the computer could not answer, with a
// real plural.
func unknownText(n int) string {
	if n == 1 {
		return lang.X("hygiene.probe.unknown.one", "1 impossible à vérifier automatiquement (à cocher vous-même)")
	}
	return lang.X("hygiene.probe.unknown.other", "{{.Count}} impossibles à vérifier automatiquement (à cocher vous-même)", map[string]any{"Count": n})
}

// failuresText lists the failures when they cannot be shown in the list.
func failuresText(results []probe.Result) string {
	out := ""
	for _, res := range results {
		if res.Status == probe.Fail {
			for _, it := range checks.ForProbe(res.ID) {
				out += "\n• " + lang.X("hygiene.probe.failure", "{{.Item}} : {{.Evidence}}", map[string]any{"Item": it.Title(currentLang), "Evidence": res.Text(currentLang)})
			}
		}
	}
	return out
}

// probeDetails is the « Détails » disclosure under an automatic check: the
// command and what it printed, for whoever helps the practice with IT,
// kept out of the sentence the practitioner reads. Nil without details.
func probeDetails(details string) fyne.CanvasObject {
	if details == "" {
		return nil
	}
	text := widget.NewLabel(details)
	text.Wrapping = fyne.TextWrapWord
	text.Selectable = true // to copy it into a message to the IT provider
	text.SizeName = theme.SizeNameCaptionText
	return newDisclosure(lang.X("hygiene.details", "Détails"), text)
}
