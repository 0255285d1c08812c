package guides

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// LinkScheme is the scheme of links from one guide to another in the
// Markdown: [texte](guide:sauvegardes) or [texte](guide:sauvegardes#tester).
const LinkScheme = "guide"

var mdTarget = regexp.MustCompile(`\]\(([^)\s]+)\)`)

// ParseLink returns the guide id and section anchor of a guide: link, or
// false when target is not one.
func ParseLink(target string) (id, anchor string, ok bool) {
	rest, ok := strings.CutPrefix(target, LinkScheme+":")
	if !ok {
		return "", "", false
	}
	id, anchor, _ = strings.Cut(rest, "#")
	return id, anchor, id != ""
}

// links returns the link targets in g's body.
func (g *Guide) links() []string {
	var out []string
	for _, m := range mdTarget.FindAllStringSubmatch(g.Body, -1) {
		out = append(out, m[1])
	}
	return out
}

// checkLinks makes sure every guide: link names a guide (and a section of
// it) and every other link is https.
func (l *Library) checkLinks() error {
	for _, g := range l.guides {
		for _, target := range g.links() {
			if err := l.checkLink(target); err != nil {
				return fmt.Errorf("guide %q: %w", g.ID, err)
			}
		}
	}
	return nil
}

func (l *Library) checkLink(target string) error {
	if id, anchor, ok := ParseLink(target); ok {
		g, found := l.byID[id]
		if !found {
			return fmt.Errorf("%w: link to unknown guide %q", ErrInvalid, id)
		}
		if _, found := g.Section(anchor); anchor != "" && !found {
			return fmt.Errorf("%w: link to unknown section %q of %q", ErrInvalid, anchor, id)
		}
		return nil
	}
	u, err := url.Parse(target)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return fmt.Errorf("%w: link %q is neither a guide: link nor an https address", ErrInvalid, target)
	}
	return nil
}
