package outlook

import (
	"fmt"
	"mime"
	"path"
	"strings"
	"time"
)

// MAPI property ids read here ([MS-OXPROPS]).
const (
	prMessageClass       = 0x001A
	prSubject            = 0x0037
	prClientSubmitTime   = 0x0039
	prSentReprName       = 0x0042
	prSentReprEmail      = 0x0065
	prSentReprAddrType   = 0x0064
	prTransportHeaders   = 0x007D
	prReceivedByName     = 0x0040
	prDisplayCc          = 0x0E03
	prDisplayTo          = 0x0E04
	prDeliveryTime       = 0x0E06
	prSenderName         = 0x0C1A
	prSenderAddrType     = 0x0C1E
	prSenderEmail        = 0x0C1F
	prRecipientType      = 0x0C15
	prBody               = 0x1000
	prRTFCompressed      = 0x1009
	prBodyHTML           = 0x1013
	prInternetMessageID  = 0x1035
	prDisplayName        = 0x3001
	prAddrType           = 0x3002
	prEmailAddress       = 0x3003
	prAttachData         = 0x3701
	prAttachFilename     = 0x3704
	prAttachMethod       = 0x3705
	prAttachLongFilename = 0x3707
	prAttachMimeTag      = 0x370E
	prAttachContentID    = 0x3712
	prSMTPAddress        = 0x39FE
	prInternetCPID       = 0x3FDE
	prMessageCodepage    = 0x3FFD
	prSenderSMTP         = 0x5D01
	prSentReprSMTP       = 0x5D02
	prAttachHidden       = 0x7FFE
)

// maxRecipients and maxAttachments bound what is read from one message.
const (
	maxRecipients  = 5000
	maxAttachments = 500
)

// person is one address read from the properties.
type person struct {
	Name, Addr string
}

// attachment is one attached file or embedded message.
type attachment struct {
	Name, Type, ContentID string
	Inline                bool
	Data                  []byte
	Message               *message // an embedded Outlook message
}

// message is the part of a MAPI message that the MIME writer needs.
type message struct {
	Class       string
	Headers     string // transport headers, "" when absent
	From        person
	To, Cc      []person
	Subject     string
	Date        time.Time
	MessageID   string
	Text, HTML  string
	Body        string
	Attachments []attachment
}

func (m *message) info() Info {
	return Info{Class: m.Class, TransportHeaders: m.Headers != "", Attachments: len(m.Attachments), Body: m.Body}
}

// readMessage reads the message stored at n. A storage without properties
// is damaged; an item of another class is not a message.
func readMessage(n node, depth int) (*message, error) {
	if !n.hasProperties() {
		return nil, fmt.Errorf("%w: no message properties", ErrCorrupt)
	}
	if cp := max(n.long(prMessageCodepage), 0); cp != 0 {
		n.cp = cp
	} else if cp := max(n.long(prInternetCPID), 0); cp != 0 {
		n.cp = cp
	}
	m := &message{Class: n.str(prMessageClass)}
	if !isMessageClass(m.Class) {
		return nil, &NotMessageError{Class: m.Class}
	}
	m.Headers = n.str(prTransportHeaders)
	m.Subject = n.str(prSubject)
	m.MessageID = n.str(prInternetMessageID)
	m.Date = n.time(prClientSubmitTime)
	if m.Date.IsZero() {
		m.Date = n.time(prDeliveryTime)
	}
	m.From = sender(n)
	m.To, m.Cc = recipients(n)
	readBody(n, m)
	m.Attachments = attachments(n, depth)
	return m, nil
}

// time reads a PT_SYSTIME property (a FILETIME: 100 ns since 1601).
func (n node) time(id uint16) time.Time {
	v, ok := n.fixed(id)
	if !ok || v == 0 {
		return time.Time{}
	}
	const epochDiff = 116444736000000000 // 1601-01-01 to 1970-01-01 in 100 ns
	if v < epochDiff || v > epochDiff+1e18 {
		return time.Time{}
	}
	d := int64(v - epochDiff)
	return time.Unix(d/1e7, d%1e7*100).UTC()
}

// sender prefers the SMTP address: Exchange senders also carry an X.500
// path ("/O=…") that is not a mail address.
func sender(n node) person {
	p := person{Name: n.str(prSenderName)}
	p.Addr = smtpOf(n.str(prSenderSMTP), n.str(prSenderAddrType), n.str(prSenderEmail))
	if p.Addr == "" && p.Name == "" {
		p.Name = n.str(prSentReprName)
		p.Addr = smtpOf(n.str(prSentReprSMTP), n.str(prSentReprAddrType), n.str(prSentReprEmail))
	}
	return p
}

func smtpOf(smtp, addrType, email string) string {
	if smtp != "" {
		return smtp
	}
	if strings.EqualFold(addrType, "EX") || strings.HasPrefix(email, "/") || !strings.Contains(email, "@") {
		return ""
	}
	return email
}

// recipients reads the recipient storages into To and Cc; Bcc is left out,
// as a received message never shows it.
func recipients(n node) (to, cc []person) {
	for i, name := range n.childrenWith("__recip_version1.0_") {
		if i >= maxRecipients {
			break
		}
		r := n.child(name, 8)
		p := person{Name: r.str(prDisplayName)}
		p.Addr = smtpOf(r.str(prSMTPAddress), r.str(prAddrType), r.str(prEmailAddress))
		switch r.long(prRecipientType) & 0xF {
		case 2:
			cc = append(cc, p)
		case 3:
		default:
			to = append(to, p)
		}
	}
	return to, cc
}

// readBody fills the text and HTML bodies: the plain text and the HTML
// when present, else what the compressed RTF holds.
func readBody(n node, m *message) {
	m.Text = n.str(prBody)
	if b, ok := n.raw(prBodyHTML, ptBinary); ok {
		cp := n.long(prInternetCPID)
		if cp == 0 {
			cp = n.cp
		}
		m.HTML = trimNUL(decodeCodePage(b, cp))
	} else {
		m.HTML = n.str(prBodyHTML)
	}
	switch {
	case m.HTML != "":
		m.Body = "html"
	case m.Text != "":
		m.Body = "text"
	}
	if m.HTML != "" {
		return
	}
	rtf, ok := n.raw(prRTFCompressed, ptBinary)
	if !ok {
		return
	}
	raw, err := decompressRTF(rtf)
	if err != nil {
		return
	}
	s, isHTML := rtfToText(raw, n.cp)
	switch {
	case isHTML:
		m.HTML, m.Body = s, "rtf-html"
	case m.Text == "" && strings.TrimSpace(s) != "":
		m.Text, m.Body = s, "rtf"
	}
}

// attachments reads the attachment storages, embedded messages included.
func attachments(n node, depth int) []attachment {
	var out []attachment
	for i, name := range n.childrenWith("__attach_version1.0_") {
		if i >= maxAttachments {
			break
		}
		out = append(out, readAttachment(n.child(name, 8), depth))
	}
	return out
}

const (
	attachEmbedded = 5
	attachOLE      = 6
)

func readAttachment(a node, depth int) attachment {
	at := attachment{ContentID: a.str(prAttachContentID), Inline: a.long(prAttachHidden) != 0}
	at.Name = firstNonEmpty(a.str(prAttachLongFilename), a.str(prAttachFilename), a.str(prDisplayName))
	at.Type = strings.ToLower(a.str(prAttachMimeTag))
	obj := fmt.Sprintf("__substg1.0_%04X%04X", prAttachData, ptObject)
	if a.long(prAttachMethod) == attachEmbedded || a.hasStorage(obj) {
		at.Message = embedded(a.child(obj, 24), depth)
		if at.Name == "" {
			at.Name = "message.msg"
		}
		return at
	}
	at.Data, _ = a.raw(prAttachData, ptBinary)
	if at.Type == "" {
		at.Type = mime.TypeByExtension(strings.ToLower(path.Ext(at.Name)))
	}
	if at.Type == "" {
		at.Type = "application/octet-stream"
	}
	return at
}

// embedded reads a message attached to a message. Past the depth limit,
// or when it is not a message (an attached contact), it stays an opaque
// Outlook attachment.
func embedded(n node, depth int) *message {
	if depth+1 >= MaxDepth {
		return nil
	}
	m, err := readMessage(n, depth+1)
	if err != nil {
		return nil
	}
	return m
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
