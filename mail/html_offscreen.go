package mail

import (
	"strconv"
	"strings"
)

// Pushing content far below the window is a way to hide it that no
// "display:none" reveals: a crook puts his picture and link on top and
// pastes a genuine newsletter thousands of pixels under it, so that
// filters read the newsletter and the reader sees only the link. A real
// message never needs a margin or a height of several screens.
const (
	offscreenPixels   = 4000 // px: four screens and more
	offscreenViewport = 400  // vh: four window heights and more
)

// offscreenProps are the properties that move what follows down the page.
var offscreenProps = []string{"margin-top:", "padding-top:", "height:", "min-height:", "top:"}

// pushesOffscreen reports whether a list of CSS declarations (a style
// attribute or the inside of one rule) moves the content after it out of
// sight, and by how much.
func pushesOffscreen(decls string) (string, bool) {
	st := strings.ToLower(strings.ReplaceAll(decls, " ", ""))
	for _, p := range offscreenProps {
		for i := 0; ; {
			j := strings.Index(st[i:], p)
			if j < 0 {
				break
			}
			j += i
			i = j + len(p)
			if j > 0 && st[j-1] != ';' && st[j-1] != '{' && st[j-1] != '\n' && st[j-1] != '\t' && st[j-1] != '"' {
				continue // "line-height:" is not "height:"
			}
			if v := st[i:]; farValue(v) {
				end := strings.IndexAny(v, ";}")
				if end < 0 {
					end = len(v)
				}
				return p + v[:end], true
			}
		}
	}
	return "", false
}

// farValue reports whether a CSS length starting v is several screens.
func farValue(v string) bool {
	n := 0
	for n < len(v) && v[n] >= '0' && v[n] <= '9' {
		n++
	}
	if n == 0 || n > 9 {
		return false
	}
	x, _ := strconv.Atoi(v[:n])
	rest := v[n:]
	if k := strings.IndexByte(rest, '.'); k == 0 {
		rest = strings.TrimLeft(rest[1:], "0123456789")
	}
	switch {
	case strings.HasPrefix(rest, "px"):
		return x >= offscreenPixels
	case strings.HasPrefix(rest, "vh"):
		return x >= offscreenViewport
	}
	return false
}

// offscreenClasses returns the classes that a style sheet's rules push
// out of sight (".belowView { margin-top: 470500px }").
func offscreenClasses(sheet string) map[string]string {
	var out map[string]string
	for sheet != "" {
		open := strings.IndexByte(sheet, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(sheet[open:], '}')
		if end < 0 {
			end = len(sheet) - open
		}
		selector, body := sheet[:open], sheet[open+1:open+end]
		if how, ok := pushesOffscreen(body); ok {
			for _, f := range strings.FieldsFunc(selector, func(r rune) bool { return r == ',' || r == ' ' || r == '\n' || r == '\t' || r == '>' }) {
				if name, ok := strings.CutPrefix(f, "."); ok && name != "" {
					if out == nil {
						out = map[string]string{}
					}
					out[strings.ToLower(name)] = how
				}
			}
		}
		sheet = sheet[min(open+end+1, len(sheet)):]
	}
	return out
}
