package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"
	"time"

	"hygie/checks"
	"hygie/checks/report"
	"hygie/i18n"
)

const checklistUsage = `Usage :
  hygie checks list [--json]          la liste d'hygiène et son état du jour
  hygie checks tick ID [--undo]       coche (ou décoche) un geste pour aujourd'hui
  hygie checks report --out FICHIER.pdf   exporte le rapport d'hygiène en PDF
`

// checklistNow is the clock of the checklist commands; tests replace it.
var checklistNow = time.Now

// runChecklist dispatches list, tick and report; ok is false for any
// other sub-command, which `hygie checks` handles itself.
func runChecklist(args []string, stdout, stderr io.Writer) (code int, ok bool) {
	switch args[0] {
	case "list":
		return runChecksList(args[1:], stdout, stderr), true
	case "tick":
		return runChecksTick(args[1:], stdout, stderr), true
	case "report":
		return runChecksReport(args[1:], stdout, stderr), true
	}
	return 0, false
}

func openChecklist(stderr io.Writer) (*checks.Checklist, int) {
	db, err := openStore()
	if err != nil {
		fmt.Fprintf(stderr, "hygie checks : les données d'Hygie sont inaccessibles : %s\n", errorFR(err))
		return nil, 1
	}
	c, err := checks.Open(db)
	if err != nil {
		fmt.Fprintf(stderr, "hygie checks : %s\n", errorFR(err))
		return nil, 1
	}
	return c, 0
}

func loadChecklist(stderr io.Writer) (checks.Records, int) {
	c, code := openChecklist(stderr)
	if c == nil {
		return checks.Records{}, code
	}
	rec, err := c.Load()
	if err != nil {
		fmt.Fprintf(stderr, "hygie checks : lecture impossible : %s\n", errorFR(err))
		return rec, 1
	}
	return rec, 0
}

// runChecksList implements `hygie checks list [--json]`.
func runChecksList(args []string, stdout, stderr io.Writer) int {
	asJSON := false
	for _, a := range args {
		if a != "--json" && a != "-json" {
			fmt.Fprintf(stderr, "hygie checks list : option inconnue « %s ».\n\n%s", a, checklistUsage)
			return 2
		}
		asJSON = true
	}
	rec, code := loadChecklist(stderr)
	if code != 0 {
		return code
	}
	entries := rec.Entries(checks.DayOf(checklistNow()), "fr")
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(entries); err != nil {
			fmt.Fprintf(stderr, "hygie checks list : la liste n'a pas pu être écrite : %s\n", errorFR(err))
			return 1
		}
		return 0
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	for _, e := range entries {
		mark := "à faire"
		switch {
		case e.NotApplicable:
			mark = "non applicable"
		case e.DoneToday:
			mark = "fait"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", e.ID, e.Frequency.Text(i18n.FR), mark, e.Title)
	}
	tw.Flush()
	return 0
}

// runChecksTick implements `hygie checks tick ID [--undo]`.
func runChecksTick(args []string, stdout, stderr io.Writer) int {
	var id string
	undo := false
	for _, a := range args {
		switch {
		case a == "--undo" || a == "-undo":
			undo = true
		case id == "" && len(a) > 0 && a[0] != '-':
			id = a
		default:
			fmt.Fprintf(stderr, "hygie checks tick : argument inattendu « %s ».\n\n%s", a, checklistUsage)
			return 2
		}
	}
	it, ok := checks.Find(id)
	if !ok {
		fmt.Fprintf(stderr, "hygie checks tick : « %s » n'est pas un geste de la liste ; voir « hygie checks list ».\n", id)
		return 2
	}
	c, code := openChecklist(stderr)
	if c == nil {
		return code
	}
	now := checklistNow()
	if undo {
		return untick(c, it, now, stdout, stderr)
	}
	if err := c.Tick(it.ID, now); err != nil {
		fmt.Fprintf(stderr, "hygie checks tick : non enregistré, rien n'a été perdu : %s\n", errorFR(err))
		return 1
	}
	fmt.Fprintf(stdout, "Coché pour le %s : %s\n", i18n.Date(now, i18n.FR), it.Title(i18n.FR))
	return 0
}

func untick(c *checks.Checklist, it checks.Item, now time.Time, stdout, stderr io.Writer) int {
	removed, err := c.Untick(it.ID, now)
	if err != nil {
		fmt.Fprintf(stderr, "hygie checks tick : non enregistré, rien n'a été perdu : %s\n", errorFR(err))
		return 1
	}
	if removed {
		fmt.Fprintf(stdout, "Coche du %s retirée : %s\n", i18n.Date(now, i18n.FR), it.Title(i18n.FR))
	} else {
		fmt.Fprintf(stdout, "Aucune coche aujourd'hui pour : %s\n", it.Title(i18n.FR))
	}
	return 0
}

// runChecksReport implements `hygie checks report --out FILE.pdf`.
func runChecksReport(args []string, stdout, stderr io.Writer) int {
	out := ""
	for i := 0; i < len(args); i++ {
		switch {
		case (args[i] == "--out" || args[i] == "-out") && i+1 < len(args):
			out = args[i+1]
			i++
		default:
			fmt.Fprintf(stderr, "hygie checks report : argument inattendu « %s ».\n\n%s", args[i], checklistUsage)
			return 2
		}
	}
	if out == "" {
		fmt.Fprintf(stderr, "hygie checks report : indiquez le fichier avec --out FICHIER.pdf.\n\n%s", checklistUsage)
		return 2
	}
	rec, code := loadChecklist(stderr)
	if code != 0 {
		return code
	}
	if err := writeReportFile(out, report.Data{Generated: checklistNow(), Records: rec}); err != nil {
		fmt.Fprintf(stderr, "hygie checks report : le rapport n'a pas pu être écrit : %s\n", errorFR(err))
		return 1
	}
	fmt.Fprintf(stdout, "Rapport enregistré : %s\n", out)
	return 0
}

// writeReportFile writes through a temporary file renamed at the end, so a
// failure never leaves half a report under the chosen name.
func writeReportFile(path string, d report.Data) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".hygie-rapport-*.pdf")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	werr := report.Write(tmp, d)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
