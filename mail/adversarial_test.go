package mail

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"
)

// adversarialCase is a hostile or broken message that must get a verdict
// or a clear error, never a panic or a hang.
type adversarialCase struct {
	name    string
	raw     []byte
	wantErr bool
	// must is a finding expected on the verdict.
	must string
}

const plainHeader = "From: a@example.fr\r\nTo: b@example.fr\r\nSubject: test\r\nMIME-Version: 1.0\r\n"

var adversarial = []adversarialCase{
	{name: "empty", raw: nil, must: "sender_missing"},
	{name: "garbage", raw: []byte("\x00\x01\x02 not a message \xff\xfe"), must: "sender_missing"},
	{name: "header only", raw: []byte("From: a@example.fr\r\nSubject: x")},
	{name: "malformed header lines", raw: []byte("From: a@example.fr\r\nthis is not a header\r\n: no key\r\nSubject: ok\r\n\r\nbody\r\n"), must: "malformed_message"},
	{name: "broken base64", raw: []byte(plainHeader + "Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\nSGVsbG8g!!!@@@ not base64 ***\r\n"), must: "malformed_message"},
	{name: "unknown charset", raw: []byte(plainHeader + "Content-Type: text/plain; charset=x-no-such-charset\r\n\r\nBonjour\r\n"), must: "malformed_message"},
	{name: "unknown encoding", raw: []byte(plainHeader + "Content-Type: text/plain\r\nContent-Transfer-Encoding: x-weird\r\n\r\nBonjour\r\n"), must: "malformed_message"},
	{name: "unterminated multipart", raw: []byte(plainHeader + "Content-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\nContent-Type: text/plain\r\n\r\nhello\r\n")},
	{name: "multipart without boundary", raw: []byte(plainHeader + "Content-Type: multipart/mixed\r\n\r\n--XX\r\n\r\nhello\r\n")},
	{name: "bad encoded words", raw: []byte("From: =?utf-8?B?####?= <a@example.fr>\r\nSubject: =?x-unknown?Q?abc?=\r\n\r\nbody\r\n")},
	{name: "10000 headers", raw: manyHeaders(10000)},
	{name: "deep multipart", raw: nestedMultipart(200), must: "malformed_message"},
	{name: "many parts", raw: manyParts(3000), must: "malformed_message"},
	{name: "zip bomb", raw: withAttachment("bomb.zip", "application/zip", zipBomb()), must: "attachment_archive_bomb"},
	{name: "encrypted zip", raw: withAttachment("scan.zip", "application/zip", encryptedZip()), must: "attachment_encrypted_archive"},
	{name: "truncated zip", raw: withAttachment("cut.zip", "application/zip", encryptedZip()[:40])},
	{name: "exe named pdf", raw: withAttachment("facture.pdf", "application/pdf", append([]byte("MZ\x90\x00"), make([]byte, 100)...)), must: "attachment_disguised"},
	{name: "huge header", raw: append([]byte("Subject: "), bytes.Repeat([]byte("a"), 3<<20)...), wantErr: true},
	{name: "long html token", raw: []byte(plainHeader + "Content-Type: text/html\r\n\r\n<a href=\"" + strings.Repeat("x", 2<<20) + "\">x</a>")},
	{name: "embedded message loop", raw: embeddedMessages(100)},
}

func TestAdversarial(t *testing.T) {
	an := NewAnalyzer(testOptions)
	for _, c := range adversarial {
		done := make(chan struct{})
		var rep Report
		var err error
		go func() {
			defer close(done)
			rep, err = an.Analyze(bytes.NewReader(c.raw))
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("Analyze(%s) hangs", c.name)
		}
		if (err != nil) != c.wantErr {
			t.Errorf("Analyze(%s) error = %v, want error %v", c.name, err, c.wantErr)
			continue
		}
		if err == nil && c.must != "" && !hasFinding(rep, c.must) {
			t.Errorf("Findings(%s) = %v, want %s", c.name, ids(rep), c.must)
		}
	}
}

// TestLargeAttachmentStreamed checks that a 50 MB attachment is measured
// and hashed without being held in memory.
func TestLargeAttachmentStreamed(t *testing.T) {
	const size = (50 << 20) / 57 * 57 // whole base64 lines
	r := io.MultiReader(strings.NewReader(plainHeader+"Content-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\n"+
		"Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"big.bin\"\r\n"+
		"Content-Transfer-Encoding: base64\r\n\r\n"), base64Lines(size), strings.NewReader("\r\n--B--\r\n"))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	m, err := Parse(r)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Attachments) != 1 || m.Attachments[0].Size != size {
		t.Fatalf("Attachments = %+v, want one of %d bytes", m.Attachments, size)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8<<20 {
		t.Errorf("parsing a %d MB attachment allocated %d MB, want it streamed", size>>20, alloc>>20)
	}
}

// base64Lines streams n zero bytes encoded as 76-column base64 lines.
func base64Lines(n int) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		line := []byte(base64.StdEncoding.EncodeToString(make([]byte, 57)) + "\r\n")
		chunk := bytes.Repeat(line, 1000)
		for i := 0; i < n/57; i += 1000 {
			if _, err := pw.Write(chunk[:len(line)*min(1000, n/57-i)]); err != nil {
				return
			}
		}
		pw.Close()
	}()
	return pr
}

func manyHeaders(n int) []byte {
	var b bytes.Buffer
	b.WriteString("From: a@example.fr\r\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "X-Filler-%d: value %d\r\n", i, i)
	}
	b.WriteString("\r\nbody\r\n")
	return b.Bytes()
}

func nestedMultipart(depth int) []byte {
	var b bytes.Buffer
	b.WriteString(plainHeader + "Content-Type: multipart/mixed; boundary=b0\r\n\r\n")
	for i := 1; i < depth; i++ {
		fmt.Fprintf(&b, "--b%d\r\nContent-Type: multipart/mixed; boundary=b%d\r\n\r\n", i-1, i)
	}
	fmt.Fprintf(&b, "--b%d\r\nContent-Type: text/plain\r\n\r\ndeep\r\n", depth-1)
	for i := depth - 1; i >= 0; i-- {
		fmt.Fprintf(&b, "--b%d--\r\n", i)
	}
	return b.Bytes()
}

func manyParts(n int) []byte {
	var b bytes.Buffer
	b.WriteString(plainHeader + "Content-Type: multipart/mixed; boundary=P\r\n\r\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "--P\r\nContent-Type: text/plain\r\n\r\npart %d\r\n", i)
	}
	b.WriteString("--P--\r\n")
	return b.Bytes()
}

func embeddedMessages(n int) []byte {
	var b bytes.Buffer
	b.WriteString(plainHeader)
	for i := 0; i < n; i++ {
		b.WriteString("Content-Type: message/rfc822\r\n\r\nFrom: x@example.fr\r\n")
	}
	b.WriteString("Content-Type: text/plain\r\n\r\ninner\r\n")
	return b.Bytes()
}

func withAttachment(name, ctype string, data []byte) []byte {
	return []byte(plainHeader + "Content-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nci-joint\r\n" +
		"--B\r\nContent-Type: " + ctype + "\r\nContent-Disposition: attachment; filename=\"" + name + "\"\r\n" +
		"Content-Transfer-Encoding: base64\r\n\r\n" + base64.StdEncoding.EncodeToString(data) + "\r\n--B--\r\n")
}

// zipEntry returns a central-directory entry and its local header.
func zipEntry(name string, flags uint16, csize, usize uint32, offset uint32) (local, central []byte) {
	local = make([]byte, 30)
	copy(local, "PK\x03\x04")
	binary.LittleEndian.PutUint16(local[6:], flags)
	binary.LittleEndian.PutUint32(local[18:], csize)
	binary.LittleEndian.PutUint32(local[22:], usize)
	binary.LittleEndian.PutUint16(local[26:], uint16(len(name)))
	local = append(local, name...)
	central = make([]byte, 46)
	copy(central, "PK\x01\x02")
	binary.LittleEndian.PutUint16(central[8:], flags)
	binary.LittleEndian.PutUint32(central[20:], csize)
	binary.LittleEndian.PutUint32(central[24:], usize)
	binary.LittleEndian.PutUint16(central[28:], uint16(len(name)))
	binary.LittleEndian.PutUint32(central[42:], offset)
	central = append(central, name...)
	return local, central
}

// buildZip lays out local headers (with tiny fake data), the central
// directory and its end record. Nothing in it is ever decompressed.
func buildZip(entries []struct {
	name         string
	flags        uint16
	csize, usize uint32
}) []byte {
	var body, cd bytes.Buffer
	for _, e := range entries {
		local, central := zipEntry(e.name, e.flags, e.csize, e.usize, uint32(body.Len()))
		body.Write(local)
		body.Write(make([]byte, 16))
		cd.Write(central)
	}
	end := make([]byte, 22)
	copy(end, "PK\x05\x06")
	binary.LittleEndian.PutUint16(end[8:], uint16(len(entries)))
	binary.LittleEndian.PutUint16(end[10:], uint16(len(entries)))
	binary.LittleEndian.PutUint32(end[12:], uint32(cd.Len()))
	binary.LittleEndian.PutUint32(end[16:], uint32(body.Len()))
	return append(append(body.Bytes(), cd.Bytes()...), end...)
}

func zipBomb() []byte {
	var es []struct {
		name         string
		flags        uint16
		csize, usize uint32
	}
	for i := 0; i < 16; i++ {
		es = append(es, struct {
			name         string
			flags        uint16
			csize, usize uint32
		}{fmt.Sprintf("layer%02d.bin", i), 0, 10 << 10, 4000 << 20})
	}
	return buildZip(es)
}

func encryptedZip() []byte {
	return buildZip([]struct {
		name         string
		flags        uint16
		csize, usize uint32
	}{{"ordonnance.pdf", 1, 100, 120}})
}
