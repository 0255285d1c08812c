package outlook

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	netmail "net/mail"
	"net/textproto"
	"strings"
	"time"
)

// droppedHeaders are the transport header fields that described the
// original MIME structure; the converted message has its own.
var droppedHeaders = map[string]bool{
	"Content-Type": true, "Content-Transfer-Encoding": true, "Mime-Version": true,
	"Content-Disposition": true, "Content-Id": true, "Content-Description": true,
}

// writeMessage writes m as an RFC 5322 message with its own MIME tree.
func writeMessage(w *bytes.Buffer, m *message) {
	have := writeTransportHeaders(w, m.Headers)
	writeBuiltHeaders(w, m, have)
	w.WriteString("MIME-Version: 1.0\r\n")
	if len(m.Attachments) == 0 {
		writeBody(w, m)
		return
	}
	mw := multipart.NewWriter(w)
	fmt.Fprintf(w, "Content-Type: multipart/mixed; boundary=%q\r\n\r\n", mw.Boundary())
	var body bytes.Buffer
	writeBody(&body, m)
	part(mw, &body)
	for _, a := range m.Attachments {
		writeAttachment(mw, a)
	}
	mw.Close()
}

// part copies a block of "headers, blank line, body" into a new part.
func part(mw *multipart.Writer, block *bytes.Buffer) {
	tp := textproto.NewReader(bufio.NewReader(block))
	h, _ := tp.ReadMIMEHeader()
	pw, err := mw.CreatePart(h)
	if err != nil {
		return
	}
	io.Copy(pw, tp.R)
}

// writeTransportHeaders copies the original header fields, one per
// (possibly folded) field, up to the first blank line, and returns the
// names it kept.
func writeTransportHeaders(w *bytes.Buffer, hdr string) map[string]bool {
	have := map[string]bool{}
	keep := false
	for _, line := range strings.Split(strings.ReplaceAll(hdr, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(line) == "" {
			if len(have) > 0 {
				break
			}
			continue
		}
		if line[0] == ' ' || line[0] == '\t' {
			if keep {
				w.WriteString(line + "\r\n")
			}
			continue
		}
		name, _, ok := strings.Cut(line, ":")
		name = textproto.CanonicalMIMEHeaderKey(strings.TrimSpace(name))
		keep = ok && name != "" && !strings.ContainsAny(name, " \t") && !droppedHeaders[name]
		if keep {
			have[name] = true
			w.WriteString(line + "\r\n")
		}
	}
	return have
}

// writeBuiltHeaders writes the fields the transport headers lack (all of
// them for a draft or a sent item) from the properties.
func writeBuiltHeaders(w *bytes.Buffer, m *message, have map[string]bool) {
	field := func(name, value string) {
		if !have[name] && value != "" {
			w.WriteString(name + ": " + value + "\r\n")
		}
	}
	field("From", addressList([]person{m.From}))
	field("To", addressList(m.To))
	field("Cc", addressList(m.Cc))
	field("Subject", encodeWords(m.Subject))
	if !m.Date.IsZero() {
		field("Date", m.Date.Format(time.RFC1123Z))
	}
	if id := strings.TrimSpace(m.MessageID); id != "" && !strings.ContainsAny(id, "\r\n") {
		field("Message-Id", id)
	}
}

// addressList formats people for a header; a person known only by name
// (an Exchange sender without SMTP address) becomes an empty group
// "Name: ;", which keeps the name readable without inventing an address.
func addressList(ps []person) string {
	var out []string
	for _, p := range ps {
		name := strings.Map(noControl, p.Name)
		addr := strings.Map(noControl, strings.TrimSpace(p.Addr))
		switch {
		case addr != "":
			out = append(out, (&netmail.Address{Name: name, Address: addr}).String())
		case strings.TrimSpace(name) != "":
			out = append(out, encodeWords(strings.NewReplacer(":", " ", ";", " ", ",", " ").Replace(name))+": ;")
		}
	}
	return strings.Join(out, ",\r\n ")
}

func noControl(r rune) rune {
	if r < 0x20 || r == 0x7f {
		return ' '
	}
	return r
}

// encodeWords encodes a header text as RFC 2047 words, folded so that no
// line grows past the limit.
func encodeWords(s string) string {
	s = strings.TrimSpace(strings.Map(noControl, s))
	return strings.ReplaceAll(mime.QEncoding.Encode("utf-8", s), "?= =?", "?=\r\n =?")
}

// writeBody writes the Content-Type and content of the text and HTML
// bodies: one part, or multipart/alternative when there are both.
func writeBody(w *bytes.Buffer, m *message) {
	switch {
	case m.Text != "" && m.HTML != "":
		mw := multipart.NewWriter(w)
		fmt.Fprintf(w, "Content-Type: multipart/alternative; boundary=%q\r\n\r\n", mw.Boundary())
		for _, t := range []struct{ typ, s string }{{"text/plain", m.Text}, {"text/html", m.HTML}} {
			pw, _ := mw.CreatePart(textproto.MIMEHeader{
				"Content-Type": {t.typ + "; charset=utf-8"}, "Content-Transfer-Encoding": {"base64"}})
			writeBase64(pw, []byte(t.s))
		}
		mw.Close()
	case m.HTML != "":
		w.WriteString("Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
		writeBase64(w, []byte(m.HTML))
	default:
		w.WriteString("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
		writeBase64(w, []byte(m.Text))
	}
}

// writeAttachment writes one attachment part; an embedded message is
// converted in turn and attached as message/rfc822.
func writeAttachment(mw *multipart.Writer, a attachment) {
	disp := "attachment"
	if a.Inline {
		disp = "inline"
	}
	h := textproto.MIMEHeader{}
	name := strings.Map(noControl, a.Name)
	if a.Message != nil {
		h.Set("Content-Type", "message/rfc822")
		h.Set("Content-Disposition", formatMedia(disp, "filename", name))
		pw, err := mw.CreatePart(h)
		if err == nil {
			var inner bytes.Buffer
			writeMessage(&inner, a.Message)
			pw.Write(inner.Bytes())
		}
		return
	}
	typ := a.Type
	if _, _, err := mime.ParseMediaType(typ); err != nil || strings.HasPrefix(typ, "multipart/") || strings.HasPrefix(typ, "message/") {
		typ = "application/octet-stream"
	}
	h.Set("Content-Type", formatMedia(typ, "name", name))
	h.Set("Content-Disposition", formatMedia(disp, "filename", name))
	h.Set("Content-Transfer-Encoding", "base64")
	if id := strings.Map(noControl, a.ContentID); id != "" {
		h.Set("Content-Id", "<"+strings.Trim(id, "<> ")+">")
	}
	pw, err := mw.CreatePart(h)
	if err == nil {
		writeBase64(pw, a.Data)
	}
}

// formatMedia formats a media value with one parameter (RFC 2231
// encoded when needed), or the bare value when the parameter is empty.
func formatMedia(value, param, v string) string {
	if v == "" {
		return value
	}
	if s := mime.FormatMediaType(value, map[string]string{param: v}); s != "" {
		return s
	}
	return value
}

// writeBase64 writes b in base64 lines of 76 characters.
func writeBase64(w io.Writer, b []byte) {
	enc := base64.StdEncoding.EncodeToString(b)
	for len(enc) > 76 {
		io.WriteString(w, enc[:76]+"\r\n")
		enc = enc[76:]
	}
	io.WriteString(w, enc+"\r\n")
}
