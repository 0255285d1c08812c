package mail

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"hygie/i18n"
	"hygie/mail/outlook"
)

// Source names the form in which a message reached Hygie.
type Source string

// The sources ReadInput tells apart, by content rather than by name.
const (
	SourceEML    Source = "eml"    // a raw message file (.eml, or .txt holding one)
	SourceMsg    Source = "msg"    // an Outlook item file
	SourceMbox   Source = "mbox"   // a mailbox file, one Input per message
	SourcePasted Source = "pasted" // source text pasted or piped on standard input
)

// MaxInputBytes caps what ReadInput accepts: more than any message a
// practice receives, little enough to hold in memory.
const MaxInputBytes = 50 << 20

// maxMboxMessages bounds the messages taken from one mailbox file.
const maxMboxMessages = 10000

// The errors ReadInput returns for input it cannot judge. Each has a
// sentence for the user in InputErrors.
var (
	// ErrTooLarge: the input is over MaxInputBytes; nothing was read past it.
	ErrTooLarge = errors.New("input: larger than 50 MB")
	// ErrEmpty: the file or the pasted text is empty.
	ErrEmpty = errors.New("input: empty")
	// ErrNotMail: the file is something else (PDF, image, archive, program,
	// Word or Excel document…), recognised from its first bytes.
	ErrNotMail = errors.New("input: not a mail message")
	// ErrNoHeaders: text without the header lines of a message (From:,
	// Subject:, Received:…), typically the body copied instead of the
	// source.
	ErrNoHeaders = errors.New("input: text has no message headers")
	// ErrNotMessage: an Outlook item that is not a message (contact,
	// appointment, note); errors.As gives *outlook.NotMessageError.
	ErrNotMessage = outlook.ErrNotMessage
	// ErrDamaged: an Outlook file that is truncated or damaged.
	ErrDamaged = outlook.ErrCorrupt
)

// Input is one message to judge, as ReadInput found it.
type Input struct {
	// Name is the input's name; "name#3" for the third message of a mailbox.
	Name   string
	Source Source
	// Raw is the message to analyse: the forwarded original when Forward
	// says so, else the message itself.
	Raw []byte
	// Forward tells whether Raw was taken out of a forward, and who
	// forwarded it.
	Forward Forward
	// Outlook describes an Outlook item (nil for other sources):
	// Outlook.TransportHeaders is false for a draft or a sent item, which
	// carries no delivery trace to judge. It describes the outer item: an
	// original attached to it (Forward.Kind ForwardAttached) has its own.
	Outlook *outlook.Info
}

// ReadInput reads what the user dropped, opened, pasted or piped and
// returns the messages to judge, forwards already unwrapped. name is the
// file name ("" for pasted text, which gives SourcePasted); size is the
// size when known (a file), or -1. The format is told from the content,
// whatever the name's extension. Errors are the sentinels above, wrapped.
func ReadInput(name string, r io.Reader, size int64) ([]Input, error) {
	if size > MaxInputBytes {
		return nil, fmt.Errorf("%s: %d bytes: %w", inputLabel(name), size, ErrTooLarge)
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxInputBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", inputLabel(name), err)
	}
	if len(data) > MaxInputBytes {
		return nil, fmt.Errorf("%s: %w", inputLabel(name), ErrTooLarge)
	}
	return readInput(name, data)
}

// inputLabel names an input in error messages.
func inputLabel(name string) string {
	if name == "" {
		return "pasted text"
	}
	return name
}

func readInput(name string, data []byte) ([]Input, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%s: %w", inputLabel(name), ErrEmpty)
	}
	switch kind := sniffInput(data); {
	case kind == "ole":
		return readOutlook(name, data)
	case kind != "":
		return nil, fmt.Errorf("%s: %s file: %w", inputLabel(name), kind, ErrNotMail)
	}
	text := trimPasted(data)
	if IsMbox(text) {
		return readMbox(name, text)
	}
	if !hasHeaders(text) {
		return nil, fmt.Errorf("%s: %w", inputLabel(name), ErrNoHeaders)
	}
	src := SourceEML
	if name == "" {
		src = SourcePasted
	}
	return []Input{unwrapInput(name, src, text)}, nil
}

// sniffInput names a binary format from the first bytes, or "" for text.
func sniffInput(data []byte) string {
	head := data[:min(len(data), 512)]
	switch kind := sniff(head); kind {
	case "", "html", "svg":
	default:
		return kind
	}
	for _, m := range []struct{ prefix, kind string }{
		{"PK\x05\x06", "zip"}, {"II*\x00", "tiff"}, {"MM\x00*", "tiff"}, {"BM", "bmp"},
		{"\x00\x00\x01\x00", "ico"}, {"BZh", "bzip2"}, {"\xfd7zXZ\x00", "xz"},
	} {
		if bytes.HasPrefix(head, []byte(m.prefix)) {
			return m.kind
		}
	}
	switch {
	case bytes.HasPrefix(head, []byte("RIFF")) && len(head) >= 12 && string(head[8:12]) == "WEBP":
		return "webp"
	case len(head) >= 12 && string(head[4:8]) == "ftyp":
		return "heic or mp4"
	case bytes.IndexByte(head, 0) >= 0: // text never holds NUL bytes
		return "binary"
	}
	return ""
}

// trimPasted drops what a paste adds before the source: a byte-order
// mark, blank lines, indentation of the first line.
func trimPasted(data []byte) []byte {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	return bytes.TrimLeft(data, " \t\r\n")
}

// headerLine matches a header field line.
var headerLine = lazyRegexp(`^[A-Za-z0-9][A-Za-z0-9-]*[ \t]*:`)

// knownFields are fields every delivered message has at least one of.
var knownFields = lazyRegexp(`(?im)^(from|subject|received|return-path|message-id|date|delivered-to|authentication-results)[ \t]*:`)

// hasHeaders reports whether text starts with a header block naming at
// least one of the fields a delivered message has.
func hasHeaders(text []byte) bool {
	block := text
	if i := bytes.Index(text, []byte("\n\n")); i >= 0 {
		block = text[:i]
	}
	if i := bytes.Index(block, []byte("\r\n\r\n")); i >= 0 {
		block = block[:i]
	}
	first, _, _ := bytes.Cut(block, []byte("\n"))
	return headerLine().Match(first) && knownFields().Match(block[:min(len(block), maxHeaderBytes)])
}

func readOutlook(name string, data []byte) ([]Input, error) {
	raw, info, err := outlook.Convert(data)
	switch {
	case errors.Is(err, outlook.ErrNotOutlook):
		return nil, fmt.Errorf("%s: office document: %w", inputLabel(name), ErrNotMail)
	case err != nil:
		return nil, fmt.Errorf("%s: %w", inputLabel(name), err)
	}
	in := unwrapInput(name, SourceMsg, raw)
	in.Outlook = &info
	return []Input{in}, nil
}

func readMbox(name string, data []byte) ([]Input, error) {
	box := NewMbox(bytes.NewReader(data))
	var out []Input
	for i := 1; i <= maxMboxMessages; i++ {
		r, err := box.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return out, fmt.Errorf("%s: %w", inputLabel(name), err)
		}
		raw, err := io.ReadAll(r)
		if err != nil {
			return out, fmt.Errorf("%s: %w", inputLabel(name), err)
		}
		if len(bytes.TrimSpace(raw)) > 0 {
			out = append(out, unwrapInput(fmt.Sprintf("%s#%d", name, i), SourceMbox, raw))
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: mailbox holds no message: %w", inputLabel(name), ErrEmpty)
	}
	return out, nil
}

// unwrapInput takes the original out of a forward. A message Unwrap cannot
// read is kept as it is: the analysis reports it.
func unwrapInput(name string, src Source, raw []byte) Input {
	in := Input{Name: name, Source: src, Raw: raw}
	if inner, fwd, err := Unwrap(raw); err == nil {
		in.Raw, in.Forward = inner, fwd
	}
	return in
}

// InputError pairs a ReadInput error with the sentence that tells the
// user what happened and what to do.
type InputError struct {
	Err  error
	Text i18n.Text
}

// InputErrors is the sentence of each ReadInput error, shared by the
// window and the command line. More specific errors come first.
var InputErrors = []InputError{
	{ErrTooLarge, i18n.Text{
		FR: "Ce fichier dépasse 50 Mo : ce n'est pas un message ordinaire. Ne l'ouvrez pas et demandez conseil.",
		EN: "This file is over 50 MB: it is not an ordinary message. Do not open it and ask for advice."}},
	{ErrEmpty, i18n.Text{
		FR: "Le fichier est vide : enregistrez de nouveau le message depuis votre messagerie, puis réessayez.",
		EN: "The file is empty: save the message again from your mail program, then try again."}},
	{ErrNotMail, i18n.Text{
		FR: "Ce fichier n'est pas un message (c'est un document, une image ou une archive). Déposez le message lui-même, enregistré en .eml ou .msg.",
		EN: "This file is not a message (it is a document, an image or an archive). Drop the message itself, saved as .eml or .msg."}},
	{ErrNoHeaders, i18n.Text{
		FR: "Ce texte ne contient pas les en-têtes du message. Copiez la « source » ou l'« original » du message (menu « Afficher la source » de votre messagerie), pas seulement son texte.",
		EN: "This text lacks the message headers. Copy the message's “source” or “original” (“Show source” in your mail program), not only its text."}},
	{ErrNotMessage, i18n.Text{
		FR: "Ce fichier Outlook n'est pas un message (c'est un rendez-vous, un contact ou une note) : il n'y a rien à vérifier.",
		EN: "This Outlook file is not a message (it is an appointment, a contact or a note): there is nothing to check."}},
	{ErrDamaged, i18n.Text{
		FR: "Ce fichier Outlook est abîmé ou incomplet. Enregistrez de nouveau le message depuis Outlook, puis réessayez.",
		EN: "This Outlook file is damaged or incomplete. Save the message again from Outlook, then try again."}},
}

// InputErrorText returns the sentence for an error of ReadInput, and false
// for any other error (a file that cannot be opened, for instance).
func InputErrorText(err error) (i18n.Text, bool) {
	for _, e := range InputErrors {
		if errors.Is(err, e.Err) {
			return e.Text, true
		}
	}
	return i18n.Text{}, false
}

// Notes that go with a verdict, for the window and the command line. The
// forward notes take the address of the person who forwarded; Forward.Note
// picks the right one.
var (
	// NoteForwardAttached: the forwarded original was judged, headers
	// included; %s is the address of the person who forwarded it.
	NoteForwardAttached = i18n.Text{
		FR: "Message transféré par %s : Hygie a vérifié le message d'origine, joint en entier.",
		EN: "Message forwarded by %s: Hygie checked the original message, attached in full."}
	// NoteForwardInline: the original was quoted; its headers are lost.
	NoteForwardInline = i18n.Text{
		FR: "Message transféré par %s : l'original n'est pas joint, seul son texte a été vérifié (expéditeur affiché, liens, formulation). Son origine réelle ne peut pas être contrôlée ; pour une vérification complète, demandez-le en pièce jointe.",
		EN: "Message forwarded by %s: the original is not attached, only its text was checked (displayed sender, links, wording). Its real origin cannot be checked; for a full check, ask for it as an attachment."}
	// NoteAttachedNoSender and NoteInlineNoSender are the same notes when
	// the outer message names no sender (an Outlook draft).
	NoteAttachedNoSender = i18n.Text{
		FR: "Message joint à un autre : Hygie a vérifié le message d'origine, joint en entier.",
		EN: "Message attached to another: Hygie checked the original message, attached in full."}
	NoteInlineNoSender = i18n.Text{
		FR: "Message cité dans un autre : l'original n'est pas joint, seul son texte a été vérifié (expéditeur affiché, liens, formulation). Son origine réelle ne peut pas être contrôlée ; pour une vérification complète, demandez-le en pièce jointe.",
		EN: "Message quoted in another: the original is not attached, only its text was checked (displayed sender, links, wording). Its real origin cannot be checked; for a full check, ask for it as an attachment."}
	// NoteNoDeliveryTrace: an Outlook draft or sent item.
	NoteNoDeliveryTrace = i18n.Text{
		FR: "Ce fichier Outlook ne garde pas la trace de sa livraison (brouillon ou message envoyé) : l'expéditeur n'a pas pu être authentifié, le reste a été vérifié.",
		EN: "This Outlook file keeps no delivery trace (a draft or a sent message): the sender could not be authenticated; the rest was checked."}
)

// Note returns the sentence that says how the forward was judged, in the
// language of lang, or "" when the message was not forwarded.
func (f Forward) Note(lang string) string {
	by := f.By.Addr
	switch {
	case f.Kind == ForwardAttached && by != "":
		return fmt.Sprintf(NoteForwardAttached.In(lang), by)
	case f.Kind == ForwardAttached:
		return NoteAttachedNoSender.In(lang)
	case f.Kind == ForwardInline && by != "":
		return fmt.Sprintf(NoteForwardInline.In(lang), by)
	case f.Kind == ForwardInline:
		return NoteInlineNoSender.In(lang)
	}
	return ""
}
