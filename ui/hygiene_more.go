package ui

import (
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"hygie/checks/report"
	"hygie/i18n"
)

// reminderScreen holds the daily reminder's settings, the PDF export and
// how the score is computed.
type reminderScreen struct {
	m      *hygieneModel
	on     *widget.Check
	at     *widget.Entry
	next   *widget.Label
	status *widget.Label
	saved  *fyne.Container // « Ouvrir » and « Afficher le dossier » once a report is saved
}

func newReminderScreen(m *hygieneModel) *reminderScreen {
	p := m.env.App.Preferences()
	s := &reminderScreen{m: m, at: widget.NewEntry(), next: widget.NewLabel(""), status: wrapped(""), saved: container.NewHBox()}
	s.at.SetText(p.StringWithFallback(prefReminderAt, defaultReminder))
	s.at.Validator = func(v string) error { _, _, err := parseClock(v); return err }
	s.at.OnChanged = func(v string) {
		if _, _, err := parseClock(v); err == nil {
			p.SetString(prefReminderAt, v)
			s.changed()
		}
	}
	s.on = widget.NewCheck(lang.X("hygiene.reminder.on", "Me rappeler chaque jour les gestes restants, à l'heure suivante (pendant qu'Hygie est ouvert) :"), nil)
	s.on.SetChecked(p.Bool(prefReminderOn))
	s.on.OnChanged = func(v bool) {
		p.SetBool(prefReminderOn, v)
		s.changed()
	}
	s.changed()
	return s
}

// changed re-arms the reminder and says when it will come.
func (s *reminderScreen) changed() {
	if r := s.m.env.reminder; r != nil {
		r.reschedule()
	}
	if !s.on.Checked {
		s.next.SetText(lang.X("hygiene.reminder.off", "Pas de rappel."))
		return
	}
	next, err := nextReminder(hygieneNow(), s.at.Text)
	if err != nil {
		s.next.SetText(lang.X("hygiene.reminder.bad", "Heure à écrire sous la forme 08:30."))
		return
	}
	s.next.SetText(lang.X("hygiene.reminder.next", "Prochain rappel : {{.When}}, s'il reste des gestes à faire.", map[string]any{"When": i18n.DateTime(next, currentLang)}))
}

func (s *reminderScreen) content() fyne.CanvasObject {
	s.at.SetPlaceHolder("08:30")
	reminderCard := widget.NewCard(lang.X("hygiene.reminder.card", "Rappel quotidien"), "",
		container.NewVBox(s.on, container.NewGridWithColumns(3, s.at), s.next, wrapped(lang.X("hygiene.reminder.tray",
			"Quand le rappel est activé, Hygie se place dans la zone de notification dès son démarrage suivant : fermer sa fenêtre le laisse alors tourner pour le rappel, son icône la rouvre, et « Quitter » dans son menu l'arrête."))))
	export := newButton(lang.X("hygiene.report.export", "Exporter le rapport PDF…"), s.onExport)
	explain := wrapped(lang.X("hygiene.report.explain", "Le rapport reprend la date, le score, chaque geste et son état, les 90 derniers jours et l'inventaire de la double authentification (sans aucun secret). Il sert pour les archives du cabinet, un assureur ou un délégué à la protection des données."))
	reportCard := widget.NewCard(lang.X("hygiene.report.card", "Rapport"), "", container.NewVBox(explain, container.NewHBox(export), s.status, s.saved))
	formula := wrapped(lang.X("hygiene.score.formula", "Le score va de 0 à 100. La liste compte pour 80 points : chaque geste non applicable est exclu, les autres pèsent selon leur fréquence (1 pour un geste quotidien, 2 hebdomadaire ou mensuel, 3 annuel ou unique). Un geste quotidien compte pour la part des 28 derniers jours où il a été fait, un geste hebdomadaire pour la part des 4 dernières semaines, les autres comptent s'ils sont à jour. Un geste dont la vérification automatique a échoué compte 0. La double authentification compte pour 20 points : moyenne des comptes recensés (clé ou carte CPS 1, application ou validation dans l'application de la banque 0,9, SMS 0,5, aucune 0). Les gestes « double authentification » de la liste suivent cet inventaire dès qu'un compte du même type y est recensé.") + " " + diagnosticScoreNote())
	scoreCard := widget.NewCard(lang.X("hygiene.score.card", "Comment le score est calculé"), "", formula)
	return container.NewVScroll(container.NewVBox(reminderCard, reportCard, scoreCard))
}

func (s *reminderScreen) onExport() {
	savePDF(s.m.env.Win, "hygiene-"+s.m.today()+".pdf", func(w fyne.URIWriteCloser) {
		u := w.URI()
		msg, ok := s.export(w, u.Path())
		s.status.SetText(msg)
		if ok {
			s.showSaved(u)
		}
	})
}

// savePDF asks where to save a PDF named name, starting in Documents, and
// hands the file to write; nothing happens when the user cancels.
func savePDF(win fyne.Window, name string, write func(fyne.URIWriteCloser)) {
	if win == nil {
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		write(w)
	}, win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	if dir, err := storage.ListerForURI(storage.NewFileURI(documentsDir())); err == nil {
		d.SetLocation(dir)
	}
	d.Show()
}

// documentsDir is where a report is first offered: the user's Documents
// folder (its localised name on Linux from XDG), else the home folder.
func documentsDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	candidates := []string{os.Getenv("XDG_DOCUMENTS_DIR"), filepath.Join(home, "Documents")}
	for _, d := range candidates {
		if d == "" {
			continue
		}
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			return d
		}
	}
	return home
}

// export writes the report and says in French how it went; ok is false
// when it failed.
func (s *reminderScreen) export(w io.WriteCloser, path string) (msg string, ok bool) {
	err := writeReport(s.m, w)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fyne.LogError("export hygiene report", err)
		return lang.X("hygiene.report.failed", "Le rapport n'a pas pu être écrit. Choisissez un autre dossier (une clé USB pleine ou protégée en écriture peut en être la cause)."), false
	}
	return lang.X("hygiene.report.done", "Rapport enregistré : {{.Path}}", map[string]any{"Path": path}), true
}

// showSaved offers to open the saved report or the folder that holds it.
func (s *reminderScreen) showSaved(u fyne.URI) {
	s.saved.Objects = savedActions(s.m.env.App, u)
	s.saved.Refresh()
}

// savedActions are « Ouvrir » and « Afficher le dossier » for a file just
// saved at u.
func savedActions(app fyne.App, u fyne.URI) []fyne.CanvasObject {
	open := func(target fyne.URI) {
		parsed, err := url.Parse(target.String())
		if err != nil {
			return
		}
		if err := app.OpenURL(parsed); err != nil {
			fyne.LogError("open "+target.String(), err)
		}
	}
	out := []fyne.CanvasObject{
		newButton(lang.X("hygiene.report.open", "Ouvrir"), func() { open(u) }),
	}
	if dir, err := storage.Parent(u); err == nil {
		out = append(out, newButton(lang.X("hygiene.report.folder", "Afficher le dossier"), func() { open(dir) }))
	}
	return out
}

// writeReport renders the current records as the PDF report.
func writeReport(m *hygieneModel, w io.Writer) error {
	m.load()
	d := report.Data{Generated: hygieneNow(), Records: m.rec}
	if j := m.env.journal; j != nil {
		if p, err := j.Practice(); err == nil {
			d.Practice, d.Practitioner = p.Cabinet, p.Practitioner
		} else {
			fyne.LogError("read practice names for the report", err)
		}
	}
	if err := report.Write(w, d); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}
