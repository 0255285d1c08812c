package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"hygie/mail"
	"hygie/mail/mailbox"
	"hygie/practice"
	"hygie/store"
)

const practiceUsage = `Usage :
  hygie practice list [--json]
  hygie practice add-person NOM ADRESSE… [--role RÔLE]
  hygie practice add-supplier NOM DOMAINE… [--kind TYPE]
  hygie practice remove-person ID
  hygie practice remove-supplier ID

Les personnes du cabinet (associés, remplaçants, secrétariat) avec leurs
adresses habituelles, et ses fournisseurs et prestataires habituels
(comptable, éditeur du logiciel, informatique, banque) avec leurs domaines.
L'analyse des messages les connaît dès le premier jour : le nom d'un
associé sur une autre adresse, ou le domaine d'un fournisseur imité, est
signalé. Ces listes restent sur cet ordinateur.

  --role RÔLE   associé, remplaçant, secrétaire… (texte libre)
  --kind TYPE   comptable, logiciel, informatique, banque, fournisseur…
  --json        une ligne JSON : {"people":[…],"suppliers":[…]}

Exemples :
  hygie practice add-person "Hélène Garcia" helene.garcia@cabinet-martin.fr --role associée
  hygie practice add-supplier "Cabinet comptable Roche" cabinet-comptable-roche.fr --kind comptable

Code de sortie : 0 si tout s'est bien passé, 1 en cas d'échec, 2 en cas
d'erreur d'utilisation.
`

// runPractice implements `hygie practice`.
func runPractice(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, practiceUsage)
		return 2
	}
	sub, rest := args[0], args[1:]
	fs := flag.NewFlagSet("practice", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asJSON := fs.Bool("json", false, "")
	role := fs.String("role", "", "")
	kind := fs.String("kind", "", "")
	var pos []string
	err := func() error {
		if sub == "help" || sub == "-h" || sub == "--help" {
			return flag.ErrHelp
		}
		for r := rest; ; {
			if err := fs.Parse(r); err != nil {
				return flagErrorFR(err)
			}
			if fs.NArg() == 0 {
				break
			}
			pos = append(pos, fs.Arg(0))
			r = fs.Args()[1:]
		}
		switch sub {
		case "list":
			if len(pos) > 0 {
				return errors.New("list ne prend pas d'argument")
			}
		case "add-person", "add-supplier":
			if len(pos) < 2 {
				return fmt.Errorf("%s attend un nom puis au moins une adresse ou un domaine", sub)
			}
		case "remove-person", "remove-supplier":
			if len(pos) != 1 {
				return fmt.Errorf("%s attend un numéro (voir hygie practice list)", sub)
			}
			if _, err := strconv.ParseInt(pos[0], 10, 64); err != nil {
				return fmt.Errorf("« %s » n'est pas un numéro (voir hygie practice list)", pos[0])
			}
		default:
			return fmt.Errorf("sous-commande inconnue « %s »", sub)
		}
		return nil
	}()
	if code, done := parseOutcome("practice", practiceUsage, err, stdout, stderr); done {
		return code
	}
	db, err := openStore()
	if err != nil {
		fmt.Fprintf(stderr, "hygie practice : la base de données d'Hygie ne peut pas être ouverte : %v\n", err)
		return 1
	}
	defer db.Close()
	st, err := practice.Open(db)
	if err != nil {
		fmt.Fprintf(stderr, "hygie practice : %v\n", err)
		return 1
	}
	switch sub {
	case "list":
		err = listPractice(st, *asJSON, stdout)
	case "add-person":
		var id int64
		id, err = st.AddPerson(practice.Person{Name: pos[0], Role: *role, Addresses: pos[1:]})
		if err == nil {
			fmt.Fprintf(stdout, "Personne n° %d enregistrée : %s\n", id, pos[0])
		}
	case "add-supplier":
		var id int64
		id, err = st.AddSupplier(practice.Supplier{Name: pos[0], Kind: *kind, Domains: pos[1:]})
		if err == nil {
			fmt.Fprintf(stdout, "Fournisseur n° %d enregistré : %s\n", id, pos[0])
		}
	case "remove-person", "remove-supplier":
		id, _ := strconv.ParseInt(pos[0], 10, 64)
		if sub == "remove-person" {
			err = st.RemovePerson(id)
		} else {
			err = st.RemoveSupplier(id)
		}
		if err == nil {
			fmt.Fprintf(stdout, "N° %d retiré.\n", id)
		}
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, practice.ErrNotFound):
		fmt.Fprintf(stderr, "hygie practice : aucune entrée n° %s (voir hygie practice list)\n", pos[0])
	case errors.Is(err, practice.ErrInvalid):
		fmt.Fprintf(stderr, "hygie practice : %v\n", err)
	default:
		fmt.Fprintf(stderr, "hygie practice : échec : %v\n", err)
	}
	return 1
}

func listPractice(st *practice.Store, asJSON bool, stdout io.Writer) error {
	people, err := st.People()
	if err != nil {
		return err
	}
	sups, err := st.Suppliers()
	if err != nil {
		return err
	}
	if asJSON {
		if people == nil {
			people = []practice.Person{}
		}
		if sups == nil {
			sups = []practice.Supplier{}
		}
		b, _ := json.Marshal(struct {
			People    []practice.Person   `json:"people"`
			Suppliers []practice.Supplier `json:"suppliers"`
		}{people, sups})
		fmt.Fprintf(stdout, "%s\n", b)
		return nil
	}
	fmt.Fprintln(stdout, "Personnes du cabinet :")
	if len(people) == 0 {
		fmt.Fprintln(stdout, "  (aucune)")
	}
	for _, p := range people {
		fmt.Fprintf(stdout, "  %d. %s%s : %s\n", p.ID, p.Name, paren(p.Role), strings.Join(p.Addresses, ", "))
	}
	fmt.Fprintln(stdout, "Fournisseurs et prestataires :")
	if len(sups) == 0 {
		fmt.Fprintln(stdout, "  (aucun)")
	}
	for _, s := range sups {
		fmt.Fprintf(stdout, "  %d. %s%s : %s\n", s.ID, s.Name, paren(s.Kind), strings.Join(s.Domains, ", "))
	}
	return nil
}

func paren(s string) string {
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}

// knownToPractice completes opts with what Hygie's database knows of the
// practice (mailbox.Store.AnalyzerOptions), so that `hygie inspect`
// judges like the window. Without a database nothing is created and opts
// is returned as is; a database that cannot be read is said on stderr and
// the analysis goes on without it.
func knownToPractice(opts mail.Options, stderr io.Writer) mail.Options {
	dir, err := store.Dir()
	if err != nil {
		return opts
	}
	if _, err := os.Stat(filepath.Join(dir, store.FileName)); err != nil {
		return opts
	}
	db, err := store.Open(dir)
	if err == nil {
		defer db.Close()
		var mb *mailbox.Store
		if mb, err = mailbox.Open(db); err == nil {
			var full mail.Options
			if full, err = mb.AnalyzerOptions(opts, ""); err == nil {
				return full
			}
		}
	}
	fmt.Fprintf(stderr, "hygie inspect : les contacts du cabinet n'ont pas pu être lus (%v) ; analyse sans eux.\n", err)
	return opts
}
