package guides

import (
	"bytes"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// Languages: the guides are written in French; translations live in
// content/<lang>/<id>.md.
const (
	LangFR = "fr"
	LangEN = "en"
)

// translationFields is the front matter of a translated guide: only what a
// translation changes. Theme, audience, sources and review date are the
// original's.
type translationFields struct {
	ID      string   `yaml:"id"`
	Title   string   `yaml:"title"`
	Summary string   `yaml:"summary"`
	Tags    []string `yaml:"tags"`
}

var builtinEN = sync.OnceValues(func() (*Library, error) {
	fr, err := Builtin()
	if err != nil {
		return nil, err
	}
	return fr.Translate(content, "content/"+LangEN, LangEN)
})

// BuiltinFor returns the embedded library in lang: English where a
// translation exists, French otherwise (every guide keeps its French
// original when it has no translation).
func BuiltinFor(lang string) (*Library, error) {
	if lang == LangEN {
		return builtinEN()
	}
	return Builtin()
}

// Translate returns a copy of l where each guide with a file in dir takes
// its title, summary, tags and body from it; the others stay as they are.
// A translation must name a guide of l and keep its number of headings, so
// that the table of contents and the links between guides still hold.
func (l *Library) Translate(fsys fs.FS, dir, lang string) (*Library, error) {
	out := &Library{byID: map[string]*Guide{}}
	for _, g := range l.guides {
		c := *g
		out.byID[g.ID] = &c
		out.guides = append(out.guides, &c)
	}
	err := eachFile(fsys, dir, func(name string, data []byte) error {
		if err := out.translate(data, lang); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := out.checkLinks(); err != nil {
		return nil, err
	}
	slices.SortFunc(out.guides, compareGuides)
	out.index = sync.OnceValue(func() *index { return buildIndex(out.guides) })
	return out, nil
}

// translate applies one translated file to the guide it names.
func (l *Library) translate(data []byte, lang string) error {
	head, body, err := splitFrontMatter(data)
	if err != nil {
		return err
	}
	var tf translationFields
	dec := yaml.NewDecoder(bytes.NewReader(head))
	dec.KnownFields(true)
	if err := dec.Decode(&tf); err != nil {
		return fmt.Errorf("front matter: %w: %v", ErrInvalid, err)
	}
	g, ok := l.byID[tf.ID]
	switch {
	case !ok:
		return fmt.Errorf("%w: no guide has the id %q", ErrInvalid, tf.ID)
	case strings.TrimSpace(tf.Title) == "" || strings.TrimSpace(tf.Summary) == "" || len(tf.Tags) == 0:
		return fmt.Errorf("%w: %q needs a title, a summary and tags", ErrInvalid, tf.ID)
	case g.Lang != LangFR:
		return fmt.Errorf("%w: %q is translated twice", ErrInvalid, tf.ID)
	}
	secs := splitSections(string(body))
	if len(secs) != len(g.Sections) {
		return fmt.Errorf("%w: %q has %d sections, its original %d", ErrInvalid, tf.ID, len(secs)-1, len(g.Sections)-1)
	}
	g.Title, g.Summary, g.Tags = strings.TrimSpace(tf.Title), strings.TrimSpace(tf.Summary), tf.Tags
	g.Body, g.Sections, g.Lang = string(body), secs, lang
	return nil
}

// themeLabels and audienceLabels name the shelves and readers in English;
// the guides' front matter uses the French labels.
var (
	themeLabels = map[string]string{
		"Les bases":                "The basics",
		"Messagerie et arnaques":   "Mail and scams",
		"Accès et identité":        "Access and identity",
		"Protéger l'ordinateur":    "Protecting the computer",
		"Sauvegardes et incidents": "Backups and incidents",
		"Données des patients":     "Patient data",
	}
	audienceLabels = map[string]string{
		AudienceSolo:   "solo practitioner",
		AudienceGroup:  "group practice",
		AudienceClinic: "health facility",
	}
)

// ThemeLabel names theme (one of Themes) in lang.
func ThemeLabel(theme, lang string) string {
	if l, ok := themeLabels[theme]; ok && lang == LangEN {
		return l
	}
	return theme
}

// AudienceLabel names an audience label in lang.
func AudienceLabel(a, lang string) string {
	if l, ok := audienceLabels[a]; ok && lang == LangEN {
		return l
	}
	return a
}
