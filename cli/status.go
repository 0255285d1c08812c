package cli

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"io"
	"time"

	"hygie/checks"
	"hygie/checks/probe"
	"hygie/checks/status"
	"hygie/store"
)

const statusUsage = `Usage :
  hygie status [--json] [--min-score N] [--fail-on-probe-fail] [--run-checks] [--backup-dir DOSSIER]
               [--data-dir DOSSIER] [--no-write]

Résume l'état d'hygiène du cabinet (score, liste du jour, vérifications de
l'ordinateur, diagnostic, dernière analyse de la messagerie, dernière
sauvegarde) et l'enregistre dans status.json et status.db, à côté de
hygie.db, pour les outils du groupe (osquery, Wazuh, Intune, GLPI :
voir docs/fleet.md).

  --json                 le document complet en JSON (docs/status.schema.json)
  --min-score N          échoue (code 3) si le score d'hygiène est sous N (0 à 100)
  --fail-on-probe-fail   échoue (code 3) si une vérification de l'ordinateur est « à corriger »
  --run-checks           relance d'abord les vérifications de l'ordinateur et les enregistre
  --backup-dir DOSSIER   dossier des sauvegardes, avec --run-checks
  --data-dir DOSSIER     dossier des données d'Hygie (défaut : $HYGIE_HOME ou le dossier de
                         l'utilisateur) ; utile à un agent qui tourne sous un autre compte
  --no-write             n'enregistre pas status.json ni status.db

Codes de sortie : 0 seuils atteints, 1 erreur, 2 erreur d'usage, 3 seuil non atteint.
`

// statusNow is the clock of `hygie status`; tests replace it.
var statusNow = time.Now

// thresholds is what the caller asked `hygie status` to enforce; it is
// printed with the document so a script sees why it failed.
type thresholds struct {
	MinScore        *int     `json:"min_score"`
	FailOnProbeFail bool     `json:"fail_on_probe_fail"`
	Met             bool     `json:"met"`
	Failed          []string `json:"failed"` // "score", "probe:<id>"
}

type statusOptions struct {
	json, failOnProbe, runChecks, noWrite bool
	minScore                              int
	dataDir                               string
	cfg                                   probe.Config
}

// runStatus implements `hygie status`.
func runStatus(args []string, stdout, stderr io.Writer) int {
	opts, err := parseStatus(args)
	if code, done := parseOutcome("status", statusUsage, err, stdout, stderr); done {
		return code
	}
	dir, err := opts.dataDir, error(nil)
	if dir == "" {
		dir, err = store.Dir()
	}
	if err != nil {
		fmt.Fprintf(stderr, "hygie status : dossier des données introuvable (%v).\n", err)
		return 1
	}
	db, err := store.Open(dir)
	if err != nil {
		fmt.Fprintf(stderr, "hygie status : les données d'Hygie sont inaccessibles (%v).\n", err)
		return 1
	}
	defer db.Close()
	now := statusNow()
	if opts.runChecks {
		if code := recordChecks(db, opts.cfg, now, stderr); code != 0 {
			return code
		}
	}
	doc, err := status.Build(db, now)
	if err == nil && !opts.noWrite {
		err = status.Write(dir, doc)
	}
	if err != nil {
		fmt.Fprintf(stderr, "hygie status : état non enregistré (%v).\n", err)
		return 1
	}
	th := opts.check(doc)
	if err := writeStatus(stdout, opts, doc, th); err != nil {
		fmt.Fprintf(stderr, "hygie status : écriture impossible (%v).\n", err)
		return 1
	}
	if th != nil && !th.Met {
		return 3
	}
	return 0
}

func parseStatus(args []string) (statusOptions, error) {
	o := statusOptions{minScore: -1}
	fs := flag.NewFlagSet("status", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&o.json, "json", false, "")
	fs.IntVar(&o.minScore, "min-score", -1, "")
	fs.BoolVar(&o.failOnProbe, "fail-on-probe-fail", false, "")
	fs.BoolVar(&o.runChecks, "run-checks", false, "")
	fs.StringVar(&o.cfg.BackupDir, "backup-dir", "", "")
	fs.StringVar(&o.dataDir, "data-dir", "", "")
	fs.BoolVar(&o.noWrite, "no-write", false, "")
	if err := fs.Parse(args); err != nil {
		return o, flagErrorFR(err)
	}
	switch {
	case fs.NArg() > 0:
		return o, fmt.Errorf("argument inattendu « %s »", fs.Arg(0))
	case o.minScore > 100 || (o.minScore < 0 && o.minScore != -1):
		return o, fmt.Errorf("--min-score doit être entre 0 et 100")
	}
	return o, nil
}

// check applies the thresholds; nil when none was asked for.
func (o statusOptions) check(doc status.Document) *thresholds {
	if o.minScore < 0 && !o.failOnProbe {
		return nil
	}
	th := &thresholds{FailOnProbeFail: o.failOnProbe, Failed: []string{}}
	if o.minScore >= 0 {
		th.MinScore = &o.minScore
		if doc.Score.Total < o.minScore {
			th.Failed = append(th.Failed, "score")
		}
	}
	if o.failOnProbe {
		for _, id := range doc.Failed() {
			th.Failed = append(th.Failed, "probe:"+id)
		}
	}
	th.Met = len(th.Failed) == 0
	return th
}

// recordChecks runs the computer checks and records them as the window
// does, so the document says how the computer is now.
func recordChecks(db *sql.DB, cfg probe.Config, now time.Time, stderr io.Writer) int {
	c, err := checks.Open(db)
	if err != nil {
		fmt.Fprintf(stderr, "hygie status : %v\n", err)
		return 1
	}
	if _, err := c.RecordProbes(probe.RunAll(context.Background(), cfg), now); err != nil {
		fmt.Fprintf(stderr, "hygie status : vérifications non enregistrées (%v).\n", err)
		return 1
	}
	return 0
}

func writeStatus(w io.Writer, o statusOptions, doc status.Document, th *thresholds) error {
	if o.json {
		data, err := status.Marshal(struct {
			status.Document
			Thresholds *thresholds `json:"thresholds"`
		}{doc, th})
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}
	_, err := fmt.Fprint(w, statusSummary(doc, th))
	return err
}

// statusSummary is the French text of `hygie status` without --json.
func statusSummary(doc status.Document, th *thresholds) string {
	s := fmt.Sprintf("Score d'hygiène : %d / 100\n", doc.Score.Total)
	if n := len(doc.Failed()); n > 0 {
		s += fmt.Sprintf("Vérifications de l'ordinateur à corriger : %d\n", n)
	}
	if doc.Diagnostic.Level != nil {
		s += fmt.Sprintf("Diagnostic du cabinet (%s) : niveau %d sur 4\n", *doc.Diagnostic.AssessedOn, *doc.Diagnostic.Level)
	} else {
		s += "Diagnostic du cabinet : pas encore fait\n"
	}
	if m := doc.Mail.LastScan; m != nil {
		s += fmt.Sprintf("Dernière analyse de la messagerie : %s\n", plural(m.Flagged, "message suspect", "messages suspects"))
	}
	if th != nil && !th.Met {
		s += "Seuil non atteint.\n"
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
