package mail

import (
	"strings"
	"time"

	gomail "github.com/emersion/go-message/mail"
)

// Limits that keep the memory used per message bounded whatever its size.
const (
	// maxTextBytes caps the plain text kept from all text parts together.
	maxTextBytes = 256 << 10
	// maxHTMLTextBytes caps the visible text kept from all HTML parts.
	maxHTMLTextBytes = 256 << 10
	// maxHiddenTextBytes bounds the invisible text kept for comparison.
	maxHiddenTextBytes = 16 << 10
	// maxSheetBytes bounds the <style> text read for rules that push
	// content out of sight.
	maxSheetBytes = 64 << 10
	// maxHTMLBytes caps the HTML read per part; the rest is drained unread.
	maxHTMLBytes = 8 << 20
	// maxLinks caps the links kept per message.
	maxLinks = 500
	// maxParts caps the MIME parts visited per message.
	maxParts = 1000
	// maxDepth caps multipart nesting; deeper parts are skipped.
	maxDepth = 32
	// maxHeaderBytes caps the top-level header block.
	maxHeaderBytes = 2 << 20
)

// Address is one mailbox of an address header.
type Address struct {
	Name string `json:"name,omitempty"`
	Addr string `json:"addr"`
}

// Domain returns the lower-cased domain of the address, or "".
func (a Address) Domain() string {
	i := strings.LastIndexByte(a.Addr, '@')
	if i < 0 {
		return ""
	}
	return strings.ToLower(strings.Trim(a.Addr[i+1:], ". "))
}

// String formats the address the way a mail client shows it.
func (a Address) String() string {
	if a.Name == "" {
		return "<" + a.Addr + ">"
	}
	return "\"" + a.Name + "\" <" + a.Addr + ">"
}

// Link is one hyperlink found in the message body. Nothing is ever fetched.
type Link struct {
	URL string `json:"url"`
	// Text is the visible text of an HTML anchor ("" for plain-text links).
	Text string `json:"text,omitempty"`
	// Host is the lower-cased host of URL ("" when it has none).
	Host string `json:"host,omitempty"`
	// Form is true when the URL is the action of an HTML form.
	Form bool `json:"form,omitempty"`
	// Hidden is true for an anchor inside an invisible element.
	Hidden bool `json:"hidden,omitempty"`
	// Via is the host of a site the link passes through to reach URL (a
	// search engine's exit link), "" when it leads there directly or only
	// through the reader's own mail protection, which is undone silently.
	Via string `json:"via,omitempty"`
}

// Attachment describes one attached file; its content is measured and hashed
// while streaming, never kept.
type Attachment struct {
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	SHA256      string `json:"sha256,omitempty"`
	// Sniffed names the real format seen in the first bytes ("exe", "zip",
	// "pdf"…) when it is recognised.
	Sniffed string `json:"sniffed,omitempty"`
	// Archive is set for zip files whose central directory could be read.
	Archive *Archive `json:"archive,omitempty"`
}

// Archive summarises a zip attachment's central directory.
type Archive struct {
	Entries      []string `json:"entries,omitempty"`
	Encrypted    bool     `json:"encrypted,omitempty"`
	Uncompressed uint64   `json:"uncompressed"`
	Compressed   uint64   `json:"compressed"`
	// Incomplete is true when the directory could not be read in full.
	Incomplete bool `json:"incomplete,omitempty"`
}

// Message is the bounded view of one raw message that the rules read.
type Message struct {
	From       []Address
	Sender     Address
	ReplyTo    []Address
	To         []Address
	Cc         []Address
	ReturnPath string
	Subject    string
	MessageID  string
	Date       time.Time
	// hdr is the top-level header, kept for the rules that need raw fields.
	hdr gomail.Header
	// Text is the plain text of the text/plain parts (capped).
	Text string
	// HTMLText is the visible text of the text/html parts (capped).
	HTMLText string
	// HasHTML tells whether the message has an HTML body.
	HasHTML bool
	// Images counts <img> tags in the HTML body.
	Images int
	// HiddenElements counts HTML elements styled to be invisible.
	HiddenElements int
	// HiddenText counts the bytes of text inside invisible elements.
	HiddenText int
	// Offscreen is the CSS declaration that pushes the rest of the HTML
	// several screens below what the reader sees ("margin-top:470500px"),
	// or "". What follows it counts as hidden.
	Offscreen string
	// HiddenWords is the start of the text inside invisible elements
	// (capped), compared with the visible text by the hidden-text rule.
	HiddenWords string
	Links       []Link
	Attachments []Attachment
	// PasswordField is true when an HTML part holds a password input.
	PasswordField bool
	// Problems lists what was malformed or skipped while parsing.
	Problems []string
}

// Header returns the values of the top-level header key, top first.
func (m *Message) Header(key string) []string {
	return m.hdr.Values(key)
}

// FromAddr returns the first From address, or a zero Address.
func (m *Message) FromAddr() Address {
	if len(m.From) == 0 {
		return Address{}
	}
	return m.From[0]
}

func (m *Message) problem(p string) {
	if len(m.Problems) < 20 {
		m.Problems = append(m.Problems, p)
	}
}
