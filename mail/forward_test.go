package mail

import (
	"bytes"
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// forwardCase is one message of testdata/forward with what Unwrap must
// find in it.
type forwardCase struct {
	file    string
	kind    ForwardKind
	by      string // the outer sender, "" when not forwarded
	from    string // sender address of the message judged
	subject string
	link    string // a link host the judged message must keep, or ""
	unsafe  bool   // the judged message must not come out safe
}

var forwardCases = []forwardCase{
	{"transfert-piece-jointe.eml", ForwardAttached, "secretariat@cabinet-martin.fr", "service@ameli-remboursement.example", "Votre carte Vitale expire", "ameli-remboursement.example", true},
	{"transfert-gmail.eml", ForwardInline, "paul.bernard.kine@gmail.com", "cotisation@ordre-kine-paiement.example", "Cotisation ordinale 2026 impayée", "ordre-kine-paiement.example", true},
	{"transfert-outlook.eml", ForwardInline, "accueil@cabinet-lefevre.fr", "facturation@doctolib-rembourse.example", "Trop-perçu à rembourser", "doctolib-rembourse.example", true},
	{"transfert-apple.eml", ForwardInline, "sophie.durand@icloud.com", "ne-pas-repondre@ecps-renouvellement.example", "Renouvellement de votre carte e-CPS", "ecps-renouvellement.example", true},
	{"transfert-anglais.eml", ForwardInline, "tom.leroy@cabinet-martin.fr", "claire.moreau.docs@outlook.example", "Shared document", "docs-partage.example", false},
	// A reply in a hijacked thread quotes an old message under the same
	// marker as an Outlook forward: it must be judged as it is, lure on top.
	{"reponse-fil-detourne.eml", NotForwarded, "", "b.lefevre@cabinet-lefevre-kine.example", "RE: Remplacement du mois d'août", "contrat-remplacement.example", false},
	{"sans-transfert.eml", NotForwarded, "", "secretariat@cabinet-martin.fr", "Planning de la semaine", "", false},
}

func TestUnwrap(t *testing.T) {
	an := NewAnalyzer(Options{})
	for _, c := range forwardCases {
		raw, err := os.ReadFile(filepath.Join("testdata", "forward", c.file))
		if err != nil {
			t.Fatal(err)
		}
		checkUnwrap(t, an, c, raw)
	}
}

func checkUnwrap(t *testing.T, an *Analyzer, c forwardCase, raw []byte) {
	t.Helper()
	inner, fwd, err := Unwrap(raw)
	if err != nil {
		t.Fatalf("Unwrap(%s) = %v", c.file, err)
	}
	if fwd.Kind != c.kind || fwd.By.Addr != c.by {
		t.Errorf("Unwrap(%s) = kind %q by %q, want %q by %q", c.file, fwd.Kind, fwd.By.Addr, c.kind, c.by)
	}
	m, err := Parse(bytes.NewReader(inner))
	if err != nil {
		t.Fatalf("Parse(Unwrap(%s)) = %v", c.file, err)
	}
	if m.FromAddr().Addr != c.from || m.Subject != c.subject {
		t.Errorf("Unwrap(%s) judged from %q subject %q, want %q / %q", c.file, m.FromAddr().Addr, m.Subject, c.from, c.subject)
	}
	if c.link != "" && !hasLinkHost(m, c.link) {
		t.Errorf("Unwrap(%s) judged links %+v, want one to %s", c.file, m.Links, c.link)
	}
	if (len(m.Header(InlineForwardHeader)) > 0) != (c.kind == ForwardInline) {
		t.Errorf("Unwrap(%s) %s header %v, want it only on inline forwards", c.file, InlineForwardHeader, m.Header(InlineForwardHeader))
	}
	if rep := an.Report(m); c.unsafe && rep.Verdict == Safe {
		t.Errorf("Unwrap(%s) judged safe, want a warning: %+v", c.file, rep.Findings)
	}
}

func hasLinkHost(m *Message, host string) bool {
	for _, l := range m.Links {
		if l.Host == host {
			return true
		}
	}
	return false
}

// TestUnwrapMismatchKept checks that an inline forward keeps the anchor
// whose text shows one address and leads to another.
func TestUnwrapMismatchKept(t *testing.T) {
	raw, _ := os.ReadFile(filepath.Join("testdata", "forward", "transfert-outlook.eml"))
	inner, _, _ := Unwrap(raw)
	m, _ := Parse(bytes.NewReader(inner))
	for _, l := range m.Links {
		if l.Host == "doctolib-rembourse.example" && strings.Contains(l.Text, "www.doctolib.fr") {
			return
		}
	}
	t.Errorf("inline forward lost the anchor text: %+v", m.Links)
}

// wrapForward wraps a part into a message forwarded by the secretary.
func wrapForward(partHeader, body string) []byte {
	return []byte("From: Julie Petit <secretariat@cabinet-martin.fr>\r\nSubject: TR: à voir\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nregarde\r\n--b\r\n" +
		partHeader + "\r\n" + body + "\r\n--b--\r\n")
}

func TestUnwrapAttachedFiles(t *testing.T) {
	inner, _ := os.ReadFile(filepath.Join("testdata", "messages", "phish", "faux-ameli-carte-vitale.eml"))
	b64 := base64.StdEncoding.EncodeToString(inner)
	cases := []struct {
		name, header, body string
		kind               ForwardKind
	}{
		{".eml as octet-stream", "Content-Type: application/octet-stream; name=\"alerte.eml\"\r\nContent-Transfer-Encoding: base64\r\n", b64, ForwardAttached},
		{"a pdf is no message", "Content-Type: application/pdf; name=\"a.pdf\"\r\n", "%PDF-1.4", NotForwarded},
		{".eml that holds no message", "Content-Type: application/octet-stream; name=\"x.eml\"\r\n", "just words", NotForwarded},
		{"damaged .msg", "Content-Type: application/vnd.ms-outlook; name=\"x.msg\"\r\n", "\xd0\xcf\x11\xe0", NotForwarded},
	}
	for _, c := range cases {
		got, fwd, err := Unwrap(wrapForward(c.header, c.body))
		if err != nil || fwd.Kind != c.kind {
			t.Errorf("Unwrap(%s) = kind %q, %v, want %q", c.name, fwd.Kind, err, c.kind)
			continue
		}
		if c.kind == ForwardAttached && !bytes.Equal(bytes.ReplaceAll(got, []byte("\r\n"), []byte("\n")), bytes.ReplaceAll(inner, []byte("\r\n"), []byte("\n"))) {
			t.Errorf("Unwrap(%s) did not return the attached message", c.name)
		}
	}
}

// TestUnwrapAttachedMsg forwards a shared Outlook sample as an attachment.
func TestUnwrapAttachedMsg(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "shared", "msg-samples", "sent.msg"))
	if errors.Is(err, os.ErrNotExist) {
		t.Skip("../shared/msg-samples absent: the attached .msg test needs it")
	}
	raw := wrapForward("Content-Type: application/vnd.ms-outlook; name=\"Sent time.msg\"\r\nContent-Transfer-Encoding: base64\r\n",
		base64.StdEncoding.EncodeToString(data))
	inner, fwd, err := Unwrap(raw)
	if err != nil || fwd.Kind != ForwardAttached {
		t.Fatalf("Unwrap(.msg attached) = kind %q, %v", fwd.Kind, err)
	}
	m, _ := Parse(bytes.NewReader(inner))
	if m.Subject != "Sent time" || m.FromAddr().Addr != "xmailuser@xmailserver.test" {
		t.Errorf("Unwrap(.msg attached) judged %q from %q", m.Subject, m.FromAddr().Addr)
	}
}

// TestUnwrapNested opens a forward of an inline forward down to the
// original, and keeps the outer sender.
func TestUnwrapNested(t *testing.T) {
	gmail, _ := os.ReadFile(filepath.Join("testdata", "forward", "transfert-gmail.eml"))
	raw := wrapForward("Content-Type: message/rfc822\r\n", string(gmail))
	inner, fwd, err := Unwrap(raw)
	if err != nil || fwd.Kind != ForwardInline || fwd.By.Addr != "secretariat@cabinet-martin.fr" {
		t.Fatalf("Unwrap(nested) = %+v, %v", fwd, err)
	}
	m, _ := Parse(bytes.NewReader(inner))
	if m.FromAddr().Addr != "cotisation@ordre-kine-paiement.example" {
		t.Errorf("Unwrap(nested) judged from %q", m.FromAddr().Addr)
	}
}

func TestQuotedDate(t *testing.T) {
	cases := map[string]string{
		"mar. 18 nov. 2025 à 08:15":         "Tue, 18 Nov 2025 08:15:00 +0100",
		"mardi 18 novembre 2025 16:20":      "Tue, 18 Nov 2025 16:20:00 +0100",
		"Mon, 17 Nov 2025 09:12:00 +0100":   "Mon, 17 Nov 2025 09:12:00 +0100",
		"Friday, November 21, 2025 1:12 PM": "",
	}
	for in, want := range cases {
		if got := quotedDate(in); got != want {
			t.Errorf("quotedDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzUnwrap(f *testing.F) {
	for _, c := range forwardCases {
		if raw, err := os.ReadFile(filepath.Join("testdata", "forward", c.file)); err == nil {
			f.Add(raw)
		}
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		inner, _, err := Unwrap(raw)
		if err == nil {
			if _, err := Parse(bytes.NewReader(inner)); err != nil && len(inner) < maxHeaderBytes {
				t.Errorf("Parse(Unwrap) = %v", err)
			}
		}
	})
}

// TestUnwrapInlineKeepsAttachments checks that the attachments mail
// programs carry over with an inline forward are judged with it.
func TestUnwrapInlineKeepsAttachments(t *testing.T) {
	gmail := readTestFile(t, "testdata", "forward", "transfert-gmail.eml")
	head, body, _ := strings.Cut(strings.ReplaceAll(string(gmail), "\r\n", "\n"), "\n\n")
	head = strings.Replace(head, "Content-Type: text/plain; charset=\"utf-8\"", "Content-Type: multipart/mixed; boundary=b", 1)
	raw := head + "\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n" + body +
		"\n--b\nContent-Type: application/octet-stream; name=\"recu.pdf.exe\"\nContent-Disposition: attachment; filename=\"recu.pdf.exe\"\n" +
		"Content-Transfer-Encoding: base64\n\n" + base64.StdEncoding.EncodeToString([]byte("MZ\x90\x00rest")) + "\n--b--\n"
	inner, fwd, err := Unwrap([]byte(raw))
	if err != nil || fwd.Kind != ForwardInline {
		t.Fatalf("Unwrap = %+v, %v, want an inline forward", fwd, err)
	}
	m, _ := Parse(bytes.NewReader(inner))
	if len(m.Attachments) != 1 || m.Attachments[0].Name != "recu.pdf.exe" || m.Attachments[0].Sniffed != "exe" {
		t.Errorf("inline forward attachments %+v, want recu.pdf.exe sniffed as exe", m.Attachments)
	}
	if m.FromAddr().Addr != "cotisation@ordre-kine-paiement.example" {
		t.Errorf("inline forward judged from %q", m.FromAddr().Addr)
	}
}
