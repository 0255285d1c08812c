// Package cli implements Hygie's command line: `hygie <command> [args]`.
// It needs no display, so it works over SSH and in scripts.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"

	"hygie/store"
	"hygie/version"
)

// command is one sub-command: its one-line French summary and its runner.
type command struct {
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

// commands is the dispatch table; each runner lives in its own file.
var commands = map[string]command{
	"guides":   {"cherche et affiche les guides de sécurité (list, search, show)", runGuides},
	"checks":   {"vérifie l'ordinateur (pare-feu, mises à jour, chiffrement…)", runChecks},
	"inspect":  {"analyse des messages .eml ou mbox et explique les risques", runInspect},
	"scan":     {"analyse une boîte aux lettres en lecture seule (IMAP)", runScan},
	"incident": {"journal de ce qui a été fait en cas d'attaque", runIncident},
	"alerts":   {"alertes de sécurité du CERT-FR, si vous l'activez (enable, --refresh, tags)", runAlerts},
	"status":   {"résume l'état d'hygiène pour les outils du groupe (JSON, seuils)", runStatus},
	"account":  {"enregistre les boîtes à analyser (add, list, remove ; connexion Microsoft ou Google)", runAccount},
	"practice": {"personnes et fournisseurs habituels du cabinet (list, add-person…)", runPractice},
}

// Run executes the command named by args[0] and returns the process exit
// code: 0 success, 1 failure, 2 usage error.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return usage(stderr)
	}
	switch args[0] {
	case "help", "-h", "--help":
		return runHelp(nil, stdout, stderr)
	case "version", "-v", "--version":
		return runVersion(nil, stdout, stderr)
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "hygie : commande inconnue « %s ».\n\n", args[0])
		return usage(stderr)
	}
	return cmd.run(args[1:], stdout, stderr)
}

func runVersion(_ []string, stdout, _ io.Writer) int {
	if b := version.Build("fr"); b != "" {
		fmt.Fprintf(stdout, "hygie %s (%s)\n", version.Version, b)
		return 0
	}
	fmt.Fprintf(stdout, "hygie %s\n", version.Version)
	return 0
}

func runHelp(_ []string, stdout, _ io.Writer) int {
	writeUsage(stdout)
	return 0
}

func usage(stderr io.Writer) int {
	writeUsage(stderr)
	return 2
}

func writeUsage(w io.Writer) {
	fmt.Fprint(w, "Hygie — l'hygiène informatique du cabinet de santé.\n\n")
	fmt.Fprint(w, "Usage :\n  hygie              ouvre la fenêtre\n  hygie COMMANDE …   lance une commande sans fenêtre\n\nCommandes :\n")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintf(w, "  %-10s %s\n  %-10s %s\n", "help", "affiche cette aide", "version", "affiche la version d'Hygie")
	fmt.Fprint(w, "\nAide d'une commande : hygie COMMANDE --help\n")
}

// parseOutcome turns what parsing a command's flags returned into the
// answer: --help prints the usage on stdout (exit 0), a usage error goes to
// stderr with the usage (exit 2); done is false when the command can run.
func parseOutcome(cmd, usage string, err error, stdout, stderr io.Writer) (code int, done bool) {
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, usage)
		return 0, true
	}
	if err != nil {
		fmt.Fprintf(stderr, "hygie %s : %v\n\n%s", cmd, err, usage)
		return 2, true
	}
	return 0, false
}

// verbose adds the English technical detail after the French sentence of
// an error; set by HYGIE_VERBOSE=1 (for the practice's IT provider).
var verbose = os.Getenv("HYGIE_VERBOSE") == "1"

// errorFR says in one French sentence why an operation on the data or a
// file failed, for a reader who is not in IT; the Go error stays out of
// sight unless verbose.
func errorFR(err error) string {
	var msg string
	switch {
	case errors.Is(err, store.ErrCorrupt):
		msg = "le fichier de données d'Hygie est endommagé ; Hygie ne l'a pas modifié : gardez-en une copie et demandez de l'aide à votre prestataire informatique."
	case errors.Is(err, store.ErrLocked):
		msg = "les données sont occupées par un autre programme (peut-être la fenêtre d'Hygie) ; rien n'a été perdu : réessayez dans un instant."
	case errors.Is(err, store.ErrReadOnly):
		msg = "Hygie ne peut pas écrire dans son dossier de données ; vérifiez les droits du dossier ou choisissez-en un autre avec la variable HYGIE_HOME."
	case errors.Is(err, store.ErrTooNew):
		msg = "ces données ont été créées par une version plus récente d'Hygie ; installez la dernière version."
	case errors.Is(err, fs.ErrNotExist):
		msg = "le fichier ou le dossier indiqué n'existe pas ; vérifiez le chemin."
	case errors.Is(err, fs.ErrPermission):
		msg = "accès refusé à ce fichier ou à ce dossier ; choisissez-en un autre ou vérifiez ses droits."
	default:
		msg = "l'opération n'a pas abouti ; réessayez, et si cela persiste, signalez-le à votre prestataire informatique."
	}
	if verbose {
		msg += " (détail technique : " + err.Error() + ")"
	}
	return msg
}

// countFR writes n with its noun in the right number, French style: 0 and
// 1 take the singular (« 1 message », « 0 message », « 35 messages »).
func countFR(n int, one, other string) string {
	if n < 2 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, other)
}
