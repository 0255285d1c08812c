package mail

import (
	"bytes"
	"errors"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// htmlScanner extracts visible text, links and form facts from HTML parts
// with the x/net/html tokenizer. Nothing is rendered, run or fetched.
type htmlScanner struct {
	m      *Message
	text   capBuffer
	anchor *Link
	atext  strings.Builder
	skip   int // depth inside <script>, <style>…
	// hidden is the element depth inside an invisible element, 0 outside.
	hidden int
	// hiddenText keeps the first words of invisible text, to tell a hidden
	// copy of the visible message from hidden filler aimed at filters.
	hiddenText capBuffer
	// sheet gathers the text of the current <style> element, and
	// offscreen the classes its rules push out of sight.
	sheet     capBuffer
	inSheet   bool
	offscreen map[string]string
}

// voidElements never have an end tag, so they do not change the depth.
var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// scan tokenizes r (at most maxHTMLBytes of it; the rest is drained).
func (s *htmlScanner) scan(r io.Reader) error {
	z := html.NewTokenizer(io.LimitReader(r, maxHTMLBytes))
	z.SetMaxBuf(1 << 20)
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			s.closeAnchor()
			s.text.WriteString("\n")
			return s.finish(z.Err(), r)
		}
		s.token(z, tt)
	}
}

func (s *htmlScanner) finish(err error, r io.Reader) error {
	if _, derr := io.Copy(io.Discard, r); derr != nil && errors.Is(err, io.EOF) {
		err = derr
	}
	if errors.Is(err, io.EOF) {
		return nil
	}
	return err
}

func (s *htmlScanner) token(z *html.Tokenizer, tt html.TokenType) {
	switch tt {
	case html.TextToken:
		switch {
		case s.skip > 0:
			if s.inSheet && !s.sheet.Full() {
				s.sheet.Write(z.Text())
			}
		case s.hidden > 0 || s.m.Offscreen != "":
			t := bytes.TrimSpace(z.Text())
			s.m.HiddenText += len(t)
			if len(t) > 0 && !s.hiddenText.Full() {
				s.hiddenText.Write(t)
				s.hiddenText.WriteString(" ")
			}
		default:
			s.addText(z.Text())
		}
	case html.StartTagToken, html.SelfClosingTagToken:
		name, hasAttr := z.TagName()
		s.startTag(z, string(name), hasAttr, tt == html.SelfClosingTagToken)
	case html.EndTagToken:
		name, _ := z.TagName()
		s.endTag(string(name))
	}
}

func (s *htmlScanner) addText(t []byte) {
	if s.anchor != nil && s.atext.Len() < 300 {
		s.atext.Write(t)
	}
	if !s.text.Full() {
		s.text.Write(t)
	}
}

// tagAttrs holds the few attributes the scanner reads, gathered in one
// pass because the tokenizer yields each attribute once.
type tagAttrs struct {
	href, action, typ, style, httpEquiv, content, class string
	background                                          bool // a background="…" picture (body, table, td)
}

func readAttrs(z *html.Tokenizer, hasAttr bool) tagAttrs {
	var t tagAttrs
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		switch string(k) {
		case "href":
			t.href = strings.TrimSpace(string(v))
		case "action":
			t.action = strings.TrimSpace(string(v))
		case "type":
			t.typ = string(v)
		case "style":
			t.style = string(v)
		case "http-equiv":
			t.httpEquiv = string(v)
		case "content":
			t.content = string(v)
		case "class":
			t.class = string(v)
		case "background":
			t.background = len(bytes.TrimSpace(v)) > 0
		}
	}
	return t
}

func (s *htmlScanner) startTag(z *html.Tokenizer, name string, hasAttr, selfClosing bool) {
	t := readAttrs(z, hasAttr)
	s.trackHidden(name, t, selfClosing)
	s.trackOffscreen(t)
	if t.background || styleImage(t.style) {
		s.m.Images++ // a picture drawn as a background is a picture all the same
	}
	switch name {
	case "script", "style", "head", "noscript", "template":
		if !selfClosing {
			s.skip++
			s.inSheet = name == "style"
		}
	case "body":
		s.skip = 0 // an unclosed <head> must not hide the whole body
	case "a", "area":
		s.closeAnchor()
		if t.href != "" {
			s.anchor = &Link{URL: t.href, Hidden: s.hidden > 0 || s.m.Offscreen != ""}
		}
		if name == "area" || selfClosing {
			s.closeAnchor()
		}
	case "form":
		s.addLink(Link{URL: t.action, Form: true})
	case "input":
		if strings.EqualFold(t.typ, "password") {
			s.m.PasswordField = true
		}
	case "img":
		s.m.Images++
	case "meta":
		s.metaRefresh(t)
	case "br", "p", "div", "tr", "li", "td", "h1", "h2", "h3", "table":
		s.text.WriteString("\n")
	}
}

// trackOffscreen notes the first element pushed out of sight, by its
// style or a class of the page's style sheets: everything from there on
// is below what the reader sees, and is read as hidden.
func (s *htmlScanner) trackOffscreen(t tagAttrs) {
	if s.m.Offscreen != "" {
		return
	}
	if how, ok := pushesOffscreen(t.style); ok {
		s.m.Offscreen = how
		return
	}
	if s.offscreen == nil || t.class == "" {
		return
	}
	for _, c := range strings.Fields(strings.ToLower(t.class)) {
		if how, ok := s.offscreen[c]; ok {
			s.m.Offscreen = "." + c + " { " + how + " }"
			return
		}
	}
}

// endSheet reads the rules of the <style> element just closed.
func (s *htmlScanner) endSheet() {
	for c, how := range offscreenClasses(s.sheet.String()) {
		if s.offscreen == nil {
			s.offscreen = map[string]string{}
		}
		s.offscreen[c] = how
	}
	s.sheet.Reset()
	s.inSheet = false
}

// trackHidden follows whether the current element is invisible.
func (s *htmlScanner) trackHidden(name string, t tagAttrs, selfClosing bool) {
	if selfClosing || voidElements[name] {
		return
	}
	switch {
	case s.hidden > 0:
		s.hidden++
	case t.style != "" && hiddenStyle(t.style):
		s.m.HiddenElements++
		s.hidden = 1
	}
}

// styleImage reports an inline style that draws a picture
// ("background:url(…)", "background-image: url(…)").
func styleImage(style string) bool {
	if !strings.Contains(style, "url(") && !strings.Contains(style, "URL(") {
		return false
	}
	st := strings.ToLower(style)
	i := strings.Index(st, "background")
	return i >= 0 && strings.Contains(st[i:], "url(")
}

// hiddenStyle reports inline styles that hide content from the reader.
func hiddenStyle(style string) bool {
	st := strings.ToLower(strings.ReplaceAll(style, " ", ""))
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") ||
		strings.Contains(st, "font-size:0") || strings.Contains(st, "font-size:1px") ||
		strings.Contains(st, "opacity:0;") || strings.HasSuffix(st, "opacity:0") || sameColours(st)
}

// sameColours reports a style whose text colour equals its background
// colour: text written white on white.
func sameColours(st string) bool {
	fg, bg := styleValue(st, "color:"), styleValue(st, "background-color:")
	if bg == "" {
		bg = styleValue(st, "background:")
	}
	return fg != "" && fg == bg
}

// styleValue returns the value of the property prop (with its colon) in a
// lower-cased style without spaces, or "" when absent. "background-color:"
// must not be read as "color:", so the property must start the style or
// follow a semicolon.
func styleValue(st, prop string) string {
	for i := 0; ; {
		j := strings.Index(st[i:], prop)
		if j < 0 {
			return ""
		}
		j += i
		if j == 0 || st[j-1] == ';' {
			v := st[j+len(prop):]
			if k := strings.IndexByte(v, ';'); k >= 0 {
				v = v[:k]
			}
			return strings.TrimSuffix(v, "!important")
		}
		i = j + len(prop)
	}
}

func (s *htmlScanner) endTag(name string) {
	if s.hidden > 0 && !voidElements[name] {
		s.hidden--
	}
	switch name {
	case "script", "style", "head", "noscript", "template":
		if s.skip > 0 {
			s.skip--
		}
		if name == "style" && s.inSheet {
			s.endSheet()
		}
	case "a":
		s.closeAnchor()
	case "p", "div", "tr", "li", "td", "h1", "h2", "h3", "table":
		s.text.WriteString("\n")
	}
}

func (s *htmlScanner) closeAnchor() {
	if s.anchor == nil {
		return
	}
	s.anchor.Text = strings.Join(strings.Fields(s.atext.String()), " ")
	s.addLink(*s.anchor)
	s.anchor = nil
	s.atext.Reset()
}

func (s *htmlScanner) addLink(l Link) {
	if len(s.m.Links) >= maxLinks {
		return
	}
	if nl, ok := newLink(l.URL, l.Text); ok {
		nl.Form, nl.Hidden = l.Form, l.Hidden
		s.m.Links = append(s.m.Links, nl)
	} else if l.Form {
		// A form posting to a relative or empty action still collects data.
		s.m.Links = append(s.m.Links, Link{URL: l.URL, Form: true})
	}
}

// metaRefresh records the target of <meta http-equiv="refresh">, a
// redirection that opens a page without a click.
func (s *htmlScanner) metaRefresh(t tagAttrs) {
	if !strings.EqualFold(t.httpEquiv, "refresh") {
		return
	}
	if i := strings.Index(strings.ToLower(t.content), "url="); i >= 0 {
		s.addLink(Link{URL: strings.Trim(t.content[i+4:], "'\" ")})
	}
}
