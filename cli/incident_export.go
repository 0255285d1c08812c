package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"hygie/incident"
	"hygie/incident/export"
)

func incidentExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("incident export", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("out", "", "fichier PDF à écrire")
	discovered := fs.String("discovered", "", "date et heure de la découverte")
	var f export.Form
	fs.StringVar(&f.What, "what", "", "ce qui s'est passé")
	data := fs.String("data", "", "catégories de données concernées")
	fs.IntVar(&f.Patients, "patients", 0, "nombre approximatif de patients")
	fs.StringVar(&f.Consequences, "consequences", "", "conséquences probables")
	fs.StringVar(&f.Measures, "measures", "", "mesures prises")
	fs.StringVar(&f.Practice, "practice", "", "nom du cabinet")
	err := fs.Parse(args)
	if err == nil && *out == "" {
		err = fmt.Errorf("indiquez le fichier à écrire avec --out FICHIER.pdf")
	}
	if err == nil && *discovered != "" {
		f.Discovered, err = time.ParseInLocation("2006-01-02 15:04", *discovered, time.Local)
		if err != nil {
			err = fmt.Errorf("date de découverte « %s » illisible : écrivez-la AAAA-MM-JJ HH:MM", *discovered)
		}
	}
	if err == nil && f.Patients < 0 {
		err = fmt.Errorf("le nombre de patients ne peut pas être négatif")
	}
	if code, done := parseOutcome("incident export", incidentUsage, err, stdout, stderr); done {
		return code
	}
	if *data != "" {
		f.DataCategories = strings.Split(*data, ",")
	}
	return writeIncidentFile(*out, f, stdout, stderr)
}

func writeIncidentFile(path string, f export.Form, stdout, stderr io.Writer) int {
	j, code := openIncidentJournal(stderr)
	if j == nil {
		return code
	}
	entries, err := j.Entries()
	if err != nil {
		fmt.Fprintf(stderr, "hygie incident : impossible de lire le journal (%v).\n", err)
		return 1
	}
	file, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(stderr, "hygie incident : impossible de créer « %s » (%v). Choisissez un autre dossier.\n", path, err)
		return 1
	}
	now := time.Now()
	err = export.Write(file, export.Data{Generated: now, Loc: time.Local, Form: f, Entries: incident.Of(entries, incident.KindIncident)})
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		fmt.Fprintf(stderr, "hygie incident : le dossier n'a pas pu être écrit (%v).\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "Dossier d'incident écrit dans %s.\n", path)
	if f.Discovered.IsZero() && len(incident.Of(entries, incident.KindIncident)) > 0 {
		f.Discovered = incident.Of(entries, incident.KindIncident)[0].At
		fmt.Fprintln(stdout, "Heure de découverte non donnée : celle de la première entrée du journal est retenue (--discovered pour la préciser).")
	}
	if !f.Discovered.IsZero() {
		for _, c := range export.Clocks(f.Discovered, now) {
			fmt.Fprintf(stdout, "- %s : avant le %s (%s).\n", c.Name.FR, c.Deadline.Local().Format("02/01/2006 à 15:04"), export.Remaining(c))
		}
	}
	return 0
}
