// Package guides holds Hygie's offline library of security guides for health
// practices: Markdown files with front matter, embedded in the binary,
// loaded and indexed once, and searched with a typo-tolerant, accent-blind
// search. It also keeps, in the database, which guides are favourites and
// which have been read. It does not import Fyne.
package guides

import "strings"

// Audiences a guide may address; the front matter uses these exact labels.
const (
	AudienceSolo   = "libéral seul"
	AudienceGroup  = "cabinet de groupe"
	AudienceClinic = "établissement"
)

// audiences lists the valid audience labels.
var audiences = []string{AudienceSolo, AudienceGroup, AudienceClinic}

// Themes are the shelves of the library, in display order. Every guide
// belongs to exactly one.
var Themes = []string{
	"Les bases",
	"Messagerie et arnaques",
	"Accès et identité",
	"Protéger l'ordinateur",
	"Sauvegardes et incidents",
	"Données des patients",
}

// Guide is one guide of the library.
type Guide struct {
	ID           string
	Title        string
	Summary      string
	Audience     []string
	Theme        string
	Tags         []string
	Sources      []Source
	LastReviewed string // calendar date 2006-01-02
	// Body is the Markdown after the front matter. It has no top-level
	// title: the reader shows Title itself.
	Body     string
	Sections []Section
	// Lang is the language of Title, Summary, Tags and Body: LangFR for
	// the originals, another when a translation replaced them.
	Lang string
}

// Source is an official document a guide's facts come from.
type Source struct {
	Publisher string
	Title     string
	// Year of publication, or Undated for a page that shows no date.
	Year string
	URL  string
}

// Undated is the Year of a source that gives no date ("sans date").
const Undated = "s. d."

// Section is a part of a guide. The first section holds the text before
// the first heading; its Anchor and Title are empty.
type Section struct {
	Anchor string
	Title  string
	Level  int // 2 for ##, 3 for ###; 0 for the introduction
	// Markdown is the section's text without its heading line.
	Markdown string
}

// Section returns the section with anchor, or false.
func (g *Guide) Section(anchor string) (Section, bool) {
	for _, s := range g.Sections {
		if s.Anchor == anchor {
			return s, true
		}
	}
	return Section{}, false
}

// Headings returns the sections that have a heading, in order: the table of
// contents.
func (g *Guide) Headings() []Section {
	var out []Section
	for _, s := range g.Sections {
		if s.Anchor != "" {
			out = append(out, s)
		}
	}
	return out
}

// Markdown renders the whole guide as one Markdown document: title,
// summary, body and sources. The command line prints it.
func (g *Guide) Markdown() string {
	var b strings.Builder
	b.WriteString("# " + g.Title + "\n\n")
	b.WriteString("*" + g.Summary + "*\n\n")
	b.WriteString(strings.TrimSpace(g.Body))
	b.WriteString("\n\n## Sources\n\n")
	b.WriteString(g.SourcesMarkdown())
	b.WriteString("\nDernière relecture : " + g.LastReviewed + "\n")
	return b.String()
}

// SourcesMarkdown lists the sources as Markdown bullets with their links.
func (g *Guide) SourcesMarkdown() string {
	var b strings.Builder
	for _, s := range g.Sources {
		b.WriteString("- " + s.Publisher + ", [" + s.Title + "](" + s.URL + ")")
		b.WriteString(", " + s.Year + "\n")
	}
	return b.String()
}
