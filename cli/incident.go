package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"hygie/incident"
	"hygie/incident/export"
)

const incidentUsage = `Usage :
  hygie incident                        les gestes à faire et qui appeler
  hygie incident add [--step ID] TEXTE  ajoute une ligne datée au journal (aussi : log)
  hygie incident list [--json]          affiche le journal (aussi : journal)
  hygie incident export --out FICHIER.pdf [--discovered "AAAA-MM-JJ HH:MM"]
        [--what TEXTE] [--data identity,nir,health,billing,credentials,mail]
        [--patients N] [--consequences TEXTE] [--measures TEXTE] [--practice NOM]
                                        le dossier daté pour la CNIL et l'assureur, avec les
                                        deux délais de 72 heures
`

// runIncident implements `hygie incident`.
func runIncident(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printPlaybook(stdout)
		return 0
	}
	switch args[0] {
	case "add", "log":
		return incidentLog(args[1:], stdout, stderr)
	case "list", "journal":
		return incidentJournal(args[1:], stdout, stderr)
	case "export":
		return incidentExport(args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, incidentUsage)
		return 0
	}
	fmt.Fprint(stderr, incidentUsage)
	return 2
}

func printPlaybook(w io.Writer) {
	fmt.Fprintln(w, "En cas d'attaque, dans l'ordre :")
	for i, s := range incident.Steps() {
		fmt.Fprintf(w, "%2d. %s\n    %s\n", i+1, s.Title.FR, s.Why.FR)
	}
	fmt.Fprintln(w, "\nQui appeler :")
	for _, c := range incident.Contacts() {
		fmt.Fprintf(w, "- %s : %s", c.Name.FR, c.When.FR)
		for _, how := range []string{c.Phone, c.URL} {
			if how != "" {
				fmt.Fprintf(w, " %s", how)
			}
		}
		fmt.Fprintln(w)
	}
	fmt.Fprint(w, "\nNotez ce que vous faites : hygie incident add \"…\"\n")
}

func incidentLog(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("incident add", flag.ContinueOnError)
	fs.SetOutput(stderr)
	step := fs.String("step", "", "identifiant du geste accompli")
	if err := fs.Parse(args); err != nil || fs.NArg() == 0 {
		fmt.Fprint(stderr, incidentUsage)
		return 2
	}
	j, code := openIncidentJournal(stderr)
	if j == nil {
		return code
	}
	e, err := j.Add(time.Now(), *step, strings.Join(fs.Args(), " "))
	if err != nil {
		fmt.Fprintf(stderr, "hygie incident : l'entrée n'a pas été enregistrée (%v).\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "Noté le %s.\n", e.At.Local().Format("02/01/2006 à 15:04"))
	return 0
}

func incidentJournal(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("incident list", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asJSON := fs.Bool("json", false, "sortie JSON")
	err := fs.Parse(args)
	if err == nil && fs.NArg() > 0 {
		err = fmt.Errorf("argument inattendu « %s »", fs.Arg(0))
	}
	if code, done := parseOutcome("incident list", incidentUsage, err, stdout, stderr); done {
		return code
	}
	j, code := openIncidentJournal(stderr)
	if j == nil {
		return code
	}
	entries, err := j.Entries()
	if err != nil {
		fmt.Fprintf(stderr, "hygie incident : impossible de lire le journal (%v).\n", err)
		return 1
	}
	if *asJSON {
		return writeEntriesJSON(stdout, stderr, entries)
	}
	p, err := j.Practice()
	if err != nil {
		p = incident.Practice{} // the journal matters more than its heading
	}
	fmt.Fprint(stdout, incident.RenderFor(p, entries, time.Local))
	return 0
}

// jsonEntry is one journal line as `incident list --json` prints it.
type jsonEntry struct {
	At   time.Time `json:"at"`
	Kind string    `json:"kind"`
	Step string    `json:"step,omitempty"`
	Note string    `json:"note"`
}

func writeEntriesJSON(stdout, stderr io.Writer, entries []incident.Entry) int {
	out := make([]jsonEntry, 0, len(entries))
	for _, e := range entries {
		out = append(out, jsonEntry{At: e.At, Kind: string(e.Kind), Step: e.StepID, Note: e.Note})
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		fmt.Fprintf(stderr, "hygie incident : %v\n", err)
		return 1
	}
	return 0
}

func openIncidentJournal(stderr io.Writer) (*incident.Journal, int) {
	db, err := openStore()
	if err != nil {
		fmt.Fprintf(stderr, "hygie incident : les données d'Hygie sont inaccessibles (%v).\n", err)
		return nil, 1
	}
	j, err := incident.OpenJournal(db)
	if err != nil {
		fmt.Fprintf(stderr, "hygie incident : %v\n", err)
		return nil, 1
	}
	return j, 0
}

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
