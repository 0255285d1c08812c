package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"hygie/checks/probe"
	"hygie/i18n"
)

const checksUsage = `Usage :
  hygie checks run [--json] [--backup-dir DOSSIER] [--backup-max-age DURÉE]

Vérifie l'ordinateur sans rien modifier : pare-feu, mises à jour,
chiffrement du disque, verrouillage de l'écran, antivirus, comptes
administrateur et sauvegardes.

  --json                  résultat en JSON (id, status, code, params, text, evidence, why, remedy, duration_ms)
  --backup-dir DOSSIER    dossier ou disque où vont les sauvegardes
  --backup-max-age DURÉE  âge maximal de la dernière sauvegarde (défaut 26h, ex. 48h)
`

// runChecks implements `hygie checks`.
func runChecks(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		fmt.Fprint(stdout, checksUsage+"\n"+checklistUsage)
		return 0
	}
	if len(args) > 0 {
		if code, ok := runChecklist(args, stdout, stderr); ok { // list, tick, report: cli/checklist.go
			return code
		}
	}
	if len(args) == 0 || args[0] != "run" {
		fmt.Fprint(stderr, checksUsage+"\n"+checklistUsage)
		return 2
	}
	opts, err := parseChecksRun(args[1:])
	if code, done := parseOutcome("checks", checksUsage, err, stdout, stderr); done {
		return code
	}
	results := probe.RunAll(context.Background(), opts.cfg)
	if opts.json {
		return writeChecksJSON(stdout, stderr, results)
	}
	writeChecksTable(stdout, results)
	return 0
}

type checksOptions struct {
	json bool
	cfg  probe.Config
}

func parseChecksRun(args []string) (checksOptions, error) {
	var o checksOptions
	fs := flag.NewFlagSet("checks run", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // our own French usage is printed instead
	fs.BoolVar(&o.json, "json", false, "")
	fs.StringVar(&o.cfg.BackupDir, "backup-dir", "", "")
	fs.DurationVar(&o.cfg.BackupMaxAge, "backup-max-age", probe.DefaultBackupMaxAge, "")
	if err := fs.Parse(args); err != nil {
		return o, flagErrorFR(err)
	}
	switch {
	case fs.NArg() > 0:
		return o, fmt.Errorf("argument inattendu « %s »", fs.Arg(0))
	case o.cfg.BackupMaxAge <= 0:
		return o, fmt.Errorf("--backup-max-age doit être une durée positive (ex. 26h)")
	}
	return o, nil
}

// flagErrorFR turns the flag package's English errors into French.
func flagErrorFR(err error) error {
	msg := err.Error()
	for en, fr := range map[string]string{
		"flag provided but not defined: ": "option inconnue : ",
		"flag needs an argument: ":        "il manque la valeur de l'option ",
		"invalid value ":                  "valeur invalide ",
	} {
		if rest, ok := strings.CutPrefix(msg, en); ok {
			if i := strings.LastIndex(rest, ": "); i > 0 && en == "invalid value " {
				rest = rest[:i] // drop the parser's English detail
			}
			return errors.New(fr + strings.Replace(rest, " for flag ", " pour l'option ", 1))
		}
	}
	return err // flag.ErrHelp and anything unforeseen
}

// checkJSON is one line of `hygie checks run --json`: the reason as a code
// with its parameters for scripts, and as a French sentence (text); evidence
// is the technical details; why repeats the sentence for unknown results.
type checkJSON struct {
	ID         string       `json:"id"`
	Status     string       `json:"status"`
	Code       probe.Code   `json:"code"`
	Params     probe.Params `json:"params"`
	Text       string       `json:"text"`
	Evidence   string       `json:"evidence"`
	Why        string       `json:"why,omitempty"`
	Remedy     string       `json:"remedy"`
	DurationMS int64        `json:"duration_ms"`
}

func writeChecksJSON(stdout, stderr io.Writer, results []probe.Result) int {
	out := make([]checkJSON, 0, len(results))
	for _, r := range results {
		row := checkJSON{ID: r.ID, Status: string(r.Status), Code: r.Code, Params: r.Params, Text: r.Text("fr"),
			Evidence: r.Details, Remedy: r.Remedy, DurationMS: r.Duration.Milliseconds()}
		if r.Status == probe.Unknown {
			row.Why = row.Text
		}
		out = append(out, row)
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		fmt.Fprintf(stderr, "hygie checks : écriture impossible : %s\n", errorFR(err))
		return 1
	}
	return 0
}

// checkTitles names each probe as the checklist does.
var checkTitles = map[string]string{
	probe.Firewall:       "Pare-feu",
	probe.Updates:        "Mises à jour",
	probe.DiskEncryption: "Chiffrement du disque",
	probe.ScreenLock:     "Verrouillage de l'écran",
	probe.Antivirus:      "Antivirus",
	probe.AdminAccounts:  "Comptes administrateur",
	probe.Backup:         "Sauvegardes",
}

var statusLabels = map[probe.Status]string{
	probe.Fail:    "✗ À corriger",
	probe.Unknown: "? Non vérifiable",
	probe.Pass:    "✓ OK",
}

// writeChecksTable prints failures first, each with its guide, then what
// could not be checked and why, then what passed: each as a French
// sentence, with the command behind it on a « Détails » line.
func writeChecksTable(w io.Writer, results []probe.Result) {
	sorted := slices.Clone(results)
	rank := map[probe.Status]int{probe.Fail: 0, probe.Unknown: 1, probe.Pass: 2}
	slices.SortStableFunc(sorted, func(a, b probe.Result) int { return rank[a.Status] - rank[b.Status] })
	fmt.Fprintln(w, checksSummary(results))
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, r := range sorted {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", statusLabels[r.Status], checkTitles[r.ID], r.Text("fr"))
		if r.Details != "" {
			fmt.Fprintf(tw, "\t\tDétails : %s\n", oneLine(r.Details))
		}
		if r.Status != probe.Pass && r.Remedy != "" {
			fmt.Fprintf(tw, "\t\tGuide : hygie guides show %s\n", r.Remedy)
		}
	}
	tw.Flush()
}

func checksSummary(results []probe.Result) string {
	n := map[probe.Status]int{}
	for _, r := range results {
		n[r.Status]++
	}
	unknown := "1 non vérifiable"
	if n[probe.Unknown] != 1 {
		unknown = fmt.Sprintf("%d non vérifiables", n[probe.Unknown])
	}
	return fmt.Sprintf("Vérifications de l'ordinateur : %d OK, %d à corriger, %s — le %s",
		n[probe.Pass], n[probe.Fail], unknown, i18n.DateTime(time.Now(), i18n.FR))
}

// oneLine keeps a table row on one line whatever a command printed.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
