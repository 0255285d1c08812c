package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"hygie/alerts"
)

const alertsUsage = `Usage :
  hygie alerts [--refresh]     les dernières alertes de sécurité du CERT-FR, gardées pour être
                               lues hors ligne ; si la lecture est activée, le site est relu
                               une fois par jour au plus, ou tout de suite avec --refresh
  hygie alerts enable          autorise Hygie à lire les alertes publiques du CERT-FR
  hygie alerts disable         n'y autorise plus Hygie (les alertes gardées restent lisibles)
  hygie alerts tags [ID…]      les logiciels du cabinet à surligner dans les alertes
`

// alertFeeds and alertClient are what `hygie alerts` reads with; the tests
// point them at a local server.
var (
	alertFeeds  = alerts.Feeds
	alertClient = &http.Client{Timeout: alerts.Timeout}
)

// runAlerts implements `hygie alerts`.
func runAlerts(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "enable", "disable":
			return alertsOptIn(args[0] == "enable", stdout, stderr)
		case "tags":
			return alertsTags(args[1:], stdout, stderr)
		}
	}
	fs := flag.NewFlagSet("alerts", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	refresh := fs.Bool("refresh", false, "relit le site du CERT-FR")
	err := fs.Parse(args)
	if err == nil && fs.NArg() > 0 {
		err = fmt.Errorf("argument inattendu « %s »", fs.Arg(0))
	}
	if code, done := parseOutcome("alerts", alertsUsage, err, stdout, stderr); done {
		return code
	}
	c, code := openAlerts(stderr)
	if c == nil {
		return code
	}
	// Without --refresh, a check is made only when opted in and a day has
	// passed since the last one; with it, at once (still only if opted in).
	failed := false
	on, _ := c.OptedIn()
	if *refresh || on {
		if _, err := c.Refresh(context.Background(), alertClient, alertFeeds(), time.Now(), *refresh); err != nil {
			fmt.Fprintln(stderr, alertsErrorText(err))
			if errors.Is(err, alerts.ErrOptInOff) {
				return 1
			}
			failed = true // still show what was kept
		}
	}
	if code := printAlerts(c, stdout, stderr); code != 0 || failed {
		return 1
	}
	return 0
}

func alertsErrorText(err error) string {
	if txt, ok := alerts.ErrorText(err); ok {
		return "hygie alerts : " + txt.FR
	}
	return fmt.Sprintf("hygie alerts : les alertes n'ont pas pu être lues (%v).", err)
}

func printAlerts(c *alerts.Cache, stdout, stderr io.Writer) int {
	items, err := c.Items(20)
	if err != nil {
		fmt.Fprintln(stderr, alertsErrorText(err))
		return 1
	}
	ticked, _ := c.Ticked()
	last, _ := c.LastCheck()
	if len(items) == 0 {
		fmt.Fprintln(stdout, "Aucune alerte enregistrée.")
		if on, _ := c.OptedIn(); !on {
			fmt.Fprintln(stdout, "Pour lire les alertes du CERT-FR : hygie alerts enable, puis hygie alerts --refresh.")
		}
		return 0
	}
	fmt.Fprintf(stdout, "Alertes du CERT-FR (dernière lecture le %s) :\n", last.Local().Format("02/01/2006 à 15:04"))
	for _, it := range items {
		mark := " "
		if m := it.Matches(ticked); len(m) > 0 {
			mark = "!"
		}
		fmt.Fprintf(stdout, "%s %s  %s\n    %s\n", mark, it.Published.Local().Format("02/01/2006"), it.Title, it.Link)
	}
	if len(ticked) > 0 {
		fmt.Fprintln(stdout, "\n! : concerne un logiciel que vous avez coché.")
	}
	return 0
}

func alertsOptIn(on bool, stdout, stderr io.Writer) int {
	c, code := openAlerts(stderr)
	if c == nil {
		return code
	}
	if err := c.SetOptIn(on); err != nil {
		fmt.Fprintln(stderr, alertsErrorText(err))
		return 1
	}
	if on {
		fmt.Fprintln(stdout, "Lecture des alertes activée. "+alerts.Disclosure.FR)
	} else {
		fmt.Fprintln(stdout, "Lecture des alertes désactivée : Hygie ne contactera plus le site du CERT-FR.")
	}
	return 0
}

func alertsTags(ids []string, stdout, stderr io.Writer) int {
	c, code := openAlerts(stderr)
	if c == nil {
		return code
	}
	if len(ids) > 0 {
		if err := c.SetTicked(ids); err != nil {
			fmt.Fprintf(stderr, "hygie alerts : logiciel inconnu parmi « %s ». Les choix possibles sont listés par « hygie alerts tags ».\n", strings.Join(ids, " "))
			return 2
		}
	}
	ticked, _ := c.Ticked()
	for _, t := range alerts.Tags() {
		box := "[ ]"
		for _, id := range ticked {
			if id == t.ID {
				box = "[x]"
			}
		}
		fmt.Fprintf(stdout, "%s %-18s %s\n", box, t.ID, t.Label.FR)
	}
	return 0
}

func openAlerts(stderr io.Writer) (*alerts.Cache, int) {
	db, err := openStore()
	if err != nil {
		fmt.Fprintf(stderr, "hygie alerts : les données d'Hygie sont inaccessibles (%v).\n", err)
		return nil, 1
	}
	c, err := alerts.Open(db)
	if err != nil {
		fmt.Fprintf(stderr, "hygie alerts : %v\n", err)
		return nil, 1
	}
	return c, 0
}
