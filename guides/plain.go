package guides

import (
	"regexp"
	"strings"
)

// Markdown to the plain text that search indexes and shows in results.

var (
	mdLink     = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	listMarker = regexp.MustCompile(`^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?`)
)

// paragraphs splits a section's Markdown into plain-text blocks: each
// paragraph, and each list item on its own, so a result points at the
// sentence that matched rather than at a whole list.
func paragraphs(md string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			if p := plainInline(strings.Join(cur, " ")); p != "" {
				out = append(out, p)
			}
			cur = nil
		}
	}
	for _, line := range strings.Split(md, "\n") {
		t := strings.TrimSpace(line)
		t = strings.TrimSpace(strings.TrimLeft(t, ">"))
		switch {
		case t == "" || strings.HasPrefix(t, "```"):
			flush()
		case listMarker.MatchString(t):
			flush()
			cur = append(cur, listMarker.ReplaceAllString(t, ""))
		default:
			cur = append(cur, t)
		}
	}
	flush()
	return out
}

// plainInline removes inline Markdown: links keep their text, emphasis and
// code markers go.
func plainInline(s string) string {
	s = mdLink.ReplaceAllString(s, "$1")
	s = strings.NewReplacer("**", "", "__", "", "`", "").Replace(s)
	s = strings.ReplaceAll(s, "*", "")
	return strings.TrimSpace(s)
}
