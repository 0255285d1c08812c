package guides

import (
	"errors"
	"slices"
	"testing"
	"testing/fstest"
)

// Every guide has its English translation, with the structure of its
// original (Translate checks the headings) and its own words.
func TestEnglishLibrary(t *testing.T) {
	fr := builtin(t)
	en, err := BuiltinFor(LangEN)
	if err != nil {
		t.Fatalf("English guides do not load: %v", err)
	}
	if len(en.All()) != len(fr.All()) {
		t.Fatalf("%d English guides, %d French", len(en.All()), len(fr.All()))
	}
	titles := map[string]bool{}
	for _, g := range en.All() {
		orig, _ := fr.Get(g.ID)
		if g.Lang != LangEN {
			t.Errorf("%s has no English translation (content/en/%s.md)", g.ID, g.ID)
			continue
		}
		if g.Title == orig.Title || g.Summary == orig.Summary || titles[g.Title] {
			t.Errorf("%s: title %q or summary not translated, or title used twice", g.ID, g.Title)
		}
		titles[g.Title] = true
		if g.Theme != orig.Theme || !slices.Equal(g.Audience, orig.Audience) || len(g.Sources) != len(orig.Sources) {
			t.Errorf("%s: theme, audience or sources differ from the original", g.ID)
		}
	}
	if orig, _ := fr.Get("sauvegardes"); orig.Lang != LangFR {
		t.Error("translating changed the French library")
	}
}

func TestEnglishSearch(t *testing.T) {
	en, err := BuiltinFor(LangEN)
	if err != nil {
		t.Fatal(err)
	}
	for query, want := range map[string]string{
		"how to back up the practice": "sauvegardes",
		"fake email from Ameli":       "hameconnage",
		"password manager":            "mots-de-passe",
		"ransomware":                  "rancongiciel",
		"what to do after an attack":  "plan-reponse-incident",
		"firewall":                    "pare-feu",
	} {
		rs := en.Search(query)
		if len(rs) == 0 || !slices.ContainsFunc(rs[:min(3, len(rs))], func(r Result) bool { return r.Guide.ID == want }) {
			var got []string
			for _, r := range rs[:min(3, len(rs))] {
				got = append(got, r.Guide.ID)
			}
			t.Errorf("Search(%q) top 3 = %v, want %s among them", query, got, want)
		}
	}
}

func TestTranslateRejects(t *testing.T) {
	fr := builtin(t)
	orig, _ := fr.Get("pare-feu")
	body := orig.Body
	cases := map[string]string{
		"unknown id":     "---\nid: nulle-part\ntitle: X\nsummary: Y\ntags: [z]\n---\n" + body,
		"no summary":     "---\nid: pare-feu\ntitle: X\ntags: [z]\n---\n" + body,
		"extra field":    "---\nid: pare-feu\ntitle: X\nsummary: Y\ntags: [z]\ntheme: Les bases\n---\n" + body,
		"lost a heading": "---\nid: pare-feu\ntitle: X\nsummary: Y\ntags: [z]\n---\nOnly an introduction.\n",
		"broken link":    "---\nid: pare-feu\ntitle: X\nsummary: Y\ntags: [z]\n---\n" + body + "\nSee [x](guide:pare-feu#nowhere).\n",
	}
	for name, file := range cases {
		fsys := fstest.MapFS{"en/pare-feu.md": {Data: []byte(file)}}
		if _, err := fr.Translate(fsys, "en", LangEN); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: Translate = %v, want ErrInvalid", name, err)
		}
	}
	twice := fstest.MapFS{
		"en/a.md": {Data: []byte("---\nid: pare-feu\ntitle: X\nsummary: Y\ntags: [z]\n---\n" + body)},
		"en/b.md": {Data: []byte("---\nid: pare-feu\ntitle: X2\nsummary: Y\ntags: [z]\n---\n" + body)},
	}
	if _, err := fr.Translate(twice, "en", LangEN); !errors.Is(err, ErrInvalid) {
		t.Errorf("a guide translated twice: %v", err)
	}
}

func TestLabels(t *testing.T) {
	for _, th := range Themes {
		if ThemeLabel(th, LangFR) != th || ThemeLabel(th, LangEN) == th {
			t.Errorf("theme %q: fr %q, en %q", th, ThemeLabel(th, LangFR), ThemeLabel(th, LangEN))
		}
	}
	for _, a := range audiences {
		if AudienceLabel(a, LangEN) == a {
			t.Errorf("audience %q has no English label", a)
		}
	}
}
