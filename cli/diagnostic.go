package cli

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"hygie/checks/diagnostic"
	"hygie/checks/diagnostic/policy"
	"hygie/checks/status"
	"hygie/i18n"
	"hygie/incident"
	"hygie/store"
)

const diagnosticUsage = `Usage :
  hygie diagnostic show [--json]
  hygie diagnostic answer QUESTION=RÉPONSE… [--date AAAA-MM-JJ]
  hygie diagnostic mark QUESTION à-faire|prévu|fait
  hygie diagnostic policy --out FICHIER.pdf [--responsible NOM]

Le diagnostic du cabinet : une auto-évaluation en dix thèmes (la fenêtre
d'Hygie la propose dans « Diagnostic »), un niveau par thème et un plan
d'action, les mesures les plus utiles et les plus faciles d'abord.

  show      le niveau de la dernière évaluation, par thème, et le plan
  answer    enregistre une nouvelle évaluation : les réponses de la
            précédente, les mesures faites du plan, et celles indiquées
            (oui, en-partie, non, ne-sais-pas, non-applicable)
  mark      marque une mesure du plan comme à faire, prévue ou faite
  policy    écrit la politique de sécurité du cabinet en PDF (version
            suivante), rédigée à partir des réponses et des Réglages

  --date AAAA-MM-JJ   date de l'évaluation, si elle a été faite avant
  --json              une ligne JSON : {"assessed_on", "percent", "level", "themes", "plan"}

Exemples :
  hygie diagnostic answer gov-referent=oui bak-offline=non
  hygie diagnostic mark bak-offline fait
  hygie diagnostic policy --out ~/Documents/politique-securite.pdf

Code de sortie : 0 si tout s'est bien passé, 1 en cas d'échec, 2 en cas
d'erreur d'utilisation.
`

// The command registers itself so the dispatch table in cli.go stays as
// it is.
func init() {
	commands["diagnostic"] = command{"auto-évaluation du cabinet, plan d'action, politique de sécurité (show, answer, mark, policy)", runDiagnostic}
}

// answerWords are the answers as typed on the command line.
var answerWords = map[string]diagnostic.Value{
	"oui": diagnostic.Yes, "en-partie": diagnostic.Partial, "non": diagnostic.No,
	"ne-sais-pas": diagnostic.Unknown, "non-applicable": diagnostic.NA,
	"yes": diagnostic.Yes, "partial": diagnostic.Partial, "no": diagnostic.No, "unknown": diagnostic.Unknown, "na": diagnostic.NA,
}

// markWords are the plan marks as typed.
var markWords = map[string]string{
	"à-faire": diagnostic.PlanTodo, "a-faire": diagnostic.PlanTodo, "prévu": diagnostic.PlanPlanned, "prevu": diagnostic.PlanPlanned,
	"fait": diagnostic.PlanDone, "todo": diagnostic.PlanTodo, "planned": diagnostic.PlanPlanned, "done": diagnostic.PlanDone,
}

// markFR names a plan mark.
var markFR = map[string]string{diagnostic.PlanTodo: "à faire", diagnostic.PlanPlanned: "prévu", diagnostic.PlanDone: "fait"}

// dayFR writes a stored local date as « 2 décembre 2026 ».
func dayFR(day string) string {
	t, err := time.ParseInLocation(time.DateOnly, day, time.Local)
	if err != nil {
		return day
	}
	return i18n.Date(t, i18n.FR)
}

type diagnosticArgs struct {
	sub, out, responsible string
	pos                   []string
	asJSON                bool
	day                   time.Time
}

// parseDiagnostic reads the sub-command, its flags and its arguments.
func parseDiagnostic(args []string) (diagnosticArgs, error) {
	a := diagnosticArgs{sub: args[0]}
	if a.sub == "help" || a.sub == "-h" || a.sub == "--help" {
		return a, flag.ErrHelp
	}
	fs := flag.NewFlagSet("diagnostic", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&a.asJSON, "json", false, "")
	fs.StringVar(&a.out, "out", "", "")
	fs.StringVar(&a.responsible, "responsible", "", "")
	date := fs.String("date", "", "")
	for r := args[1:]; ; {
		if err := fs.Parse(r); err != nil {
			return a, flagErrorFR(err)
		}
		if fs.NArg() == 0 {
			break
		}
		a.pos = append(a.pos, fs.Arg(0))
		r = fs.Args()[1:]
	}
	if *date != "" {
		d, err := time.ParseInLocation(time.DateOnly, *date, time.Local)
		if err != nil {
			return a, fmt.Errorf("« %s » n'est pas une date AAAA-MM-JJ", *date)
		}
		a.day = d.Add(12 * time.Hour)
	}
	switch a.sub {
	case "show":
	case "answer":
		if len(a.pos) == 0 {
			return a, errors.New("answer attend au moins une réponse QUESTION=RÉPONSE")
		}
	case "mark":
		if len(a.pos) != 2 || markWords[a.pos[1]] == "" {
			return a, errors.New("mark attend une question puis à-faire, prévu ou fait")
		}
	case "policy":
		if a.out == "" {
			return a, errors.New("policy attend --out FICHIER.pdf")
		}
	default:
		return a, fmt.Errorf("sous-commande inconnue « %s »", a.sub)
	}
	return a, nil
}

// runDiagnostic implements `hygie diagnostic`.
func runDiagnostic(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, diagnosticUsage)
		return 2
	}
	a, err := parseDiagnostic(args)
	if code, done := parseOutcome("diagnostic", diagnosticUsage, err, stdout, stderr); done {
		return code
	}
	cat, err := diagnostic.Builtin()
	if err != nil {
		fmt.Fprintf(stderr, "hygie diagnostic : %v\n", err)
		return 1
	}
	db, err := openStore()
	if err != nil {
		fmt.Fprintf(stderr, "hygie diagnostic : la base de données d'Hygie ne peut pas être ouverte : %s\n", errorFR(err))
		return 1
	}
	defer db.Close()
	st, err := diagnostic.Open(db, cat)
	if err != nil {
		fmt.Fprintf(stderr, "hygie diagnostic : %s\n", errorFR(err))
		return 1
	}
	d := &diagnosticCmd{cat: cat, st: st, stdout: stdout}
	switch a.sub {
	case "show":
		err = d.show(a.asJSON)
	case "answer":
		err = d.answer(a.pos, a.day)
	case "mark":
		err = d.mark(a.pos[0], markWords[a.pos[1]])
	case "policy":
		err = d.policy(db, a.out, a.responsible)
	}
	if err != nil {
		if errors.Is(err, diagnostic.ErrInvalid) || errors.Is(err, errUsage) {
			fmt.Fprintf(stderr, "hygie diagnostic : %v\n", err)
			return 1
		}
		fmt.Fprintf(stderr, "hygie diagnostic : %s\n", errorFR(err))
		return 1
	}
	if a.sub == "answer" || a.sub == "mark" {
		if dir, err := store.Dir(); err == nil {
			status.Update(db, dir, time.Now()) // the window does the same; `hygie status` rewrites it anyway
		}
	}
	return 0
}

// errUsage marks a French message about what was typed.
var errUsage = errors.New("")

type diagnosticCmd struct {
	cat    *diagnostic.Catalogue
	st     *diagnostic.Store
	stdout io.Writer
}

// latest is the last assessment's answers and the plan's marks.
func (d *diagnosticCmd) latest() (diagnostic.Assessment, bool, map[string]string, error) {
	a, ok, err := d.st.Latest()
	if err != nil {
		return a, ok, nil, err
	}
	states, err := d.st.PlanStates()
	return a, ok, states, err
}

func (d *diagnosticCmd) answer(pairs []string, day time.Time) error {
	prev, _, states, err := d.latest()
	if err != nil {
		return err
	}
	answers := d.cat.Start(prev.Answers, states, nil)
	for _, p := range pairs {
		id, word, _ := strings.Cut(p, "=")
		v, ok := answerWords[strings.ToLower(word)]
		if _, known := d.cat.Question(id); !known || !ok {
			return fmt.Errorf("« %s » : attendu QUESTION=oui, en-partie, non, ne-sais-pas ou non-applicable, avec une question du questionnaire (voir hygie diagnostic show)%w", p, errUsage)
		}
		answers[id] = diagnostic.Answer{Value: v, Source: diagnostic.FromUser}
	}
	if day.IsZero() {
		day = time.Now()
	}
	if _, err := d.st.Save(answers, day); err != nil {
		return err
	}
	res := d.cat.Score(answers)
	fmt.Fprintf(d.stdout, "Évaluation du %s enregistrée : %d %%.\n", i18n.Date(day, i18n.FR), res.Percent)
	return nil
}

func (d *diagnosticCmd) mark(id, state string) error {
	if err := d.st.SetPlanState(id, state, time.Now()); err != nil {
		return err
	}
	fmt.Fprintf(d.stdout, "%s : %s.\n", id, markFR[state])
	return nil
}

// shown is the JSON line of `show --json`.
type shown struct {
	AssessedOn *string                 `json:"assessed_on"`
	Percent    *int                    `json:"percent"`
	Level      *int                    `json:"level"`
	Themes     []diagnostic.ThemeScore `json:"themes"`
	Plan       []planLine              `json:"plan"`
}

type planLine struct {
	Question string `json:"question"`
	Answer   string `json:"answer"`
	State    string `json:"state"`
	Priority int    `json:"priority"`
	Who      string `json:"who"`
	Effort   string `json:"effort"`
	Guide    string `json:"guide"`
}

func (d *diagnosticCmd) show(asJSON bool) error {
	a, ok, states, err := d.latest()
	if err != nil {
		return err
	}
	res := d.cat.Score(d.cat.WithDone(a.Answers, states))
	out := shown{Themes: res.Themes, Plan: []planLine{}}
	if ok {
		out.AssessedOn = &a.Day
		if res.Level != nil {
			p, l := res.Percent, int(*res.Level)
			out.Percent, out.Level = &p, &l
		}
		for _, it := range d.cat.Plan(a.Answers, states) {
			q := it.Question
			out.Plan = append(out.Plan, planLine{q.ID, string(it.Answer), it.State, it.Priority, q.Who, q.Effort, q.Guide})
		}
	}
	if asJSON {
		return json.NewEncoder(d.stdout).Encode(out)
	}
	if !ok {
		fmt.Fprintln(d.stdout, "Aucune évaluation enregistrée. Répondez au questionnaire dans la fenêtre d'Hygie (« Diagnostic ») ou avec hygie diagnostic answer.")
		return nil
	}
	fmt.Fprintf(d.stdout, "Évaluation du %s, mesures faites du plan comprises : %s\n", dayFR(a.Day), levelFR(res.Percent, res.Level))
	for _, t := range res.Themes {
		th, _ := d.cat.Theme(t.Theme)
		fmt.Fprintf(d.stdout, "  %-42s %s\n", th.Title.FR, levelFR(t.Percent, t.Level))
	}
	fmt.Fprintf(d.stdout, "\nPlan d'action (%s) :\n", countFR(len(out.Plan), "mesure", "mesures"))
	for i, p := range out.Plan {
		q, _ := d.cat.Question(p.Question)
		fmt.Fprintf(d.stdout, "  %2d. [%s] %s (%s)\n", i+1, markFR[p.State], q.Action.FR, q.ID)
	}
	return nil
}

// levelFR is « 58 % (En progrès) », or « pas encore évalué ».
func levelFR(percent int, l *diagnostic.Level) string {
	if l == nil {
		return "pas encore évalué"
	}
	names := map[diagnostic.Level]string{diagnostic.ToBuild: "À construire", diagnostic.Progress: "En progrès", diagnostic.Solid: "Solide", diagnostic.Exemplary: "Exemplaire"}
	return fmt.Sprintf("%d %% (%s)", percent, names[*l])
}

// policy writes the next version of the security policy to out, drafted
// from the latest answers (plan items done count as met) and Réglages.
func (d *diagnosticCmd) policy(db *sql.DB, out, responsible string) error {
	a, _, states, err := d.latest()
	if err != nil {
		return err
	}
	var c policy.Contacts
	j, err := incident.OpenJournal(db)
	if err != nil {
		return err
	}
	pr, err := j.Practice()
	if err != nil {
		return err
	}
	c = policy.Contacts{Practice: pr.Cabinet, Practitioner: pr.Practitioner, ITName: pr.ITName, ITPhone: pr.ITPhone,
		InsurerName: pr.InsurerName, InsurerPhone: pr.InsurerPhone, InsurerContract: pr.InsurerContract}
	p := policy.Draft(d.cat, d.cat.WithDone(a.Answers, states), c)
	if responsible != "" {
		p.Responsible = responsible
	}
	ps, err := policy.Open(db)
	if err != nil {
		return err
	}
	if p.Version, err = ps.Next(); err != nil {
		return err
	}
	p.Date = time.Now()
	var b bytes.Buffer
	if err := policy.Write(&b, p); err != nil {
		return err
	}
	if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
		return err
	}
	if err := ps.Record(p); err != nil {
		return err
	}
	fmt.Fprintf(d.stdout, "Politique de sécurité, version %d, enregistrée : %s\n", p.Version, out)
	return nil
}
