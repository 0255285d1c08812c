package report

import (
	"fmt"

	"hygie/checks"
	"hygie/checks/probe"
	"hygie/i18n"
	"hygie/pdfdoc"
)

var freqFR = map[checks.Frequency]string{
	checks.Daily: "chaque jour", checks.Weekly: "chaque semaine", checks.Monthly: "chaque mois",
	checks.Yearly: "chaque année", checks.Once: "une fois",
}

func (r *renderer) items() {
	r.title("Gestes et vérifications")
	_, pageH := r.pdf.GetPageSize()
	for _, s := range r.d.Records.States(r.today) {
		if r.pdf.GetY() > pageH-35 { // keep an item with its state
			r.pdf.AddPage()
		}
		r.pdf.SetFont(pdfdoc.Family, "B", 10)
		r.pdf.MultiCell(0, pdfdoc.LineH, s.Item.Title(i18n.FR)+" ("+freqFR[s.Item.Freq]+")", "", "L", false)
		left, _, _, _ := r.pdf.GetMargins()
		r.pdf.SetLeftMargin(left + 6) // indent the state, wrapped lines included
		r.pdf.SetX(left + 6)
		r.stateColour(s.Status)
		r.pdf.SetFont(pdfdoc.Family, "", 9)
		r.pdf.MultiCell(0, pdfdoc.LineH-0.5, stateText(s), "", "L", false)
		if d := probeDetails(s); d != "" {
			r.pdf.SetTextColor(100, 100, 100)
			r.pdf.SetFont(pdfdoc.Family, "", 7)
			r.pdf.MultiCell(0, pdfdoc.LineH-1.5, "Détails : "+d, "", "L", false)
		}
		r.pdf.SetTextColor(0, 0, 0)
		r.pdf.SetLeftMargin(left)
		r.pdf.Ln(1)
	}
}

func (r *renderer) stateColour(st checks.Status) {
	switch st {
	case checks.Failed:
		r.pdf.SetTextColor(170, 20, 20)
	case checks.Due:
		r.pdf.SetTextColor(150, 90, 0)
	case checks.Done:
		r.pdf.SetTextColor(20, 110, 40)
	default:
		r.pdf.SetTextColor(90, 90, 90)
	}
}

// stateText says where an item stands, in plain French: what an automatic
// check found is its sentence; the command behind it goes in probeDetails.
func stateText(s checks.State) string {
	switch s.Status {
	case checks.NotApplicableStatus:
		return "Non applicable : " + s.NA.Reason
	case checks.Failed:
		return fmt.Sprintf("Vérification automatique en échec le %s : %s", dayFR(checks.DayOf(s.Probe.At.Local())), s.Probe.Text("fr"))
	case checks.Done:
		if s.Last.Source != checks.Automatic {
			return "Fait le " + dayFR(s.Last.Day)
		}
		if s.Probe.Status == probe.Pass {
			return fmt.Sprintf("Vérifié automatiquement le %s : %s", dayFR(s.Last.Day), s.Probe.Text("fr"))
		}
		return "Vérifié automatiquement le " + dayFR(s.Last.Day) + "."
	}
	due := "À faire"
	if s.Ticked() {
		due += " (dernière fois le " + dayFR(s.Last.Day) + ")"
	}
	if s.Probe.Status == probe.Unknown {
		due += ". Non vérifiable automatiquement : " + s.Probe.Text("fr")
	}
	return due
}

// probeDetails is the technical line under a state that an automatic
// check explains: the command and what it printed.
func probeDetails(s checks.State) string {
	switch {
	case s.Status == checks.Failed, s.Status == checks.Due && s.Probe.Status == probe.Unknown:
		return s.Probe.Details
	case s.Status == checks.Done && s.Last.Source == checks.Automatic:
		return s.Last.Evidence
	}
	return ""
}

func (r *renderer) history() {
	hist := r.d.Records.History(r.today, checks.HistoryDays)
	complete, sum := 0, 0.0
	for _, d := range hist {
		sum += d.Fraction()
		if d.Complete() {
			complete++
		}
	}
	r.title(fmt.Sprintf("Les %d derniers jours", checks.HistoryDays))
	r.text(10, "", fmt.Sprintf("Jours complets : %d sur %d. Série en cours : %s. Taux moyen de réalisation : %d %%.",
		complete, len(hist), days(r.d.Records.Streak(r.today)), percent(sum/float64(len(hist)))))
	r.heatMap(hist)
}

// heatMap draws one small square per day, a column per week, darker green
// for a more complete day, grey for a day with nothing done.
func (r *renderer) heatMap(hist []checks.DayStat) {
	const size, gap = 4.0, 1.0
	x0, y0 := r.pdf.GetX(), r.pdf.GetY()+2
	for i, d := range hist {
		col, row := i/7, i%7
		f := d.Fraction()
		if f == 0 {
			r.pdf.SetFillColor(225, 225, 225)
		} else {
			r.pdf.SetFillColor(int(200-150*f), int(230-90*f), int(200-150*f))
		}
		r.pdf.Rect(x0+float64(col)*(size+gap), y0+float64(row)*(size+gap), size, size, "F")
	}
	r.pdf.SetY(y0 + 7*(size+gap) + 2)
	r.text(8, "I", "Chaque carré est un jour, du plus ancien (en haut à gauche) à aujourd'hui ; plus il est vert, plus la liste était complète.")
}

var kindFR = map[checks.Kind]string{
	checks.KindMail: "messagerie", checks.KindMSSante: "MSSanté", checks.KindSoftware: "logiciel métier",
	checks.KindAmeliPro: "Ameli Pro", checks.KindBank: "banque", checks.KindDoctolib: "Doctolib", checks.KindOther: "autre",
}

var methodFR = map[checks.Method]string{
	checks.MethodSMS: "SMS", checks.MethodApp: "application", checks.MethodBankApp: "validation dans l'application de la banque", checks.MethodKey: "clé de sécurité", checks.MethodCPS: "carte CPS ou e-CPS",
}

var adviceFR = map[checks.Advice]string{
	checks.AdviceEnable:     "à activer en priorité",
	checks.AdviceReplaceSMS: "préférer une application, une clé ou la carte CPS au SMS",
	checks.AdviceSayMethod:  "méthode à préciser",
	checks.AdviceNothing:    "bien protégé",
}

func (r *renderer) inventory() {
	r.title("Double authentification des comptes")
	sugg := checks.Suggestions(r.d.Records.Accounts)
	if len(sugg) == 0 {
		r.text(10, "", "Aucun compte recensé pour l'instant.")
	}
	for _, s := range sugg {
		a := s.Account
		state := "désactivée"
		if a.Enabled {
			state = "activée"
			if m := methodFR[a.Method]; m != "" {
				state += " (" + m + ")"
			}
		}
		r.text(10, "", fmt.Sprintf("%s — %s — double authentification %s : %s.", a.Name, kindFR[a.Kind], state, adviceFR[s.Advice]))
	}
	r.pdf.Ln(1)
	r.text(8, "I", "Hygie n'enregistre aucun mot de passe, code ni clé de secours : seulement ces informations.")
}

// days writes a number of days in French: « 1 jour », « 3 jours ».
func days(n int) string {
	if n < 2 {
		return fmt.Sprintf("%d jour", n)
	}
	return fmt.Sprintf("%d jours", n)
}
