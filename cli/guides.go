package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"hygie/guides"
)

const guidesUsage = `Usage :
  hygie guides list [--json]            liste les guides, par thème
  hygie guides search REQUÊTE [--json]  cherche dans les guides (sans accents ni majuscules)
  hygie guides show ID                  affiche un guide en Markdown
`

// runGuides implements `hygie guides`.
func runGuides(args []string, stdout, stderr io.Writer) int {
	opts, err := parseGuidesArgs(args)
	switch {
	case opts.help:
		fmt.Fprint(stdout, guidesUsage)
		return 0
	case err != nil:
		fmt.Fprintf(stderr, "hygie guides : %v\n\n%s", err, guidesUsage)
		return 2
	}
	lib, err := guides.Builtin()
	if err != nil {
		fmt.Fprintf(stderr, "hygie guides : la bibliothèque de guides est illisible (%v). Réinstallez Hygie.\n", err)
		return 1
	}
	switch opts.sub {
	case "list":
		return guidesList(lib, opts.json, stdout)
	case "search":
		return guidesSearch(lib, strings.Join(opts.rest, " "), opts.json, stdout)
	default:
		return guidesShow(lib, opts.rest[0], stdout, stderr)
	}
}

type guidesOpts struct {
	sub  string
	rest []string
	json bool
	help bool
}

// parseGuidesArgs accepts --json anywhere, so `search mot de passe --json`
// works as people type it.
func parseGuidesArgs(args []string) (guidesOpts, error) {
	var o guidesOpts
	for _, a := range args {
		switch {
		case a == "-h" || a == "--help" || (a == "help" && o.sub == ""):
			o.help = true
		case a == "--json" || a == "-json":
			o.json = true
		case strings.HasPrefix(a, "-") && len(a) > 1:
			return o, fmt.Errorf("option inconnue « %s »", a)
		case o.sub == "":
			o.sub = a
		default:
			o.rest = append(o.rest, a)
		}
	}
	return o, o.check()
}

func (o guidesOpts) check() error {
	switch o.sub {
	case "":
		return fmt.Errorf("précisez list, search ou show")
	case "list":
		if len(o.rest) > 0 {
			return fmt.Errorf("list n'attend pas d'argument")
		}
	case "search":
		if len(o.rest) == 0 {
			return fmt.Errorf("search attend une requête")
		}
	case "show":
		if len(o.rest) != 1 {
			return fmt.Errorf("show attend un seul identifiant de guide")
		}
		if o.json {
			return fmt.Errorf("show affiche du Markdown, pas de JSON")
		}
	default:
		return fmt.Errorf("sous-commande inconnue « %s »", o.sub)
	}
	return nil
}

// guideJSON is one guide in `list --json`.
type guideJSON struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	Summary      string   `json:"summary"`
	Theme        string   `json:"theme"`
	Audience     []string `json:"audience"`
	Tags         []string `json:"tags"`
	LastReviewed string   `json:"last_reviewed"`
}

func guidesList(lib *guides.Library, asJSON bool, stdout io.Writer) int {
	all := lib.All()
	if asJSON {
		out := make([]guideJSON, len(all))
		for i, g := range all {
			out[i] = guideJSON{g.ID, g.Title, g.Summary, g.Theme, g.Audience, g.Tags, g.LastReviewed}
		}
		return writeJSON(stdout, out)
	}
	theme := ""
	for _, g := range all {
		if g.Theme != theme {
			theme = g.Theme
			fmt.Fprintf(stdout, "\n%s\n", theme)
		}
		fmt.Fprintf(stdout, "  %-28s %s\n", g.ID, g.Title)
	}
	return 0
}

// hitJSON is one result of `search --json`.
type hitJSON struct {
	ID      string  `json:"id"`
	Title   string  `json:"title"`
	Section string  `json:"section"`
	Score   float64 `json:"score"`
}

func guidesSearch(lib *guides.Library, query string, asJSON bool, stdout io.Writer) int {
	results := lib.Search(query)
	if asJSON {
		out := make([]hitJSON, len(results))
		for i, r := range results {
			out[i] = hitJSON{r.Guide.ID, r.Guide.Title, r.Section, r.Score}
		}
		return writeJSON(stdout, out)
	}
	if len(results) == 0 {
		fmt.Fprintln(stdout, "Aucun guide ne correspond. Essayez un mot plus court ou plus courant.")
		return 0
	}
	for _, r := range results {
		where := r.Guide.ID
		if r.Section != "" {
			where += "#" + r.Section
		}
		fmt.Fprintf(stdout, "%-50s %s\n", where, r.Guide.Title)
	}
	return 0
}

func guidesShow(lib *guides.Library, id string, stdout, stderr io.Writer) int {
	id, _, _ = strings.Cut(strings.TrimPrefix(id, guides.LinkScheme+":"), "#")
	g, ok := lib.Get(id)
	if !ok {
		fmt.Fprintf(stderr, "hygie guides : aucun guide « %s ». La liste : hygie guides list\n", id)
		return 1
	}
	fmt.Fprint(stdout, g.Markdown())
	return 0
}

func writeJSON(w io.Writer, v any) int {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return 1
	}
	return 0
}
