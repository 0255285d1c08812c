package export

import (
	"time"

	"hygie/i18n"
)

// Form is what the practitioner adds to the journal so the PDF answers the
// CNIL's notification form and the insurer's questions. The UI fills it;
// every field may stay empty and is then printed as « non renseigné ».
type Form struct {
	Practice   string    // name of the practice
	Author     string    // who fills the form
	Discovered time.Time // when the attack was discovered (starts both clocks)
	Started    time.Time // when it began, if known
	What       string    // what happened, in a few sentences
	// DataCategories are the kinds of data concerned, e.g. ids of
	// DataCategories or free words.
	DataCategories []string
	// Patients is the approximate number of patients concerned; 0 is
	// unknown.
	Patients     int
	Consequences string // likely consequences for the patients and the practice
	Measures     string // measures taken or planned
	Calls        []Call // who was called and when
}

// Call is one person or service called about the incident.
type Call struct {
	Who  string
	At   time.Time
	Note string
}

// Category is a kind of data a practice holds, as the CNIL's form lists them.
type Category struct {
	ID    string
	Label i18n.Text
}

// DataCategories are the kinds of data a practice may have lost, for the
// form to offer as boxes to tick.
var DataCategories = []Category{
	{"identity", i18n.Text{FR: "identité et coordonnées des patients", EN: "patients' identity and contact details"}},
	{"nir", i18n.Text{FR: "numéros de sécurité sociale (NIR)", EN: "social security numbers (NIR)"}},
	{"health", i18n.Text{FR: "données de santé (bilans, comptes rendus, ordonnances)", EN: "health data (assessments, reports, prescriptions)"}},
	{"billing", i18n.Text{FR: "facturation et coordonnées bancaires", EN: "billing and bank details"}},
	{"credentials", i18n.Text{FR: "identifiants et mots de passe", EN: "sign-in names and passwords"}},
	{"mail", i18n.Text{FR: "messages échangés avec les patients et les confrères", EN: "messages with patients and colleagues"}},
}

// categoryLabel returns the French label of a category id, or the word
// itself when it is free text.
func categoryLabel(s string) string {
	for _, c := range DataCategories {
		if c.ID == s {
			return c.Label.FR
		}
	}
	return s
}
