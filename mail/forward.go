package mail

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"html"
	"io"
	"mime"
	"mime/multipart"
	netmail "net/mail"
	"net/textproto"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-message"
	gomail "github.com/emersion/go-message/mail"

	"hygie/mail/outlook"
)

// ForwardKind says how the message that is judged reached the user.
type ForwardKind string

const (
	// NotForwarded: the message is judged as it is.
	NotForwarded ForwardKind = ""
	// ForwardAttached: the original travels whole as an attachment
	// (message/rfc822, an .eml or an Outlook .msg); its own headers,
	// delivery trace included, are judged.
	ForwardAttached ForwardKind = "attached"
	// ForwardInline: the original was quoted in the body under a line
	// such as « ---------- Message transféré ---------- ». Its headers are
	// lost: only the sender line, subject, date, wording and links that
	// were quoted can be judged, and the UI says the check is limited.
	ForwardInline ForwardKind = "inline"
)

// Forward describes the wrapping that Unwrap removed.
type Forward struct {
	Kind ForwardKind `json:"kind,omitempty"`
	// By is the outer sender: the person who forwarded the message.
	By Address `json:"by"`
	// Subject is the outer subject (« TR: … », « Fwd: … »).
	Subject string `json:"subject,omitempty"`
}

// maxForwardBytes caps an attached message read by Unwrap.
const maxForwardBytes = 50 << 20

// InlineForwardHeader marks a message that Unwrap rebuilt from an inline
// forward, so that a reader of the raw bytes knows its headers are not
// the original ones.
const InlineForwardHeader = "X-Hygie-Forwarded"

// Unwrap returns the message to judge in raw: the message attached to it
// when it carries one (the first message/rfc822 part, .eml or .msg file),
// else the original rebuilt from an inline forward, else raw itself with
// Kind NotForwarded. A forward of a forward is unwrapped down to the
// original, a few levels deep; Forward.By stays the outer sender, the
// person who sent it to the user, and Kind is ForwardInline as soon as one
// level was inline (the headers are lost from there). Callers analyse
// inner instead of raw:
//
//	inner, fwd, err := mail.Unwrap(raw)
//	rep, err := an.Analyze(bytes.NewReader(inner))
//
// It fails only when raw has no readable header block at all.
func Unwrap(raw []byte) (inner []byte, fwd Forward, err error) {
	e, err := message.Read(bytes.NewReader(raw))
	if e == nil {
		return nil, Forward{}, fmt.Errorf("unwrap: %w", err)
	}
	h := gomail.Header{Header: e.Header}
	fwd.Subject, _ = h.Subject()
	if from, err := h.AddressList("From"); err == nil && len(from) > 0 {
		fwd.By = Address{Name: from[0].Name, Addr: from[0].Address}
	}
	inner = raw
	for level := 0; level < maxUnwrap; level++ {
		next, kind := unwrapOnce(inner, e)
		if kind == NotForwarded {
			break
		}
		inner, e = next, nil
		if fwd.Kind != ForwardInline {
			fwd.Kind = kind
		}
	}
	if fwd.Kind == NotForwarded {
		return raw, Forward{}, nil
	}
	return inner, fwd, nil
}

// maxUnwrap bounds the forwards of forwards that are opened.
const maxUnwrap = 4

// unwrapOnce removes one level of forwarding; e is raw already read, or nil.
func unwrapOnce(raw []byte, e *message.Entity) ([]byte, ForwardKind) {
	if e == nil {
		if e, _ = message.Read(bytes.NewReader(raw)); e == nil {
			return nil, NotForwarded
		}
	}
	if att := attachedMessage(e, 0); att != nil {
		return att, ForwardAttached
	}
	if in := inlineForward(raw); in != nil {
		return in, ForwardInline
	}
	return nil, NotForwarded
}

// attachedMessage returns the first message carried as an attachment, as
// RFC 5322 bytes, or nil.
func attachedMessage(e *message.Entity, depth int) []byte {
	if mr := e.MultipartReader(); mr != nil {
		if depth >= 4 {
			return nil
		}
		for i := 0; i < maxParts; i++ {
			p, err := mr.NextPart()
			if p == nil {
				return nil
			}
			if err == nil || !errors.Is(err, io.EOF) {
				if b := attachedMessage(p, depth+1); b != nil {
					return b
				}
			}
		}
		return nil
	}
	if depth == 0 { // the message itself, not one of its parts
		return nil
	}
	mediaType, _, name := partInfo(e.Header)
	ext := strings.ToLower(path.Ext(name))
	isMsg := ext == ".msg" || mediaType == "application/vnd.ms-outlook"
	if mediaType != "message/rfc822" && ext != ".eml" && !isMsg {
		return nil
	}
	b, err := io.ReadAll(io.LimitReader(e.Body, maxForwardBytes))
	if err != nil || len(b) == 0 {
		return nil
	}
	if isMsg || outlook.IsMsg(b) {
		conv, _, err := outlook.Convert(b)
		if err != nil {
			return nil
		}
		return conv
	}
	if !looksLikeMessage(b) {
		return nil
	}
	return b
}

// looksLikeMessage reports whether b starts with a header field.
func looksLikeMessage(b []byte) bool {
	line, _, _ := bytes.Cut(b[:min(len(b), 1000)], []byte("\n"))
	name, _, ok := bytes.Cut(line, []byte(":"))
	return ok && len(name) > 0 && !bytes.ContainsAny(name, " \t")
}

// forwardMarker matches the line mail programs write above an inline
// forward or a quoted original, in French and English.
var forwardMarker = lazyRegexp(`(?i)^\s*(?:` +
	`-{2,}\s*(?:message transf[ée]r[ée]|forwarded message|original message|message d'origine|message original|mail transf[ée]r[ée])\s*-{2,}` +
	`|d[ée]but du message r[ée]exp[ée]di[ée]\s*:` +
	`|begin forwarded message\s*:` +
	`|_{10,})\s*$`)

// forwardOnlyMarker matches the markers that replies never use.
var forwardOnlyMarker = lazyRegexp(`(?i)transf[ée]r[ée]|forwarded|r[ée]exp[ée]di[ée]`)

// quotedField matches a header line of the quoted original, in the forms
// mail programs write it: « De : », « *From:* », « > Objet : ».
var quotedField = lazyRegexp(`^[>\s]*\*?([\p{L} ]{1,20}?)\s*\*?\s*:\*?\s*(.*)$`)

// fieldNames maps the quoted field names to the header they stand for.
var fieldNames = map[string]string{
	"de": "From", "from": "From", "expéditeur": "From",
	"objet": "Subject", "subject": "Subject", "sujet": "Subject",
	"date": "Date", "envoyé": "Date", "envoyé le": "Date", "sent": "Date",
	"à": "To", "a": "To", "to": "To", "pour": "To", "cc": "Cc", "répondre à": "Reply-To", "reply-to": "Reply-To",
}

// inlineForward rebuilds the quoted original of an inline forward, or
// returns nil when raw quotes none. The markers that replies use as well
// (« -----Message d'origine----- », Outlook's rule) count only under a
// forward subject (« TR: », « Fwd: »): a reply is judged as it is, since
// a reply in a hijacked thread puts its lure above the quoted original.
func inlineForward(raw []byte) []byte {
	m, err := Parse(bytes.NewReader(raw))
	if err != nil {
		return nil
	}
	for _, text := range []string{m.Text, m.HTMLText} {
		q := findQuoted(text)
		if q == nil || !q.forwardOnly && !isForwardSubject(m.Subject) {
			continue
		}
		return q.message(m.Links, outerAttachments(raw))
	}
	return nil
}

// forwardSubject matches the prefixes mail programs put before the
// subject of a forward, possibly after reply prefixes.
var forwardSubject = lazyRegexp(`(?i)^\s*(?:(?:re|aw|réf|ref|rép)\s*:\s*)*(?:tr|fwd?|wg|rv|enc|transf)\s*:`)

func isForwardSubject(s string) bool { return forwardSubject().MatchString(s) }

// keptPart is an attachment of the outer message, which mail programs
// carry over from the original when they forward inline.
type keptPart struct {
	header message.Header
	body   []byte
}

// outerAttachments returns the attachments of the outer message, bounded
// in count and size.
func outerAttachments(raw []byte) []keptPart {
	e, _ := message.Read(bytes.NewReader(raw))
	if e == nil {
		return nil
	}
	var out []keptPart
	total := 0
	var walk func(e *message.Entity, depth int)
	walk = func(e *message.Entity, depth int) {
		if mr := e.MultipartReader(); mr != nil && depth < 4 {
			for p, err := mr.NextPart(); p != nil && len(out) < 100; p, err = mr.NextPart() {
				if err == nil || !errors.Is(err, io.EOF) {
					walk(p, depth+1)
				}
			}
			return
		}
		mediaType, disp, name := partInfo(e.Header)
		if depth == 0 || !(disp == "attachment" || name != "" || !isTextType(mediaType)) || strings.HasPrefix(mediaType, "multipart/") {
			return
		}
		b, err := io.ReadAll(io.LimitReader(e.Body, int64(maxForwardBytes-total)))
		if err != nil || total+len(b) >= maxForwardBytes {
			return
		}
		total += len(b)
		out = append(out, keptPart{header: e.Header, body: b})
	}
	walk(e, 0)
	return out
}

// quoted is the original found under a forward marker.
type quoted struct {
	fields map[string]string
	body   string
	// forwardOnly is true when the marker is one only forwards use.
	forwardOnly bool
}

// findQuoted looks for a marker followed by at least a From or Subject
// line, and returns the fields and the body under them.
func findQuoted(text string) *quoted {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	for i, l := range lines {
		if !forwardMarker().MatchString(l) {
			continue
		}
		if q := readQuoted(lines[i+1:]); q != nil {
			q.forwardOnly = forwardOnlyMarker().MatchString(l)
			return q
		}
	}
	return nil
}

func readQuoted(lines []string) *quoted {
	q := &quoted{fields: map[string]string{}}
	i := 0
	for i < len(lines) && strings.TrimSpace(strings.TrimLeft(lines[i], ">")) == "" && i < 3 {
		i++
	}
	for ; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if strings.TrimSpace(strings.TrimLeft(l, ">")) == "" {
			break
		}
		mt := quotedField().FindStringSubmatch(l)
		if mt == nil {
			break
		}
		name, ok := fieldNames[strings.ToLower(strings.TrimSpace(mt[1]))]
		if !ok {
			break
		}
		if _, dup := q.fields[name]; !dup {
			q.fields[name] = strings.TrimSpace(mt[2])
		}
	}
	if q.fields["From"] == "" && q.fields["Subject"] == "" {
		return nil
	}
	var body []string
	for _, l := range lines[i:] {
		body = append(body, strings.TrimPrefix(strings.TrimPrefix(l, ">"), " "))
	}
	q.body = strings.TrimSpace(strings.Join(body, "\n"))
	return q
}

// mailtoAddr matches the « Nom [mailto:adresse] » form Outlook quotes.
var mailtoAddr = lazyRegexp(`^(.*?)\s*\[mailto:([^\]\s]+)\]`)

// quotedAddress turns a quoted sender line into a header value.
func quotedAddress(s string) string {
	if a, err := gomail.ParseAddress(s); err == nil {
		return (&gomail.Address{Name: a.Name, Address: a.Address}).String()
	}
	if m := mailtoAddr().FindStringSubmatch(s); m != nil {
		return (&gomail.Address{Name: strings.Trim(m[1], `" `), Address: m[2]}).String()
	}
	if i := strings.LastIndexByte(s, '<'); i >= 0 && strings.HasSuffix(s, ">") {
		return (&gomail.Address{Name: strings.Trim(s[:i], `" `), Address: s[i+1 : len(s)-1]}).String()
	}
	return mime.QEncoding.Encode("utf-8", s)
}

// frenchDate matches « lundi 17 novembre 2025 à 09:12 » and
// « lun. 17 nov. 2025 à 09:12 ».
var frenchDate = lazyRegexp(`(?i)(\d{1,2})\s+(janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|sept|oct|nov|déc|dec)\p{L}*\.?\s+(\d{4})(?:\s+(?:à\s+)?(\d{1,2})\s*[:h]\s*(\d{2}))?`)

var frenchMonths = map[string]time.Month{"janv": 1, "févr": 2, "fevr": 2, "mars": 3, "avr": 4, "mai": 5, "juin": 6,
	"juil": 7, "août": 8, "aout": 8, "sept": 9, "oct": 10, "nov": 11, "déc": 12, "dec": 12}

// quotedDate reads a quoted date in RFC 5322 form or in French words
// (taken as Paris time); "" when none fits.
func quotedDate(s string) string {
	if t, err := netmail.ParseDate(s); err == nil {
		return t.Format(time.RFC1123Z)
	}
	m := frenchDate().FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	day, _ := strconv.Atoi(m[1])
	year, _ := strconv.Atoi(m[3])
	hour, _ := strconv.Atoi(m[4]) // "" when no time was written: midnight
	minute, _ := strconv.Atoi(m[5])
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		loc = time.FixedZone("CET", 3600)
	}
	t := time.Date(year, frenchMonths[strings.ToLower(m[2])], day, hour, minute, 0, 0, loc)
	return t.Format(time.RFC1123Z)
}

// message writes the quoted original as a message for the engine: its
// links restored as anchors where their text was quoted, and the outer
// attachments, which came with it.
func (q *quoted) message(links []Link, parts []keptPart) []byte {
	var b bytes.Buffer
	if v := q.fields["From"]; v != "" {
		b.WriteString("From: " + quotedAddress(v) + "\r\n")
	}
	for _, k := range []string{"To", "Cc", "Reply-To"} {
		if v := q.fields[k]; v != "" {
			b.WriteString(k + ": " + quotedAddress(v) + "\r\n")
		}
	}
	if v := q.fields["Subject"]; v != "" {
		b.WriteString("Subject: " + mime.QEncoding.Encode("utf-8", v) + "\r\n")
	}
	if d := quotedDate(q.fields["Date"]); d != "" {
		b.WriteString("Date: " + d + "\r\n")
	}
	b.WriteString(InlineForwardHeader + ": inline\r\nMIME-Version: 1.0\r\n")
	body := []byte(quotedHTML(q.body, links))
	if len(parts) == 0 {
		b.WriteString("Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
		writeBase64Lines(&b, body)
		return b.Bytes()
	}
	mw := multipart.NewWriter(&b)
	b.WriteString("Content-Type: multipart/mixed; boundary=\"" + mw.Boundary() + "\"\r\n\r\n")
	pw, _ := mw.CreatePart(textproto.MIMEHeader{"Content-Type": {"text/html; charset=utf-8"}, "Content-Transfer-Encoding": {"base64"}})
	writeBase64Lines(pw, body)
	for _, p := range parts {
		h := textproto.MIMEHeader{"Content-Transfer-Encoding": {"base64"}}
		for _, k := range []string{"Content-Type", "Content-Disposition", "Content-Id"} {
			if v := strings.Map(noControlRune, p.header.Get(k)); v != "" {
				h.Set(k, v)
			}
		}
		pw, _ := mw.CreatePart(h)
		writeBase64Lines(pw, p.body)
	}
	mw.Close()
	return b.Bytes()
}

func noControlRune(r rune) rune {
	if r < 0x20 || r == 0x7f {
		return ' '
	}
	return r
}

// quotedHTML escapes the quoted body and turns back into anchors the
// links whose visible text it quotes, so that a mismatch between the text
// and the address is still seen.
func quotedHTML(body string, links []Link) string {
	esc := html.EscapeString(body)
	for _, l := range links {
		t := html.EscapeString(strings.TrimSpace(l.Text))
		if t == "" || l.Hidden || l.Form || !strings.Contains(esc, t) {
			continue
		}
		a := `<a href="` + html.EscapeString(l.URL) + `">` + t + `</a>`
		esc = strings.Replace(esc, t, a, 1)
	}
	return "<html><body><pre>" + esc + "</pre></body></html>"
}

// writeBase64Lines writes b in base64 lines of 76 characters.
func writeBase64Lines(w io.Writer, b []byte) {
	enc := base64.StdEncoding.EncodeToString(b)
	for len(enc) > 76 {
		io.WriteString(w, enc[:76]+"\r\n")
		enc = enc[76:]
	}
	io.WriteString(w, enc+"\r\n")
}
