package guides

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// badFiles are guide files Parse must refuse, with a word of the reason.
var badFiles = []struct{ file, want string }{
	{"no-front-matter.md", "no front matter"},
	{"unclosed.md", "not closed"},
	{"missing-summary.md", "missing summary"},
	{"http-source.md", "not an https address"},
	{"unknown-theme.md", "unknown theme"},
	{"unknown-audience.md", "unknown audience"},
	{"bad-date.md", "last_reviewed"},
	{"bad-year.md", "neither a year"},
	{"bad-id.md", "lowercase-with-dashes"},
	{"unknown-field.md", "colour"},
	{"broken-yaml.md", "front matter"},
}

func TestParseRefusesBadFiles(t *testing.T) {
	for _, c := range badFiles {
		data, err := os.ReadFile(filepath.Join("testdata", "bad", c.file))
		if err != nil {
			t.Fatal(err)
		}
		_, err = Parse(data)
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Parse(%s) error = %v, want ErrInvalid mentioning %q", c.file, err, c.want)
		}
	}
}

func TestParseSections(t *testing.T) {
	data, err := os.ReadFile("testdata/valid/alpha.md")
	if err != nil {
		t.Fatal(err)
	}
	g, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		anchor, title string
		level         int
	}{
		{"", "", 0},
		{"premiere-partie", "Première partie", 2},
		{"premiere-partie-2", "Première partie", 2},
		{"detail", "Détail", 3},
	}
	if len(g.Sections) != len(want) {
		t.Fatalf("got %d sections %+v, want %d", len(g.Sections), g.Sections, len(want))
	}
	for i, w := range want {
		s := g.Sections[i]
		if s.Anchor != w.anchor || s.Title != w.title || s.Level != w.level {
			t.Errorf("section %d = %q %q %d, want %q %q %d", i, s.Anchor, s.Title, s.Level, w.anchor, w.title, w.level)
		}
	}
	if !strings.Contains(g.Sections[1].Markdown, "## pas un titre") {
		t.Errorf("a ## line inside a code block was taken for a heading: %q", g.Sections[1].Markdown)
	}
	if got := len(g.Headings()); got != 3 {
		t.Errorf("Headings() = %d entries, want 3", got)
	}
}

func TestParseToleratesWindowsLineEnds(t *testing.T) {
	data, err := os.ReadFile("testdata/valid/beta.md")
	if err != nil {
		t.Fatal(err)
	}
	crlf := strings.ReplaceAll(string(data), "\n", "\r\n")
	if _, err := Parse([]byte(crlf)); err != nil {
		t.Errorf("Parse with CRLF line ends: %v", err)
	}
}

var slugCases = []struct{ in, want string }{
	{"Sauvegardes chiffrées", "sauvegardes-chiffrees"},
	{"La règle 3-2-1", "la-regle-3-2-1"},
	{"5. La CNIL dans les 72 heures", "5-la-cnil-dans-les-72-heures"},
	{"Qu'est-ce que l'œuvre ?", "qu-est-ce-que-l-oeuvre"},
	{"« MSSanté » !", "mssante"},
	{"", ""},
}

func TestSlug(t *testing.T) {
	for _, c := range slugCases {
		if got := Slug(c.in); got != c.want {
			t.Errorf("Slug(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestParseLink(t *testing.T) {
	cases := []struct {
		target, id, anchor string
		ok                 bool
	}{
		{"guide:sauvegardes", "sauvegardes", "", true},
		{"guide:sauvegardes#la-regle-3-2-1", "sauvegardes", "la-regle-3-2-1", true},
		{"guide:", "", "", false},
		{"https://cyber.gouv.fr/", "", "", false},
	}
	for _, c := range cases {
		id, anchor, ok := ParseLink(c.target)
		if id != c.id || anchor != c.anchor || ok != c.ok {
			t.Errorf("ParseLink(%q) = %q %q %v, want %q %q %v", c.target, id, anchor, ok, c.id, c.anchor, c.ok)
		}
	}
}
