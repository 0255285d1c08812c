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
}

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
		if s.skip == 0 {
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

func (s *htmlScanner) startTag(z *html.Tokenizer, name string, hasAttr, selfClosing bool) {
	switch name {
	case "script", "style", "head", "noscript", "template":
		if !selfClosing {
			s.skip++
		}
	case "body":
		s.skip = 0 // an unclosed <head> must not hide the whole body
	case "a", "area":
		s.closeAnchor()
		if href := attr(z, hasAttr, "href"); href != "" {
			s.anchor = &Link{URL: href}
		}
		if name == "area" || selfClosing {
			s.closeAnchor()
		}
	case "form":
		s.addLink(Link{URL: attr(z, hasAttr, "action"), Form: true})
	case "input":
		if strings.EqualFold(attr(z, hasAttr, "type"), "password") {
			s.m.PasswordField = true
		}
	case "img":
		s.m.Images++
	case "meta":
		s.metaRefresh(z, hasAttr)
	case "br", "p", "div", "tr", "li", "td", "h1", "h2", "h3", "table":
		s.text.WriteString("\n")
	}
}

func (s *htmlScanner) endTag(name string) {
	switch name {
	case "script", "style", "head", "noscript", "template":
		if s.skip > 0 {
			s.skip--
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
		nl.Form = l.Form
		s.m.Links = append(s.m.Links, nl)
	} else if l.Form {
		// A form posting to a relative or empty action still collects data.
		s.m.Links = append(s.m.Links, Link{URL: l.URL, Form: true})
	}
}

// metaRefresh records the target of <meta http-equiv="refresh">, a
// redirection that opens a page without a click.
func (s *htmlScanner) metaRefresh(z *html.Tokenizer, hasAttr bool) {
	var equiv, content string
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		switch string(k) {
		case "http-equiv":
			equiv = string(v)
		case "content":
			content = string(v)
		}
	}
	if !strings.EqualFold(equiv, "refresh") {
		return
	}
	if i := strings.Index(strings.ToLower(content), "url="); i >= 0 {
		s.addLink(Link{URL: strings.Trim(content[i+4:], "'\" ")})
	}
}

// attr returns the value of the attribute key of the current tag.
func attr(z *html.Tokenizer, hasAttr bool, key string) string {
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		if bytes.Equal(k, []byte(key)) {
			return strings.TrimSpace(string(v))
		}
	}
	return ""
}
