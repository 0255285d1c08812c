package policy

import (
	"fmt"
	"io"
	"strings"

	"hygie/i18n"
	"hygie/pdfdoc"
)

// Write renders p as PDF to w, in French (pdfdoc: the Go fonts, so accents
// and « » print as typed).
func Write(w io.Writer, p Policy) error {
	return write(w, p, true)
}

// write exists so the tests can ask for uncompressed pages.
func write(w io.Writer, p Policy, compress bool) error {
	pdf := pdfdoc.New("Politique de sécurité du cabinet", p.Date, compress)
	pdf.SetMargins(20, 18, 20)
	pdf.SetAutoPageBreak(true, 18)
	r := &renderer{pdf: pdf, p: p}
	pdf.SetFooterFunc(r.footer)
	pdf.AliasNbPages("{nb}")
	pdf.AddPage()
	r.header()
	r.responsible()
	r.rules()
	r.contacts()
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("write security policy: %w", err)
	}
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("write security policy: %w", err)
	}
	return nil
}

type renderer struct {
	pdf pdfdoc.Doc
	p   Policy
}

func (r *renderer) text(size float64, style, s string) { r.pdf.Text(size, style, s) }

func (r *renderer) title(s string) { r.pdf.Title(13, s) }

// orUnset is value, or « non renseigné » when it is empty.
func orUnset(value string) string {
	if strings.TrimSpace(value) == "" {
		return "non renseigné"
	}
	return strings.TrimSpace(value)
}

func (r *renderer) header() {
	r.text(18, "B", "Politique de sécurité du cabinet")
	if c := strings.TrimSpace(r.p.Practice); c != "" {
		r.text(13, "", c)
	}
	r.pdf.Ln(1)
	r.text(10.5, "", fmt.Sprintf("Version %d du %s", r.p.Version, i18n.Date(r.p.Date, i18n.FR)))
	r.text(10.5, "I", "Ces règles s'appliquent à toute personne qui travaille au cabinet, remplaçants, stagiaires et secrétariat compris. Elles sont relues chaque année et après tout incident.")
}

func (r *renderer) responsible() {
	r.title("Qui est responsable")
	r.text(10.5, "", "Responsable de la sécurité informatique : "+orUnset(r.p.Responsible))
	r.text(10.5, "", "Praticien titulaire : "+orUnset(r.p.Practitioner))
	r.text(10.5, "", "Prestataire informatique : "+orUnset(r.p.ITName))
}

func (r *renderer) rules() {
	r.title("Les règles du cabinet")
	for i, rule := range r.p.Rules {
		r.pdf.KeepWithNext(25)
		r.pdf.Ln(2)
		r.text(11.5, "B", fmt.Sprintf("%d. %s", i+1, rule.Title))
		r.text(10.5, "", orUnset(rule.Text))
	}
}

func (r *renderer) contacts() {
	r.pdf.KeepWithNext(60)
	r.title("En cas d'incident")
	r.text(10.5, "", "1. Débrancher l'ordinateur du réseau (câble et Wi-Fi), sans l'éteindre.")
	r.text(10.5, "", "2. Prévenir le responsable : "+orUnset(r.p.Responsible)+".")
	r.text(10.5, "", "3. Appeler le prestataire informatique : "+contact(r.p.ITName, r.p.ITPhone)+".")
	r.text(10.5, "", "4. Déclarer le sinistre à l'assureur : "+contact(r.p.InsurerName, r.p.InsurerPhone)+contract(r.p.InsurerContract)+".")
	r.text(10.5, "", "5. Demander de l'aide : 17Cyber (cybermalveillance.gouv.fr) ; signaler une violation de données de santé à la CNIL dans les 72 heures et à l'ARS.")
	r.text(10.5, "", "Suivre pas à pas la section « En cas d'attaque » d'Hygie, qui tient le journal de ce qui est fait.")
	r.pdf.Ln(8)
	r.text(10.5, "", "Date et signature du responsable :")
}

func contact(name, phone string) string {
	name, phone = strings.TrimSpace(name), strings.TrimSpace(phone)
	switch {
	case name == "" && phone == "":
		return "non renseigné"
	case phone == "":
		return name
	case name == "":
		return phone
	}
	return name + ", " + phone
}

func contract(n string) string {
	if n = strings.TrimSpace(n); n == "" {
		return ""
	}
	return " (contrat " + n + ")"
}

func (r *renderer) footer() {
	r.pdf.SetY(-13)
	r.pdf.SetFont(pdfdoc.Family, "I", 8)
	r.pdf.SetTextColor(100, 100, 100)
	r.pdf.CellFormat(0, 5, fmt.Sprintf("Politique de sécurité, version %d du %s — établie avec Hygie. Page %d/{nb}",
		r.p.Version, i18n.Date(r.p.Date, i18n.FR), r.pdf.PageNo()), "", 0, "C", false, 0, "")
	r.pdf.SetTextColor(0, 0, 0)
}
