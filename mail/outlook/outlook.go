// Package outlook reads Outlook .msg files (OLE compound files holding MAPI
// properties) and turns each into an RFC 5322/MIME message, so that the
// mail engine judges it exactly as it judges an .eml:
//
//	raw, info, err := outlook.Convert(data) // data: the whole .msg file
//	switch {
//	case errors.Is(err, outlook.ErrNotMessage): // a contact, an appointment…
//	case errors.Is(err, outlook.ErrCorrupt):    // truncated or damaged file
//	case errors.Is(err, outlook.ErrNotOutlook): // a .doc, an .xls…
//	case err != nil:                            // cannot happen otherwise
//	}
//	rep, err := mail.NewAnalyzer(opts).Analyze(bytes.NewReader(raw))
//
// The converted message carries the original transport headers when
// Outlook kept them (Received, Authentication-Results… count as in the
// original), else headers rebuilt from the sender, recipients, subject,
// date and message id; info.TransportHeaders says which, so the caller can
// tell the user that a draft or a sent item has no delivery trace. Bodies
// are the plain text, the HTML, or the compressed RTF decompressed here
// ([MS-OXRTFCP]) and reduced to text or to the HTML it encapsulates.
// Attachments keep their name, type and bytes; an attached Outlook message
// becomes a message/rfc822 part, recursively up to a bounded depth.
//
// The reader never panics and never loops without bound on a crafted
// file: sizes are checked against the file, nesting is capped, and any
// surprise from the compound-file reader becomes ErrCorrupt.
package outlook

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
)

// ErrNotMessage is returned (wrapped in a *NotMessageError naming the
// Outlook class) for an item that is not a mail message: an appointment,
// a contact, a note, a task. The UI says it is not a message rather than
// giving a verdict.
var ErrNotMessage = errors.New("outlook: item is not a mail message")

// ErrCorrupt is returned for a file that is not a readable compound file
// or whose message properties are missing or damaged (a truncated download,
// a file cut short).
var ErrCorrupt = errors.New("outlook: file is damaged or truncated")

// ErrNotOutlook is returned for a compound file that holds no Outlook item
// at all: an old Word or Excel document (.doc, .xls), an installer.
var ErrNotOutlook = errors.New("outlook: compound file holds no Outlook item")

// NotMessageError tells which kind of Outlook item was found instead of a
// message. errors.Is(err, ErrNotMessage) is true for it.
type NotMessageError struct {
	// Class is the item's PR_MESSAGE_CLASS, e.g. "IPM.Appointment".
	Class string
}

func (e *NotMessageError) Error() string {
	return fmt.Sprintf("outlook: item of class %q is not a mail message", e.Class)
}

// Is makes errors.Is(err, ErrNotMessage) match.
func (e *NotMessageError) Is(target error) bool { return target == ErrNotMessage }

// Info describes the converted item.
type Info struct {
	// Class is the Outlook message class (PR_MESSAGE_CLASS), e.g. "IPM.Note".
	Class string
	// TransportHeaders is true when the file kept the headers of the
	// delivered message; false for drafts and sent items, whose headers
	// were rebuilt from the properties and carry no delivery trace.
	TransportHeaders bool
	// Attachments counts the top-level attachments, embedded messages
	// included.
	Attachments int
	// Body names where the text came from: "text", "html", "rtf", "rtf-html"
	// (HTML encapsulated in RTF) or "" when the item has no body.
	Body string
}

// magic starts every OLE compound file.
var magic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// IsMsg reports whether head, the first bytes of a file, starts an OLE
// compound file, the container of .msg files (and of old .doc and .xls).
func IsMsg(head []byte) bool {
	return bytes.HasPrefix(head, magic)
}

// MaxDepth bounds the nesting of messages attached inside messages: the
// top-level message counts as one, and deeper ones stay opaque attachments.
const MaxDepth = 8

// Convert reads a whole .msg file and returns the equivalent MIME message.
// Errors are ErrNotMessage (as *NotMessageError), ErrNotOutlook or
// ErrCorrupt, wrapped.
func Convert(data []byte) (raw []byte, info Info, err error) {
	defer func() {
		if p := recover(); p != nil { // a reader bug must not crash the app
			raw, info, err = nil, Info{}, fmt.Errorf("%w: %v", ErrCorrupt, p)
		}
	}()
	f, err := openCFB(data)
	if err != nil {
		return nil, Info{}, err
	}
	root := f.root()
	if !root.hasProperties() && !f.hasMAPI() {
		return nil, Info{}, ErrNotOutlook
	}
	m, err := readMessage(root, 0)
	if err != nil {
		return nil, Info{}, err
	}
	var buf bytes.Buffer
	writeMessage(&buf, m)
	return buf.Bytes(), m.info(), nil
}

// isMessageClass tells mail messages (and delivery reports) from the other
// Outlook items.
func isMessageClass(class string) bool {
	c := strings.ToUpper(class)
	return c == "IPM.NOTE" || strings.HasPrefix(c, "IPM.NOTE.") || strings.HasPrefix(c, "REPORT.")
}
