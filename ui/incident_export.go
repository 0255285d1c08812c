package ui

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hygie/incident"
	"hygie/incident/export"
)

// formSize fits the form dialog in a 900 × 600 window; its content scrolls.
var formSize = fyne.NewSize(720, 520)

// incidentExport is the card that turns the journal and a short form into
// the dated PDF a CNIL notification and an insurer ask for.
type incidentExport struct {
	env    *Env
	status *widget.Label
	saved  *fyne.Container // « Ouvrir » and « Afficher le dossier » once saved
	// save asks where to write the PDF; savePDF, or a temporary file in
	// the tests.
	save func(win fyne.Window, name string, write func(fyne.URIWriteCloser))
	form *exportForm // the form last opened
	// onSaved is told of the form once kept, so the clocks follow its
	// discovery time.
	onSaved func(export.Form)
}

func newIncidentExport(env *Env) *incidentExport {
	return &incidentExport{env: env, status: wrapped(""), saved: container.NewHBox(), save: savePDF}
}

func (x *incidentExport) content() fyne.CanvasObject {
	explain := wrapped(lang.X("incident.export.explain",
		"Le dossier PDF rassemble, datés, ce que demandent la notification à la CNIL et votre assureur : ce qui s'est passé et quand, les données et le nombre approximatif de patients concernés, les conséquences, les mesures prises, qui a été appelé, puis le journal."))
	btn := newButton(lang.X("incident.export.button", "Préparer le dossier PDF…"), x.onOpen)
	if x.env.form == nil || x.env.journal == nil {
		btn.Disable()
	}
	return widget.NewCard(lang.X("incident.export.title", "Dossier pour la CNIL et l'assureur"), "",
		container.NewVBox(explain, container.NewHBox(btn), x.status, x.saved))
}

// onOpen shows the form, filled with what was saved last time and the
// practice's names from Réglages.
func (x *incidentExport) onOpen() {
	if x.env.Win == nil || x.env.form == nil {
		return
	}
	f, err := x.env.form.Load()
	if err != nil {
		fyne.LogError("read incident form", err)
	}
	p := x.practice()
	if f.Practice == "" {
		f.Practice = p.Cabinet
	}
	if f.Author == "" {
		f.Author = p.Practitioner
	}
	if f.Discovered.IsZero() {
		f.Discovered = x.firstEntry()
	}
	x.form = newExportForm(f)
	x.showForm()
}

// showForm shows the form's dialog, fitted to a 900 × 600 window.
func (x *incidentExport) showForm() {
	d := newCustomConfirm(lang.X("incident.export.form.title", "Dossier d'incident"),
		lang.X("incident.export.form.save", "Enregistrer le PDF…"), lang.X("incident.export.form.cancel", "Annuler"),
		container.NewVScroll(container.NewPadded(x.form.content())), x.onFormDone, x.env.Win)
	d.Resize(formSize)
	d.Show()
}

// firstEntry is when the first real entry of the journal was written, the
// best guess of the discovery; zero when there is none.
func (x *incidentExport) firstEntry() time.Time {
	entries, err := x.env.journal.Entries()
	if err != nil {
		fyne.LogError("read journal for the incident form", err)
	}
	for _, e := range incident.Of(entries, incident.KindIncident) {
		return e.At
	}
	return time.Time{}
}

func (x *incidentExport) practice() incident.Practice {
	if x.env.journal == nil {
		return incident.Practice{}
	}
	p, err := x.env.journal.Practice()
	if err != nil {
		fyne.LogError("read practice names for the incident file", err)
	}
	return p
}

// onFormDone keeps what was typed (even on « Annuler »), then, on
// « Enregistrer », asks where to write the PDF.
func (x *incidentExport) onFormDone(ok bool) {
	f, err := x.form.read()
	if err != nil {
		if ok { // back to the form, which says what to correct
			x.form.problem.SetText(err.Error())
			x.form.problem.Show()
			x.showForm()
		}
		return
	}
	x.form.problem.Hide()
	if serr := x.env.form.Save(f); serr != nil {
		fyne.LogError("save incident form", serr)
	}
	if x.onSaved != nil {
		x.onSaved(f)
	}
	if !ok {
		return
	}
	name := "incident-" + incidentNow().Format("2006-01-02") + ".pdf"
	x.save(x.env.Win, name, func(w fyne.URIWriteCloser) {
		u := w.URI()
		msg, ok := x.write(w, f, u.Path())
		x.status.SetText(msg)
		x.saved.Objects = nil
		if ok {
			x.saved.Objects = savedActions(x.env.App, u)
		}
		x.saved.Refresh()
	})
}

// write renders the PDF and says in the screen's language how it went.
func (x *incidentExport) write(w io.WriteCloser, f export.Form, path string) (string, bool) {
	err := x.writePDF(w, f)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fyne.LogError("export incident file", err)
		return lang.X("incident.export.failed", "Le dossier n'a pas pu être écrit. Choisissez un autre dossier (une clé USB pleine ou protégée en écriture peut en être la cause)."), false
	}
	return lang.X("incident.export.done", "Dossier enregistré : {{.Path}}", map[string]any{"Path": path}), true
}

func (x *incidentExport) writePDF(w io.Writer, f export.Form) error {
	entries, err := x.env.journal.Entries()
	if err != nil {
		return fmt.Errorf("read journal: %w", err)
	}
	return export.Write(w, export.Data{Generated: incidentNow(), Form: f, Entries: incident.Of(entries, incident.KindIncident)})
}

// exportForm is the form's widgets.
type exportForm struct {
	practice, author, found, started, patients, other *field
	what, consequences, measures, calls               *textArea // Tab leaves them
	cats                                              map[string]*widget.Check
	problem                                           *widget.Label // what to correct, hidden when nothing
}

func newExportForm(f export.Form) *exportForm {
	e := &exportForm{cats: map[string]*widget.Check{}, problem: wrapped("")}
	e.problem.Importance = widget.DangerImportance
	e.problem.Hide()
	line := func(v string) *field { w := newField(); w.SetText(v); return w }
	multi := func(v string) *textArea {
		w := newTextArea()
		w.Wrapping = fyne.TextWrapWord
		w.SetMinRowsVisible(3)
		w.SetText(v)
		return w
	}
	e.practice, e.author = line(f.Practice), line(f.Author)
	e.found, e.started = line(formatWhen(f.Discovered)), line(formatWhen(f.Started))
	e.found.SetPlaceHolder(lang.X("incident.clocks.placeholder", "JJ/MM/AAAA HH:MM"))
	e.started.SetPlaceHolder(lang.X("incident.clocks.placeholder", "JJ/MM/AAAA HH:MM"))
	patients := ""
	if f.Patients > 0 {
		patients = strconv.Itoa(f.Patients)
	}
	e.patients = line(patients)
	e.what, e.consequences, e.measures = multi(f.What), multi(f.Consequences), multi(f.Measures)
	var who []string
	for _, c := range f.Calls {
		who = append(who, c.Who)
	}
	e.calls = multi(strings.Join(who, "\n"))
	var other []string
	for _, c := range f.DataCategories {
		if !knownCategory(c) {
			other = append(other, c)
		}
	}
	e.other = line(strings.Join(other, ", "))
	for _, c := range export.DataCategories {
		e.cats[c.ID] = widget.NewCheck("", nil)
		e.cats[c.ID].Checked = contains(f.DataCategories, c.ID)
	}
	return e
}

func knownCategory(id string) bool {
	for _, c := range export.DataCategories {
		if c.ID == id {
			return true
		}
	}
	return false
}

// content lays the fields out one under the other, each title above its
// field so that it wraps.
func (e *exportForm) content() fyne.CanvasObject {
	field := func(title string, w fyne.CanvasObject) fyne.CanvasObject {
		l := wrapped(title)
		l.TextStyle.Bold = true
		return container.NewVBox(l, w)
	}
	cats := container.NewVBox()
	for _, c := range export.DataCategories {
		check := e.cats[c.ID]
		title := newToggleLabel(c.Label.In(currentLang), check)
		title.TextStyle.Bold = false
		cats.Add(container.NewBorder(nil, nil, container.NewVBox(check), nil, title))
	}
	cats.Add(e.other)
	e.other.SetPlaceHolder(lang.X("incident.export.other", "Autres données, séparées par des virgules"))
	return container.NewVBox(e.problem,
		wrapped(lang.X("incident.export.form.intro", "Remplissez ce que vous savez : un champ vide est imprimé « non renseigné », et vous pourrez compléter plus tard. Ce que vous écrivez reste enregistré sur cet ordinateur.")),
		container.NewGridWithColumns(2,
			field(lang.X("incident.export.practice", "Cabinet"), e.practice),
			field(lang.X("incident.export.author", "Rempli par"), e.author)),
		container.NewGridWithColumns(2,
			field(lang.X("incident.export.found", "Découverte de l'attaque (JJ/MM/AAAA HH:MM)"), e.found),
			field(lang.X("incident.export.started", "Début de l'attaque, si connu"), e.started)),
		field(lang.X("incident.export.what", "Ce qui s'est passé"), e.what),
		field(lang.X("incident.export.data", "Données concernées"), cats),
		field(lang.X("incident.export.patients", "Nombre approximatif de patients concernés"), container.NewGridWithColumns(3, e.patients)),
		field(lang.X("incident.export.consequences", "Conséquences probables pour les patients et le cabinet"), e.consequences),
		field(lang.X("incident.export.measures", "Mesures prises ou prévues"), e.measures),
		field(lang.X("incident.export.calls", "Qui a été appelé, et quand (une ligne par appel, par exemple « 10 h 05, gendarmerie de Rennes, plainte »)"), e.calls),
	)
}

// read turns the fields into a form; a time or a number it cannot read is
// one sentence saying which field to correct.
func (e *exportForm) read() (export.Form, error) {
	f := export.Form{Practice: strings.TrimSpace(e.practice.Text), Author: strings.TrimSpace(e.author.Text),
		What: strings.TrimSpace(e.what.Text), Consequences: strings.TrimSpace(e.consequences.Text),
		Measures: strings.TrimSpace(e.measures.Text)}
	var err error
	if f.Discovered, err = parseWhen(e.found.Text); err != nil {
		return f, fmt.Errorf("%s", lang.X("incident.export.bad.found", "L'heure de la découverte n'a pas été comprise : écrivez-la sous la forme 30/11/2026 08:15, puis préparez le dossier à nouveau."))
	}
	if f.Started, err = parseWhen(e.started.Text); err != nil {
		return f, fmt.Errorf("%s", lang.X("incident.export.bad.started", "L'heure du début de l'attaque n'a pas été comprise : écrivez-la sous la forme 30/11/2026 08:15, ou laissez-la vide, puis préparez le dossier à nouveau."))
	}
	if p := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(e.patients.Text), "~")); p != "" {
		if f.Patients, err = strconv.Atoi(strings.ReplaceAll(p, " ", "")); err != nil || f.Patients < 0 {
			return f, fmt.Errorf("%s", lang.X("incident.export.bad.patients", "Le nombre de patients n'a pas été compris : écrivez un nombre, par exemple 300, puis préparez le dossier à nouveau."))
		}
	}
	for _, c := range export.DataCategories {
		if e.cats[c.ID].Checked {
			f.DataCategories = append(f.DataCategories, c.ID)
		}
	}
	for _, o := range strings.Split(e.other.Text, ",") {
		if o = strings.TrimSpace(o); o != "" {
			f.DataCategories = append(f.DataCategories, o)
		}
	}
	for _, l := range strings.Split(e.calls.Text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			f.Calls = append(f.Calls, export.Call{Who: l})
		}
	}
	return f, nil
}
