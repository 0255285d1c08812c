package mail

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"io"
)

// headSize is how much of an attachment is kept to recognise its format.
const headSize = 512

// tailSize is how much of the end of a zip attachment is kept to read its
// central directory; a larger directory is reported as incomplete.
const tailSize = 256 << 10

// attachmentSink measures, hashes and sniffs an attachment while it
// streams through, keeping only its head and, for zips, its tail.
type attachmentSink struct {
	n    int64
	h    hash.Hash
	head []byte
	tail []byte
	zip  bool
}

func (s *attachmentSink) Write(p []byte) (int, error) {
	s.n += int64(len(p))
	s.h.Write(p)
	if room := headSize - len(s.head); room > 0 {
		s.head = append(s.head, p[:min(room, len(p))]...)
		if len(s.head) >= 4 && bytes.HasPrefix(s.head, []byte("PK\x03\x04")) {
			s.zip = true
		}
	}
	if s.zip {
		s.keepTail(p)
	}
	return len(p), nil
}

// keepTail appends p and trims to the last tailSize bytes, amortised.
func (s *attachmentSink) keepTail(p []byte) {
	if len(p) >= tailSize {
		s.tail = append(s.tail[:0], p[len(p)-tailSize:]...)
		return
	}
	s.tail = append(s.tail, p...)
	if len(s.tail) > 2*tailSize {
		s.tail = append(s.tail[:0], s.tail[len(s.tail)-tailSize:]...)
	}
}

// measureAttachment streams body to describe the attachment.
func measureAttachment(body io.Reader, mediaType, name string) (Attachment, error) {
	s := &attachmentSink{h: sha256.New()}
	_, err := io.Copy(s, body)
	a := Attachment{
		Name:        name,
		ContentType: mediaType,
		Size:        s.n,
		SHA256:      hex.EncodeToString(s.h.Sum(nil)),
		Sniffed:     sniff(s.head),
	}
	if s.zip {
		a.Archive = readZipDirectory(s.head, s.tail)
	}
	return a, err
}

// magic lists the signatures recognised at the start of a file.
var magic = []struct {
	prefix string
	kind   string
}{
	{"MZ", "exe"},
	{"\x7fELF", "elf"},
	{"PK\x03\x04", "zip"},
	{"%PDF", "pdf"},
	{"Rar!\x1a\x07", "rar"},
	{"7z\xbc\xaf\x27\x1c", "7z"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"},
	{"\x1f\x8b", "gzip"},
	{"L\x00\x00\x00\x01\x14\x02\x00", "lnk"},
	{"{\\rtf", "rtf"},
	{"\x89PNG", "png"},
	{"\xff\xd8\xff", "jpeg"},
	{"GIF8", "gif"},
}

// sniff names the format of a file from its first bytes, or "".
func sniff(head []byte) string {
	for _, m := range magic {
		if bytes.HasPrefix(head, []byte(m.prefix)) {
			return m.kind
		}
	}
	t := bytes.ToLower(bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n"))
	for _, p := range []string{"<html", "<!doctype html", "<script", "<head", "<body", "<meta", "<form", "<div", "<table", "<center", "<style", "<span", "<p>", "<p ", "<a href", "<br", "<img", "<font"} {
		if bytes.HasPrefix(t, []byte(p)) {
			return "html"
		}
	}
	if bytes.HasPrefix(t, []byte("<svg")) || bytes.HasPrefix(t, []byte("<?xml")) && bytes.Contains(t, []byte("<svg")) {
		return "svg"
	}
	return ""
}
