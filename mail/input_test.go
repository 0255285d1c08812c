package mail

import (
	"bytes"
	"errors"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hygie/i18n"
)

var msgSamples = filepath.Join("..", "..", "shared", "msg-samples")

func readTestFile(t testing.TB, parts ...string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(parts...))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// inputCase is one input with what ReadInput must make of it.
type inputCase struct {
	name   string
	file   string // name given to ReadInput, "" for pasted text
	data   []byte
	err    error
	source Source
	count  int
	kind   ForwardKind
}

func inputCases(t testing.TB) []inputCase {
	ham := readTestFile(t, "testdata", "messages", "ham", "urssaf-echeancier.eml")
	phish := readTestFile(t, "testdata", "messages", "phish", "faux-doctolib-trop-percu.eml")
	box := "From a@b Mon Nov 17 09:00:00 2025\n" + string(ham) + "\nFrom c@d Mon Nov 17 10:00:00 2025\n" + string(phish)
	return []inputCase{
		{"eml file", "urssaf.eml", ham, nil, SourceEML, 1, NotForwarded},
		{"raw message in a .txt", "message.txt", ham, nil, SourceEML, 1, NotForwarded},
		{"mbox named .eml", "boite.eml", []byte(box), nil, SourceMbox, 2, NotForwarded},
		{"pasted with blank lines and BOM", "", append([]byte("\xef\xbb\xbf\n\n  "), phish...), nil, SourcePasted, 1, NotForwarded},
		{"forwarded as attachment", "tr.eml", readTestFile(t, "testdata", "forward", "transfert-piece-jointe.eml"), nil, SourceEML, 1, ForwardAttached},
		{"pasted inline forward", "", readTestFile(t, "testdata", "forward", "transfert-gmail.eml"), nil, SourcePasted, 1, ForwardInline},
		{"empty file", "vide.eml", nil, ErrEmpty, "", 0, ""},
		{"blank paste", "", []byte(" \n\t\n"), ErrEmpty, "", 0, ""},
		{"pdf", "facture.eml", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"), ErrNotMail, "", 0, ""},
		{"png", "capture.msg", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrNotMail, "", 0, ""},
		{"zip", "archive.eml", []byte("PK\x03\x04\x14\x00\x00\x00"), ErrNotMail, "", 0, ""},
		{"binary", "x.eml", []byte("abc\x00\x01\x02def"), ErrNotMail, "", 0, ""},
		{"body copied without headers", "", []byte("Bonjour,\nvotre carte Vitale expire : cliquez ici.\n"), ErrNoHeaders, "", 0, ""},
		{"html page", "page.eml", []byte("<html><body>Bonjour</body></html>"), ErrNoHeaders, "", 0, ""},
		{"header-like words only", "", []byte("Note: rappeler le patient\n\nmerci"), ErrNoHeaders, "", 0, ""},
		{"truncated compound file", "coupe.msg", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"), ErrDamaged, "", 0, ""},
	}
}

func TestReadInput(t *testing.T) {
	for _, c := range inputCases(t) {
		checkInput(t, c)
	}
}

func checkInput(t *testing.T, c inputCase) {
	t.Helper()
	ins, err := ReadInput(c.file, bytes.NewReader(c.data), int64(len(c.data)))
	if c.err != nil {
		if !errors.Is(err, c.err) {
			t.Errorf("ReadInput(%s) = %v, want %v", c.name, err, c.err)
		}
		if _, ok := InputErrorText(err); !ok {
			t.Errorf("InputErrorText(%v) has no sentence", err)
		}
		return
	}
	if err != nil || len(ins) != c.count {
		t.Fatalf("ReadInput(%s) = %d inputs, %v, want %d", c.name, len(ins), err, c.count)
	}
	for _, in := range ins {
		if in.Source != c.source || in.Forward.Kind != c.kind {
			t.Errorf("ReadInput(%s) = source %q forward %q, want %q / %q", c.name, in.Source, in.Forward.Kind, c.source, c.kind)
		}
		if m, err := Parse(bytes.NewReader(in.Raw)); err != nil || m.FromAddr().Addr == "" {
			t.Errorf("ReadInput(%s) gave a message without sender (%v)", c.name, err)
		}
	}
	if c.source == SourceMbox && ins[1].Name != c.file+"#2" {
		t.Errorf("ReadInput(%s) second name %q, want %s#2", c.name, ins[1].Name, c.file)
	}
}

// TestReadInputMsg reads the shared Outlook samples through ReadInput.
func TestReadInputMsg(t *testing.T) {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(msgSamples, name))
		if errors.Is(err, os.ErrNotExist) {
			t.Skipf("%s absent: the .msg input tests need it", msgSamples)
		}
		return b
	}
	received := read("attachmentFiles.msg")
	cases := []inputCase{
		{"received .msg", "a.msg", received, nil, SourceMsg, 1, NotForwarded},
		{".msg named .eml", "a.eml", received, nil, SourceMsg, 1, NotForwarded},
		{"sent .msg", "sent.msg", read("sent.msg"), nil, SourceMsg, 1, NotForwarded},
		{"appointment", "rdv.msg", read("Friday_Lunch.msg"), ErrNotMessage, "", 0, ""},
		{"contact", "contact.msg", read("contactAnsi.msg"), ErrNotMessage, "", 0, ""},
		{"truncated .msg", "coupe.msg", received[:len(received)/2], ErrDamaged, "", 0, ""},
	}
	for _, c := range cases {
		checkInput(t, c)
	}
	for name, headers := range map[string]bool{"attachmentFiles.msg": true, "sent.msg": false} {
		ins, err := ReadInput(name, bytes.NewReader(read(name)), -1)
		if err != nil || ins[0].Outlook == nil || ins[0].Outlook.TransportHeaders != headers {
			t.Errorf("ReadInput(%s) Outlook info %+v, %v, want transport headers %v", name, ins, err, headers)
		}
	}
}

// endlessReader is a reader that never ends, to check the cap stops reading.
type endlessReader struct{ n int64 }

func (e *endlessReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	e.n += int64(len(p))
	return len(p), nil
}

func TestReadInputTooLarge(t *testing.T) {
	if _, err := ReadInput("gros.eml", strings.NewReader(""), MaxInputBytes+1); !errors.Is(err, ErrTooLarge) {
		t.Errorf("ReadInput(size over the cap) = %v, want ErrTooLarge", err)
	}
	r := &endlessReader{}
	if _, err := ReadInput("", r, -1); !errors.Is(err, ErrTooLarge) || r.n > MaxInputBytes+64<<10 {
		t.Errorf("ReadInput(endlessReader) = %v after %d bytes, want ErrTooLarge right after the cap", err, r.n)
	}
	var failing io.Reader = failingReader{}
	if _, err := ReadInput("x.eml", failing, -1); err == nil || errors.Is(err, ErrEmpty) {
		t.Errorf("ReadInput(failing reader) = %v, want the read error", err)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk unplugged") }

func TestInputTexts(t *testing.T) {
	for _, e := range InputErrors {
		if !e.Text.Complete() {
			t.Errorf("InputErrors %v lacks a language: %+v", e.Err, e.Text)
		}
	}
	for _, n := range []i18n.Text{NoteForwardAttached, NoteForwardInline, NoteAttachedNoSender, NoteInlineNoSender, NoteNoDeliveryTrace} {
		if !n.Complete() {
			t.Errorf("note %q lacks a language", n.FR)
		}
	}
	if _, ok := InputErrorText(errors.New("other")); ok {
		t.Errorf("InputErrorText(other) found a sentence")
	}
}

func FuzzReadInput(f *testing.F) {
	for _, c := range inputCases(f) {
		f.Add(c.file, c.data)
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		ins, err := ReadInput(name, bytes.NewReader(data), int64(len(data)))
		if err != nil {
			if _, ok := InputErrorText(err); !ok {
				t.Errorf("ReadInput = %v, an error without a sentence", err)
			}
			return
		}
		for _, in := range ins {
			Parse(bytes.NewReader(in.Raw))
		}
	})
}

// TestReadInputDamaged runs random damage over the inputs, since the
// fuzzer gets little time on a shared machine: every outcome is a
// message or an error with a sentence, never a panic.
func TestReadInputDamaged(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	cases := inputCases(t)
	for i := 0; i < 600; i++ {
		c := cases[i%len(cases)]
		b := bytes.Clone(c.data)
		for k := 0; k < 1+rng.Intn(8) && len(b) > 0; k++ {
			switch p := rng.Intn(len(b)); rng.Intn(3) {
			case 0:
				b[p] = byte(rng.Intn(256))
			case 1:
				b = b[:p]
			default:
				b = append(b[:p], append([]byte("\n---------- Message transféré ---------\nDe : x\n"), b[p:]...)...)
			}
		}
		ins, err := ReadInput(c.file, bytes.NewReader(b), -1)
		if _, ok := InputErrorText(err); err != nil && !ok {
			t.Errorf("ReadInput(damaged %s) = %v, an error without a sentence", c.name, err)
		}
		for _, in := range ins {
			Parse(bytes.NewReader(in.Raw))
		}
	}
}

func TestForwardNote(t *testing.T) {
	by := Address{Addr: "secretariat@cabinet-martin.fr"}
	cases := []struct {
		f    Forward
		lang string
		want string
	}{
		{Forward{}, "fr", ""},
		{Forward{Kind: ForwardAttached, By: by}, "fr", "Message transféré par secretariat@cabinet-martin.fr : Hygie a vérifié"},
		{Forward{Kind: ForwardAttached}, "fr", "Message joint à un autre"},
		{Forward{Kind: ForwardInline, By: by}, "en", "Message forwarded by secretariat@cabinet-martin.fr: the original is not attached"},
		{Forward{Kind: ForwardInline}, "fr", "Message cité dans un autre"},
	}
	for _, c := range cases {
		if got := c.f.Note(c.lang); !strings.HasPrefix(got, c.want) || (c.want == "") != (got == "") {
			t.Errorf("%+v.Note(%s) = %q, want %q…", c.f, c.lang, got, c.want)
		}
	}
}
