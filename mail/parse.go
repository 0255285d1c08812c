package mail

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"strings"

	"github.com/emersion/go-message"
	_ "github.com/emersion/go-message/charset" // registers legacy charsets
	gomail "github.com/emersion/go-message/mail"
)

// Parse reads one raw RFC 5322 message from r with bounded memory: text is
// capped, attachments are streamed through a counting and hashing writer,
// and nothing remote is ever fetched. Malformed parts are recorded in
// Message.Problems rather than failing the whole message.
func Parse(r io.Reader) (*Message, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	hdr, dropped, err := readHeaderBlock(br)
	if err != nil {
		return nil, fmt.Errorf("parse header: %w", err)
	}
	e, err := message.Read(io.MultiReader(bytes.NewReader(hdr), br))
	if e == nil {
		return nil, fmt.Errorf("parse header: %w", err)
	}
	m := &Message{}
	if dropped > 0 {
		m.problem(fmt.Sprintf("%d malformed header lines ignored", dropped))
	}
	if err != nil {
		m.problem(err.Error())
	}
	m.readHeader(gomail.Header{Header: e.Header})
	w := newWalker(m)
	w.entity(e, 0)
	w.finish()
	return m, nil
}

// walker visits the MIME tree once, streaming every part.
type walker struct {
	m     *Message
	parts int
	text  capBuffer
	html  htmlScanner
}

func newWalker(m *Message) *walker {
	w := &walker{m: m, text: capBuffer{max: maxTextBytes}}
	w.html = htmlScanner{m: m, text: capBuffer{max: maxHTMLTextBytes}, hiddenText: capBuffer{max: maxHiddenTextBytes}, sheet: capBuffer{max: maxSheetBytes}}
	return w
}

func (w *walker) finish() {
	w.m.Text = w.text.String()
	w.m.HTMLText = w.html.text.String()
	w.m.HiddenWords = w.html.hiddenText.String()
	w.m.Links = append(w.m.Links, textLinks(w.m.Text, maxLinks-len(w.m.Links))...)
	w.addHTMLTextLinks()
}

// addHTMLTextLinks keeps the addresses written as text in the HTML body
// ("[ http://example.net ]") that no anchor carries: mail programs turn
// them into links, so they lead the reader just as well.
func (w *walker) addHTMLTextLinks() {
	if !strings.Contains(w.m.HTMLText, "http") && !strings.Contains(w.m.HTMLText, "www.") {
		return
	}
	known := make(map[string]bool, len(w.m.Links))
	for _, l := range w.m.Links {
		known[l.URL] = true
	}
	for _, l := range textLinks(w.m.HTMLText, maxLinks-len(w.m.Links)) {
		if !known[l.URL] {
			known[l.URL] = true
			w.m.Links = append(w.m.Links, l)
		}
	}
}

// entity dispatches one part according to its type and disposition.
func (w *walker) entity(e *message.Entity, depth int) {
	w.parts++
	mediaType, disp, name := partInfo(e.Header)
	if mr := multipartOf(e); mr != nil {
		w.multipart(mr, depth)
		return
	}
	switch {
	case mediaType == "message/rfc822" && depth < maxDepth:
		w.embedded(e, depth)
	case disp == "attachment" || name != "" || !isTextType(mediaType):
		w.attachment(e, mediaType, name)
	case mediaType == "text/html":
		w.m.HasHTML = true
		w.drain(w.html.scan(e.Body), "html part")
	default:
		w.textPart(e.Body)
	}
}

// textPart reads a plain-text part. Some senders label HTML as plain text
// to slip past filters; such a part is read as the HTML it is.
func (w *walker) textPart(body io.Reader) {
	br := bufio.NewReaderSize(body, 1024)
	head, _ := br.Peek(512)
	if sniff(head) == "html" {
		w.m.HasHTML = true
		w.drain(w.html.scan(br), "html in text part")
		return
	}
	_, err := io.Copy(&w.text, br)
	w.text.WriteString("\n")
	w.drain(err, "text part")
}

// multipart visits the parts of a multipart entity, bounded in depth and
// count so a crafted tree cannot make the analysis hang.
func (w *walker) multipart(mr partReader, depth int) {
	if depth >= maxDepth {
		w.m.problem(fmt.Sprintf("multipart nesting deeper than %d skipped", maxDepth))
		return
	}
	for {
		if w.parts >= maxParts {
			w.m.problem(fmt.Sprintf("more than %d MIME parts; the rest was skipped", maxParts))
			return
		}
		p, err := mr.NextPart()
		if err == io.EOF { //nolint:errorlint // only a bare EOF is the closing boundary; a wrapped one is a body cut short
			return
		}
		if err != nil && p == nil {
			w.m.problem("multipart: " + err.Error())
			return
		}
		if err != nil {
			w.m.problem(err.Error())
		}
		w.entity(p, depth+1)
	}
}

// embedded walks an attached message: its links and attachments count as
// the outer message's, since a forwarded lure is as dangerous.
func (w *walker) embedded(e *message.Entity, depth int) {
	inner, err := message.Read(e.Body)
	if inner == nil {
		w.m.problem("embedded message: " + err.Error())
		return
	}
	w.entity(inner, depth+1)
}

func (w *walker) attachment(e *message.Entity, mediaType, name string) {
	a, err := measureAttachment(e.Body, mediaType, name)
	w.m.Attachments = append(w.m.Attachments, a)
	w.drain(err, "attachment "+name)
}

// drain records a read error of a part; the part keeps what was decoded.
func (w *walker) drain(err error, what string) {
	if err != nil {
		w.m.problem(what + ": " + err.Error())
	}
}

// partReader yields the parts of a multipart body.
type partReader interface {
	NextPart() (*message.Entity, error)
}

// multipartOf returns a reader of e's parts, or nil when e is not a
// multipart. The standard library splits the parts: go-message's reader
// ends a part at any line that starts with the boundary and one hyphen, so
// a message whose inner boundary extends the outer one ("b" and "b-1")
// read as empty while mail programs show it (phishing does this). Without
// a boundary, go-message's reader says what is wrong.
func multipartOf(e *message.Entity) partReader {
	mediaType, params, _ := e.Header.ContentType()
	if !strings.HasPrefix(mediaType, "multipart/") {
		return nil
	}
	if params["boundary"] == "" {
		return e.MultipartReader()
	}
	return stdParts{multipart.NewReader(e.Body, params["boundary"])}
}

// stdParts adapts the standard library's multipart reader to go-message
// entities, which decode each part's transfer encoding and charset.
type stdParts struct{ r *multipart.Reader }

func (s stdParts) NextPart() (*message.Entity, error) {
	p, err := s.r.NextRawPart()
	if err != nil {
		return nil, err
	}
	var h message.Header
	for k, vs := range p.Header {
		for _, v := range vs {
			h.Add(k, strings.TrimSpace(v))
		}
	}
	return message.New(h, p)
}

func isTextType(t string) bool {
	return t == "" || t == "text" || strings.HasPrefix(t, "text/")
}

// partInfo returns a part's media type, disposition and file name. It is
// more lenient than go-message: a malformed parameter list still yields the
// media type, as mail clients do.
func partInfo(h message.Header) (mediaType, disp, name string) {
	mediaType, params := mediaValue(h.Get("Content-Type"))
	disp, dparams := mediaValue(h.Get("Content-Disposition"))
	name = dparams["filename"]
	if name == "" {
		name = params["name"]
	}
	return mediaType, disp, decodeWords(name)
}

func mediaValue(v string) (string, map[string]string) {
	if v == "" {
		return "", nil
	}
	t, params, err := mime.ParseMediaType(v)
	if err != nil || t == "" {
		t, _, _ = strings.Cut(v, ";")
		t = strings.ToLower(strings.TrimSpace(t))
	}
	return t, params
}

// decodeWords decodes RFC 2047 encoded words. Words the standard decoder
// refuses (bad padding, as spam often has) are decoded leniently.
func decodeWords(s string) string {
	if !strings.Contains(s, "=?") {
		return s
	}
	dec := mime.WordDecoder{CharsetReader: message.CharsetReader}
	if out, err := dec.DecodeHeader(s); err == nil && !strings.Contains(out, "=?") {
		return out
	}
	return lenientWords(s)
}

// lenientWords decodes =?charset?B?…?= words whose base64 padding is wrong
// and =?charset?Q?…?= words, leaving anything else as it is.
func lenientWords(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "=?")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		word, rest, ok := cutEncodedWord(s[i:])
		if !ok {
			b.WriteString(s[i : i+2])
			s = s[i+2:]
			continue
		}
		b.WriteString(word)
		s = strings.TrimLeft(rest, " \t")
		if !strings.HasPrefix(s, "=?") {
			s = rest
		}
	}
}

// cutEncodedWord decodes the encoded word at the start of s.
func cutEncodedWord(s string) (word, rest string, ok bool) {
	parts := strings.SplitN(s[2:], "?", 4)
	if len(parts) < 4 || !strings.HasPrefix(parts[3], "=") {
		return "", s, false
	}
	charset, enc, text := parts[0], strings.ToUpper(parts[1]), parts[2]
	rest = parts[3][1:]
	var raw []byte
	switch enc {
	case "B":
		raw, ok = decodeBase64Loose(text)
	case "Q":
		dec := mime.WordDecoder{CharsetReader: message.CharsetReader}
		out, err := dec.Decode("=?" + charset + "?Q?" + text + "?=")
		return out, rest, err == nil
	}
	if !ok {
		return "", s, false
	}
	dec := mime.WordDecoder{CharsetReader: message.CharsetReader}
	out, err := dec.Decode("=?" + charset + "?B?" + base64.StdEncoding.EncodeToString(raw) + "?=")
	return out, rest, err == nil
}

func decodeBase64Loose(text string) ([]byte, bool) {
	raw, err := base64.RawStdEncoding.DecodeString(strings.TrimRight(text, "="))
	return raw, err == nil
}
