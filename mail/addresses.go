package mail

import (
	netmail "net/mail"
	"strings"
	"time"

	gomail "github.com/emersion/go-message/mail"
)

// readHeader fills the message fields taken from the top-level header.
func (m *Message) readHeader(h gomail.Header) {
	m.hdr = h
	m.From = addressList(h, "From")
	if s := addressList(h, "Sender"); len(s) > 0 {
		m.Sender = s[0]
	}
	m.ReplyTo = addressList(h, "Reply-To")
	m.To = addressList(h, "To")
	m.Cc = addressList(h, "Cc")
	m.ReturnPath = strings.Trim(strings.TrimSpace(h.Get("Return-Path")), "<>")
	m.Subject = headerText(h, "Subject")
	for i := range m.From {
		m.From[i].Name = decodeWords(m.From[i].Name)
	}
	if id, err := h.MessageID(); err == nil {
		m.MessageID = id
	} else {
		m.MessageID = strings.Trim(strings.TrimSpace(h.Get("Message-Id")), "<>")
	}
	if d, err := parseDate(h.Get("Date")); err == nil {
		m.Date = d
	}
}

// dateLayouts are the forms nearly every Date header takes (RFC 5322
// section 3.3), tried before net/mail's long list of layouts, which
// allocates an error for each layout that fails.
var dateLayouts = []string{"Mon, 2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 -0700"}

// parseDate reads a Date header as net/mail does, faster on common forms.
func parseDate(v string) (time.Time, error) {
	s := strings.TrimSpace(v)
	if i := strings.LastIndexByte(s, '('); i > 0 && strings.HasSuffix(s, ")") {
		s = strings.TrimSpace(s[:i]) // "… +0000 (UTC)"
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return netmail.ParseDate(v)
}

// headerText decodes a header, keeping the raw value when it cannot.
func headerText(h gomail.Header, key string) string {
	v, err := h.Text(key)
	if err != nil || strings.Contains(v, "=?") {
		v = decodeWords(h.Get(key))
	}
	return strings.ToValidUTF8(v, "\uFFFD")
}

// addressList parses an address header; when it is malformed, as in much
// spam, it falls back to a lenient reading so the sender is still judged.
func addressList(h gomail.Header, key string) []Address {
	if !h.Has(key) {
		return nil
	}
	list, err := h.AddressList(key)
	if err == nil {
		out := make([]Address, 0, len(list))
		for _, a := range list {
			out = append(out, Address{Name: strings.TrimSpace(a.Name), Addr: strings.ToLower(a.Address)})
		}
		return out
	}
	if a, ok := looseAddress(headerText(h, key)); ok {
		return []Address{a}
	}
	return nil
}

// looseAddress reads `Name <addr>` or a bare addr from a malformed value.
func looseAddress(v string) (Address, bool) {
	v = strings.TrimSpace(v)
	if i := strings.LastIndexByte(v, '<'); i >= 0 {
		if j := strings.IndexByte(v[i:], '>'); j > 0 {
			addr := strings.TrimSpace(v[i+1 : i+j])
			name := strings.Trim(strings.TrimSpace(v[:i]), "\"' ")
			return Address{Name: name, Addr: strings.ToLower(addr)}, strings.Contains(addr, "@")
		}
	}
	for _, f := range strings.Fields(v) {
		if strings.Contains(f, "@") {
			return Address{Addr: strings.ToLower(strings.Trim(f, "<>\"',;()"))}, true
		}
	}
	return Address{}, false
}
