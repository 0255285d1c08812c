// Package report writes the practice's hygiene status as a PDF, for the
// practice's records, an insurer or a data-protection officer: date, score,
// every item and its state, the last 90 days and the two-factor inventory.
// It holds no secret: the inventory keeps none.
package report

import (
	"fmt"
	"io"
	"time"

	"hygie/checks"
	"hygie/pdfdoc"
)

// Data is what the report shows.
type Data struct {
	Generated time.Time // when the report is made, local time
	Practice  string    // optional name of the practice
	// Practitioner is the optional name of the practitioner.
	Practitioner string
	Records      checks.Records
}

// Write renders the report as PDF to w.
func Write(w io.Writer, d Data) error {
	return write(w, d, true)
}

// write exists so the tests can ask for uncompressed pages and read them.
func write(w io.Writer, d Data, compress bool) error {
	pdf := pdfdoc.New("Hygie", time.Time{}, compress)
	pdf.SetAutoPageBreak(true, 18)
	r := &renderer{pdf: pdf, d: d, today: checks.DayOf(d.Generated)}
	pdf.SetFooterFunc(r.footer)
	pdf.AliasNbPages("{nb}")
	pdf.AddPage()
	r.header()
	r.score()
	r.items()
	r.history()
	r.inventory()
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("write hygiene report: %w", err)
	}
	return nil
}

// renderer draws the sections, in the Go fonts of pdfdoc (UTF-8: any sign
// of a checklist text prints as typed).
type renderer struct {
	pdf   pdfdoc.Doc
	d     Data
	today string
}

func (r *renderer) text(size float64, style, s string) { r.pdf.Text(size, style, s) }

func (r *renderer) title(s string) { r.pdf.Title(14, s) }

func (r *renderer) footer() {
	r.pdf.SetY(-13)
	r.pdf.SetFont(pdfdoc.Family, "I", 8)
	r.pdf.SetTextColor(100, 100, 100)
	r.pdf.CellFormat(0, 5, fmt.Sprintf("Rapport établi par Hygie sur cet ordinateur, sans rien envoyer sur Internet. Page %d/{nb}", r.pdf.PageNo()), "", 0, "C", false, 0, "")
	r.pdf.SetTextColor(0, 0, 0)
}

func (r *renderer) header() {
	r.pdf.SetTextColor(20, 60, 110)
	r.text(18, "B", "Hygiène informatique du cabinet")
	r.pdf.SetTextColor(0, 0, 0)
	if r.d.Practice != "" {
		r.text(12, "", r.d.Practice)
	}
	if r.d.Practitioner != "" {
		r.text(11, "", "Praticien : "+r.d.Practitioner)
	}
	r.text(11, "", "État au "+frenchDate(r.d.Generated)+", établi à "+r.d.Generated.Format("15:04")+".")
}

func (r *renderer) score() {
	s := r.d.Records.Score(r.today)
	p := r.d.Records.ProgressOn(r.today)
	r.title(fmt.Sprintf("Score d'hygiène : %d / 100", s.Total))
	r.text(10, "", fmt.Sprintf("Gestes et vérifications à jour aujourd'hui : %d sur %d. Part de la liste : %d %% ; double authentification : %d %%.",
		p.Done, p.Applicable, percent(s.Checklist), percent(s.Inventory)))
	r.text(9, "I", "Calcul : score = 80 × (part de la liste, pondérée par fréquence, sur 28 jours) + 20 × (solidité moyenne de la double authentification des comptes recensés). Les éléments non applicables sont exclus.")
	if r.d.Records.Diagnostic != nil {
		r.text(9, "I", fmt.Sprintf("Diagnostic du cabinet enregistré (%d %%, mesures faites du plan d'action comprises) : il compte pour 10 des 80 points de la liste.", percent(s.Diagnostic)))
	}
}

func percent(f float64) int { return int(f*100 + 0.5) }

// frenchDate writes "22 novembre 2026".
func frenchDate(t time.Time) string {
	months := [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	return fmt.Sprintf("%d %s %d", t.Day(), months[t.Month()-1], t.Year())
}

// dayFR writes a stored day as 22/11/2026.
func dayFR(day string) string {
	t, err := time.Parse(checks.DayLayout, day)
	if err != nil {
		return day
	}
	return t.Format("02/01/2006")
}
