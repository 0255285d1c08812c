package mail

import (
	"strings"
	"unicode/utf8"
)

// capBuffer keeps the first max bytes written to it and silently counts the
// rest, so a huge body costs no more memory than a small one.
type capBuffer struct {
	b       strings.Builder
	max     int
	dropped int64
}

// Write keeps what fits and reports the whole of p as written, so io.Copy
// keeps draining the part.
func (c *capBuffer) Write(p []byte) (int, error) {
	room := c.max - c.b.Len()
	if room <= 0 {
		c.dropped += int64(len(p))
		return len(p), nil
	}
	if len(p) > room {
		c.dropped += int64(len(p) - room)
		c.b.Write(p[:room])
		return len(p), nil
	}
	c.b.Write(p)
	return len(p), nil
}

// WriteString is Write for strings.
func (c *capBuffer) WriteString(s string) {
	_, _ = c.Write([]byte(s))
}

// Full reports whether nothing more will be kept.
func (c *capBuffer) Full() bool { return c.b.Len() >= c.max }

// String returns what was kept, as valid UTF-8.
func (c *capBuffer) String() string {
	return strings.ToValidUTF8(c.b.String(), "\uFFFD")
}

// textLinks finds URLs in plain text: http(s):// links and bare www. hosts.
func textLinks(text string, limit int) []Link {
	var links []Link
	for i := 0; i < len(text) && len(links) < limit; {
		j := nextURLStart(text[i:])
		if j < 0 {
			break
		}
		start := i + j
		end := start + urlLen(text[start:])
		raw := trimURLTail(text[start:end])
		if l, ok := newLink(raw, ""); ok {
			links = append(links, l)
		}
		i = max(end, start+1)
	}
	return links
}

func nextURLStart(s string) int {
	best := -1
	for _, p := range []string{"http://", "https://", "www."} {
		if k := indexFold(s, p); k >= 0 && (best < 0 || k < best) {
			if p == "www." && k > 0 && isURLByte(s[k-1]) {
				continue
			}
			best = k
		}
	}
	return best
}

// indexFold is strings.Index for an ASCII lower-case needle, ignoring case.
func indexFold(s, needle string) int {
	if k := strings.Index(s, needle); k >= 0 {
		return k
	}
	upper := strings.ToUpper(needle)
	if k := strings.Index(s, upper); k >= 0 {
		return k
	}
	return -1
}

func urlLen(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r < utf8.RuneSelf && !isURLByte(byte(r)) {
			return i
		}
		if r == '\u00a0' || r == utf8.RuneError || r == '\u201d' || r == '\u00bb' {
			return i
		}
		i += n
	}
	return len(s)
}

func isURLByte(c byte) bool {
	if c <= ' ' || c >= 127 {
		return false
	}
	return !strings.ContainsRune("\"<>`{}|\\^", rune(c))
}

// trimURLTail drops the punctuation that usually ends a sentence, not a URL.
func trimURLTail(s string) string {
	for len(s) > 0 {
		switch s[len(s)-1] {
		case '.', ',', ';', ':', '!', '?', '\'', ')', ']', '*', '>':
			if s[len(s)-1] == ')' && strings.Contains(s, "(") {
				return s
			}
			s = s[:len(s)-1]
		default:
			return s
		}
	}
	return s
}

// Reset empties the buffer for reuse.
func (c *capBuffer) Reset() {
	c.b.Reset()
	c.dropped = 0
}
