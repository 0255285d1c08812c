package guides

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// ErrInvalid marks a guide file that cannot be used as it is.
var ErrInvalid = errors.New("invalid guide")

// frontMatter is the YAML header of a guide file, between two "---" lines.
type frontMatter struct {
	ID           string         `yaml:"id"`
	Title        string         `yaml:"title"`
	Summary      string         `yaml:"summary"`
	Audience     []string       `yaml:"audience"`
	Theme        string         `yaml:"theme"`
	Tags         []string       `yaml:"tags"`
	Sources      []sourceFields `yaml:"sources"`
	LastReviewed string         `yaml:"last_reviewed"`
}

type sourceFields struct {
	Publisher string `yaml:"publisher"`
	Title     string `yaml:"title"`
	Year      string `yaml:"year"`
	URL       string `yaml:"url"`
}

var (
	idPattern   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	yearPattern = regexp.MustCompile(`^(19[89][0-9]|20[0-9][0-9]|s\. d\.)$`)
)

// Parse reads one guide file: front matter, then Markdown. It checks every
// field, so a guide that parses can be shown without further checks.
func Parse(data []byte) (*Guide, error) {
	head, body, err := splitFrontMatter(data)
	if err != nil {
		return nil, err
	}
	var fm frontMatter
	dec := yaml.NewDecoder(bytes.NewReader(head))
	dec.KnownFields(true)
	if err := dec.Decode(&fm); err != nil {
		return nil, fmt.Errorf("front matter: %w: %v", ErrInvalid, err)
	}
	if err := fm.check(); err != nil {
		return nil, fmt.Errorf("guide %q: %w", fm.ID, err)
	}
	g := fm.guide()
	g.Body = string(body)
	g.Sections = splitSections(g.Body)
	return g, nil
}

// splitFrontMatter cuts "---\n<yaml>---\n<markdown>".
func splitFrontMatter(data []byte) (head, body []byte, err error) {
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		return nil, nil, fmt.Errorf("%w: no front matter (file must start with ---)", ErrInvalid)
	}
	head, body, ok = bytes.Cut(rest, []byte("\n---\n"))
	if !ok {
		return nil, nil, fmt.Errorf("%w: front matter is not closed by ---", ErrInvalid)
	}
	return head, body, nil
}

func (fm *frontMatter) check() error {
	var missing []string
	for name, empty := range map[string]bool{
		"id": fm.ID == "", "title": fm.Title == "", "summary": fm.Summary == "",
		"audience": len(fm.Audience) == 0, "theme": fm.Theme == "", "tags": len(fm.Tags) == 0,
		"sources": len(fm.Sources) == 0, "last_reviewed": fm.LastReviewed == "",
	} {
		if empty {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		slices.Sort(missing)
		return fmt.Errorf("%w: missing %s", ErrInvalid, strings.Join(missing, ", "))
	}
	if !idPattern.MatchString(fm.ID) {
		return fmt.Errorf("%w: id %q is not lowercase-with-dashes", ErrInvalid, fm.ID)
	}
	if !slices.Contains(Themes, fm.Theme) {
		return fmt.Errorf("%w: unknown theme %q", ErrInvalid, fm.Theme)
	}
	for _, a := range fm.Audience {
		if !slices.Contains(audiences, a) {
			return fmt.Errorf("%w: unknown audience %q", ErrInvalid, a)
		}
	}
	if _, err := time.Parse(time.DateOnly, fm.LastReviewed); err != nil {
		return fmt.Errorf("%w: last_reviewed %q is not a date 2006-01-02", ErrInvalid, fm.LastReviewed)
	}
	for i, s := range fm.Sources {
		if err := s.check(); err != nil {
			return fmt.Errorf("source %d: %w", i+1, err)
		}
	}
	return nil
}

func (s sourceFields) check() error {
	if s.Publisher == "" || s.Title == "" || s.Year == "" || s.URL == "" {
		return fmt.Errorf("%w: publisher, title, year and url are all required", ErrInvalid)
	}
	if !yearPattern.MatchString(s.Year) {
		return fmt.Errorf("%w: year %q is neither a year nor %q", ErrInvalid, s.Year, Undated)
	}
	u, err := url.Parse(s.URL)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return fmt.Errorf("%w: url %q is not an https address", ErrInvalid, s.URL)
	}
	return nil
}

func (fm *frontMatter) guide() *Guide {
	g := &Guide{
		ID: fm.ID, Title: strings.TrimSpace(fm.Title), Summary: strings.TrimSpace(fm.Summary),
		Audience: fm.Audience, Theme: fm.Theme, Tags: fm.Tags, LastReviewed: fm.LastReviewed, Lang: LangFR,
	}
	for _, s := range fm.Sources {
		g.Sources = append(g.Sources, Source(s))
	}
	return g
}

// splitSections cuts the body at its ## and ### headings. Lines inside
// fenced code blocks are never headings.
func splitSections(body string) []Section {
	secs := []Section{{}}
	var text strings.Builder
	fenced := false
	used := map[string]int{}
	flush := func() {
		secs[len(secs)-1].Markdown = strings.TrimSpace(text.String())
		text.Reset()
	}
	for _, line := range strings.Split(body, "\n") {
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
		}
		level, title := heading(line)
		if fenced || level == 0 {
			text.WriteString(line + "\n")
			continue
		}
		flush()
		secs = append(secs, Section{Anchor: uniqueAnchor(Slug(title), used), Title: title, Level: level})
	}
	flush()
	return secs
}

// heading returns the level and text of a ## or ### line, or 0.
func heading(line string) (int, string) {
	for level, prefix := range map[int]string{2: "## ", 3: "### "} {
		if t, ok := strings.CutPrefix(line, prefix); ok {
			return level, strings.TrimSpace(t)
		}
	}
	return 0, ""
}

func uniqueAnchor(a string, used map[string]int) string {
	if a == "" {
		a = "section"
	}
	used[a]++
	if n := used[a]; n > 1 {
		return fmt.Sprintf("%s-%d", a, n)
	}
	return a
}

// Slug turns a heading into its anchor: lowercase ASCII letters and digits
// separated by dashes ("Sauvegardes chiffrées" → "sauvegardes-chiffrees").
func Slug(s string) string {
	folded, _ := fold(s)
	var b strings.Builder
	dash := false
	for _, r := range folded {
		if isWordRune(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}
