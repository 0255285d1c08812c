package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

var guidesCases = []struct {
	name   string
	args   []string
	code   int
	outHas string
	errHas string
}{
	{"no sub-command", []string{"guides"}, 2, "", "précisez list"},
	{"unknown sub-command", []string{"guides", "lire"}, 2, "", "sous-commande inconnue"},
	{"unknown option", []string{"guides", "list", "--xml"}, 2, "", "option inconnue"},
	{"list with argument", []string{"guides", "list", "extra"}, 2, "", "n'attend pas"},
	{"search without query", []string{"guides", "search"}, 2, "", "attend une requête"},
	{"show without id", []string{"guides", "show"}, 2, "", "un seul identifiant"},
	{"show json", []string{"guides", "show", "mssante", "--json"}, 2, "", "pas de JSON"},
	{"help", []string{"guides", "--help"}, 0, "hygie guides search", ""},
	{"list", []string{"guides", "list"}, 0, "sauvegardes", ""},
	{"search", []string{"guides", "search", "faux", "mail", "ameli"}, 0, "hameconnage", ""},
	{"search nothing", []string{"guides", "search", "zzzzqqq"}, 0, "Aucun guide", ""},
	{"show", []string{"guides", "show", "sauvegardes"}, 0, "## La règle 3-2-1", ""},
	{"show link form", []string{"guides", "show", "guide:pare-feu#verifier-sous-windows"}, 0, "# Le pare-feu", ""},
	{"show unknown", []string{"guides", "show", "nope"}, 1, "", "aucun guide « nope »"},
}

func TestGuidesCommand(t *testing.T) {
	for _, c := range guidesCases {
		var out, errb bytes.Buffer
		code := Run(c.args, &out, &errb)
		if code != c.code {
			t.Errorf("%s: exit %d, want %d (stderr %q)", c.name, code, c.code, errb.String())
		}
		if !strings.Contains(out.String(), c.outHas) || !strings.Contains(errb.String(), c.errHas) {
			t.Errorf("%s: stdout %.200q, stderr %q; want %q / %q", c.name, out.String(), errb.String(), c.outHas, c.errHas)
		}
		if c.code == 2 && (out.Len() > 0 || !strings.Contains(errb.String(), "Usage")) {
			t.Errorf("%s: a usage error must print the usage on stderr only", c.name)
		}
	}
}

func TestGuidesSearchJSON(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Run([]string{"guides", "search", "--json", "que faire si j'ai cliqué"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var hits []struct {
		ID      string  `json:"id"`
		Title   string  `json:"title"`
		Section string  `json:"section"`
		Score   float64 `json:"score"`
	}
	if err := json.Unmarshal(out.Bytes(), &hits); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out.String())
	}
	if len(hits) == 0 || hits[0].Title == "" || hits[0].Score <= 0 || hits[0].Section == "" {
		t.Fatalf("first hit = %+v, want id, title, section and a positive score", hits)
	}
	if hits[0].ID != "hameconnage" && hits[0].ID != "plan-reponse-incident" {
		t.Errorf("first hit = %s, want the phishing or incident guide", hits[0].ID)
	}
}

func TestGuidesListJSON(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Run([]string{"guides", "list", "--json"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var list []map[string]any
	if err := json.Unmarshal(out.Bytes(), &list); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if len(list) < 20 {
		t.Fatalf("%d guides listed, want at least 20", len(list))
	}
	for _, k := range []string{"id", "title", "summary", "theme", "audience", "tags", "last_reviewed"} {
		if _, ok := list[0][k]; !ok {
			t.Errorf("list --json entries lack %q: %v", k, list[0])
		}
	}
}
