package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"hygie/incident"
)

const incidentUsage = `Usage :
  hygie incident                      les gestes à faire et qui appeler
  hygie incident log [--step ID] TEXTE  ajoute une ligne datée au journal
  hygie incident journal              affiche le journal
`

// runIncident implements `hygie incident`.
func runIncident(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printPlaybook(stdout)
		return 0
	}
	switch args[0] {
	case "log":
		return incidentLog(args[1:], stdout, stderr)
	case "journal":
		return incidentJournal(stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, incidentUsage)
		return 0
	}
	fmt.Fprint(stderr, incidentUsage)
	return 2
}

func printPlaybook(w io.Writer) {
	fmt.Fprintln(w, "En cas d'attaque, dans l'ordre :")
	for i, s := range incident.Steps {
		fmt.Fprintf(w, "%2d. %s\n    %s\n", i+1, s.Title.FR, s.Why.FR)
	}
	fmt.Fprintln(w, "\nQui appeler :")
	for _, c := range incident.Contacts {
		fmt.Fprintf(w, "- %s : %s", c.Name.FR, c.When.FR)
		for _, how := range []string{c.Phone, c.URL} {
			if how != "" {
				fmt.Fprintf(w, " %s", how)
			}
		}
		fmt.Fprintln(w)
	}
	fmt.Fprint(w, "\nNotez ce que vous faites : hygie incident log \"…\"\n")
}

func incidentLog(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("incident log", flag.ContinueOnError)
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

func incidentJournal(stdout, stderr io.Writer) int {
	j, code := openIncidentJournal(stderr)
	if j == nil {
		return code
	}
	entries, err := j.Entries()
	if err != nil {
		fmt.Fprintf(stderr, "hygie incident : impossible de lire le journal (%v).\n", err)
		return 1
	}
	p, err := j.Practice()
	if err != nil {
		p = incident.Practice{} // the journal matters more than its heading
	}
	fmt.Fprint(stdout, incident.RenderFor(p, entries, time.Local))
	return 0
}

func openIncidentJournal(stderr io.Writer) (*incident.Journal, int) {
	db, err := openStore()
	if err != nil {
		fmt.Fprintf(stderr, "hygie incident : les données de Hygie sont inaccessibles (%v).\n", err)
		return nil, 1
	}
	j, err := incident.OpenJournal(db)
	if err != nil {
		fmt.Fprintf(stderr, "hygie incident : %v\n", err)
		return nil, 1
	}
	return j, 0
}
