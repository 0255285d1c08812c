package export

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"hygie/incident"
	"hygie/pdfdoc"
)

// Data is what the export shows.
type Data struct {
	Generated time.Time // when the PDF is made
	Loc       *time.Location
	Form      Form
	// Entries is the journal; exercise entries are left out.
	Entries []incident.Entry
}

// callSteps are the journal steps that record a call or a declaration.
var callSteps = map[string]bool{"call_help": true, "complaint": true, "insurer": true, "cnil": true, "patients": true}

// Write renders the incident file as PDF to w. The text uses the Go fonts
// (BSD licence, embedded from golang.org/x/image), so accents and « »
// print as typed.
func Write(w io.Writer, d Data) error {
	return write(w, d, true)
}

// write exists so the tests can ask for uncompressed pages.
func write(w io.Writer, d Data, compress bool) error {
	if d.Loc == nil {
		d.Loc = time.Local
	}
	if d.Form.Discovered.IsZero() {
		d.Form.Discovered = firstIncident(d.Entries)
	}
	pdf := pdfdoc.New("Hygie — dossier d'incident", d.Generated, compress)
	pdf.SetAutoPageBreak(true, 18)
	r := &renderer{pdf: pdf, d: d}
	pdf.SetFooterFunc(r.footer)
	pdf.AliasNbPages("{nb}")
	pdf.AddPage()
	r.header()
	r.clocks()
	r.facts()
	r.calls()
	r.journal()
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("write incident file: %w", err)
	}
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("write incident file: %w", err)
	}
	return nil
}

// firstIncident is the first real journal entry's time, the best guess of
// the discovery when the form leaves it empty.
func firstIncident(entries []incident.Entry) time.Time {
	for _, e := range entries {
		if e.Kind != incident.KindExercise {
			return e.At
		}
	}
	return time.Time{}
}

type renderer struct {
	pdf pdfdoc.Doc
	d   Data
}

func (r *renderer) text(size float64, style, s string) { r.pdf.Text(size, style, s) }

func (r *renderer) title(s string) { r.pdf.Title(13, s) }

// field prints « label : value », or « non renseigné » for an empty value.
func (r *renderer) field(label, value string) {
	if strings.TrimSpace(value) == "" {
		value = "non renseigné"
	}
	r.text(10.5, "", label+" : "+value)
}

func (r *renderer) when(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(r.d.Loc).Format("02/01/2006 à 15:04")
}

func (r *renderer) header() {
	r.text(18, "B", "Dossier d'incident informatique")
	r.text(10.5, "", "Pour la notification à la CNIL et la déclaration à l'assureur.")
	r.field("Cabinet", r.d.Form.Practice)
	r.field("Rempli par", r.d.Form.Author)
	r.field("Document établi le", r.when(r.d.Generated))
}

func (r *renderer) clocks() {
	r.title("Les deux délais de 72 heures")
	if r.d.Form.Discovered.IsZero() {
		r.text(10.5, "", "Heure de découverte non renseignée : les délais ne peuvent pas être calculés.")
		return
	}
	r.field("Découverte de l'attaque", r.when(r.d.Form.Discovered))
	for _, c := range Clocks(r.d.Form.Discovered, r.d.Generated) {
		r.pdf.Ln(1)
		r.text(10.5, "B", c.Name.FR+" : avant le "+r.when(c.Deadline))
		state := "reste " + Remaining(c)
		if c.Overdue {
			state = Remaining(c)
		}
		r.text(10.5, "", "À la date de ce document : "+state+".")
		r.text(9, "I", c.Basis.FR)
	}
}

func (r *renderer) facts() {
	f := r.d.Form
	r.title("Ce qui s'est passé")
	r.field("Début de l'attaque (si connu)", r.when(f.Started))
	r.field("Découverte", r.when(f.Discovered))
	r.field("Description", f.What)
	r.title("Données et personnes concernées")
	cats := make([]string, len(f.DataCategories))
	for i, c := range f.DataCategories {
		cats[i] = categoryLabel(c)
	}
	r.field("Catégories de données", strings.Join(cats, " ; "))
	patients := ""
	if f.Patients > 0 {
		patients = "environ " + strconv.Itoa(f.Patients)
	}
	r.field("Nombre approximatif de patients", patients)
	r.title("Conséquences probables")
	r.field("Pour les patients et le cabinet", f.Consequences)
	r.title("Mesures prises")
	r.field("Mesures prises ou prévues", f.Measures)
}

func (r *renderer) calls() {
	r.title("Qui a été appelé, et quand")
	n := 0
	for _, c := range r.d.Form.Calls {
		line := c.Who
		if !c.At.IsZero() {
			line = r.when(c.At) + " — " + c.Who
		}
		if c.Note != "" {
			line += " : " + c.Note
		}
		r.text(10.5, "", line)
		n++
	}
	for _, e := range incident.Of(r.d.Entries, incident.KindIncident) {
		if callSteps[e.StepID] {
			r.text(10.5, "", r.when(e.At)+" — "+e.Note)
			n++
		}
	}
	if n == 0 {
		r.text(10.5, "", "Aucun appel noté pour l'instant.")
	}
}

func (r *renderer) journal() {
	r.title("Journal daté")
	entries := incident.Of(r.d.Entries, incident.KindIncident)
	if len(entries) == 0 {
		r.text(10.5, "", "(aucune entrée)")
	}
	for _, e := range entries {
		r.text(10.5, "", e.At.In(r.d.Loc).Format("02/01/2006 15:04")+"  "+e.Note)
	}
}

func (r *renderer) footer() {
	r.pdf.SetY(-13)
	r.pdf.SetFont(pdfdoc.Family, "I", 8)
	r.pdf.SetTextColor(100, 100, 100)
	r.pdf.CellFormat(0, 5, fmt.Sprintf("Établi par Hygie sur cet ordinateur, sans rien envoyer sur Internet. Page %d/{nb}", r.pdf.PageNo()), "", 0, "C", false, 0, "")
	r.pdf.SetTextColor(0, 0, 0)
}
