package mail

import "strings"

// checkWording looks for the phrasing of pressure, credential harvesting,
// money lures, bank-detail changes, CEO fraud and blackmail.
func checkWording(a *analysis) {
	hits := phrases.match(a.text, len(families))
	for i := range families {
		f := &families[i]
		if found := f.fired(hits[i]); found != nil {
			a.add(f.rule(), quoteAll(found)...)
		}
	}
}

func quoteAll(hits []string) []string {
	out := make([]string, 0, len(hits))
	for _, h := range hits {
		out = append(out, "« "+strings.TrimSuffix(h, "*")+" »")
	}
	return out
}

// healthWords in a subject or attachment name suggest health data.
var healthWords = []string{"ordonnance", "ordonnances", "compte rendu", "compte-rendu", "comptes rendus", "bilan", "bilans", "prescription", "prescriptions", "resultats", "resultat d'analyse", "resultats d'analyse", "analyses medicales", "radiographie", "echographie", "irm", "dossier medical", "dossier patient", "lettre de liaison", "courrier medical", "certificat medical", "arret de travail", "feuille de soins", "cr operatoire", "compte rendu operatoire", "bilan kine", "bilan kinesitherapique", "bilan diagnostic kinesitherapique", "bdk"}

// notHealth are subjects where those words mean something else.
var notHealth = []string{"bilan comptable", "bilan financier", "bilan annuel", "bilan carbone", "bilan de l'annee", "bilan energetique", "resultats financiers", "resultats de recherche", "resultats du concours"}

// checkHealthData flags probable health data outside the MSSanté space.
func checkHealthData(a *analysis) {
	if channelOf(a.m, a.opts.TrustList) != ChannelOrdinary {
		return
	}
	if w := healthWord(fold(a.m.Subject, 1024)); w != "" {
		a.add("health_data_outside_mssante", "« "+w+" »")
	}
	for _, at := range a.m.Attachments {
		if w := healthWord(fold(strings.NewReplacer("_", " ", "-", " ", ".", " ").Replace(at.Name), 512)); w != "" {
			a.add("health_data_outside_mssante", at.Name)
		}
	}
	if nir := findNIR(a.m.Text + "\n" + a.m.HTMLText); nir != "" {
		a.add("health_data_outside_mssante", "NIR "+nir[:1]+" "+nir[1:3]+" … (clé valide)")
	}
}

func healthWord(s string) string {
	for _, n := range notHealth {
		if strings.Contains(s, n) {
			return ""
		}
	}
	for _, w := range healthWords {
		if containsPhrase(s, w) {
			return w
		}
	}
	return ""
}

// checkStructure looks at how the message is built: the recipient's
// address in the subject, disguised characters, malformed parts.
func checkStructure(a *analysis) {
	subj := strings.ToLower(a.m.Subject)
	for _, r := range append(append([]Address{}, a.m.To...), a.m.Cc...) {
		if r.Addr != "" && strings.Contains(subj, r.Addr) {
			a.add("recipient_in_subject", a.m.Subject)
		}
	}
	for _, s := range []string{a.m.Subject, a.from.Name} {
		if disguised(s) {
			a.add("obfuscated_text", s)
		}
	}
	if len(a.m.Problems) > 0 {
		a.add("malformed_message", a.m.Problems...)
	}
}

// disguised reports invisible characters or a word mixing scripts.
func disguised(s string) bool {
	if invisibleCount(s) > 0 || styledCount(s) > 0 {
		return true
	}
	for _, w := range strings.Fields(s) {
		if mixedScript(w) {
			return true
		}
	}
	return false
}
