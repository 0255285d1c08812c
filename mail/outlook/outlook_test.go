package outlook_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"

	"hygie/mail"
	"hygie/mail/outlook"
)

// sampleDir holds the shared .msg samples, read in place and never copied
// into the repository (see its README).
var sampleDir = filepath.Join("..", "..", "..", "shared", "msg-samples")

// readSample returns a sample's bytes, skipping the test when the shared
// folder is not on this machine.
func readSample(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(sampleDir, name))
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("sample folder %s absent: the .msg sample tests need it", sampleDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// sampleCase is what one sample must give: a message with its subject,
// sender and attachment count, or a non-message of the given class.
type sampleCase struct {
	file        string
	class       string
	subject     string
	from        string // sender address, "" for drafts without one
	headers     bool
	attachments int
	notMessage  bool
}

var appointment = []string{"7_days_everyday", "A_black_friday_w_tz_", "A_black_friday_wo_tz_", "A_daily_1",
	"A_monthly_1", "A_weekly_1", "A_yearly_1", "Appointment_sample_EST", "Friday_Lunch",
	"Lanch_time_every_friday_in_2023_chgs1", "Lanch_time_every_friday_in_2023_chgs2", "Lanch_time_every_friday_in_2023_org"}

func sampleCases() []sampleCase {
	cs := []sampleCase{
		{"200_recipients", "IPM.Note", "200 recipients", "", false, 0, false},
		{"Attach_sample_eml_received", "IPM.Note", "Attach sample.eml", "hmailuser@hmailserver.test", true, 1, false},
		{"Attach_sample_eml_sent", "IPM.Note", "Attach sample.eml", "hmailuser@hmailserver.test", false, 1, false},
		{"Hello_CJK", "IPM.Note", "Hello +CJK", "", false, 0, false},
		{"Many_entities", "IPM.Note", "Many entities", "", false, 22, false},
		{"Simple", "IPM.Note", "Simple", "", false, 0, false},
		{"Subject", "IPM.Note", "Subject", "", false, 0, false},
		{"attachAndInline", "IPM.Note", "Attach and inline", "", false, 2, false},
		{"attachmentFiles", "IPM.Note", "attachmentFiles", "hmailuser@hmailserver.test", true, 3, false},
		{"htmlLink", "IPM.Note", "htmlLink", "", false, 0, false},
		{"longerFat", "IPM.Note", "Has Has 64KB bin.msg", "", false, 1, false},
		{"msgInMsg", "IPM.Note", "I have attachments!", "", false, 2, false},
		{"newOutlook_Microsoft_Outlook_test", "IPM.Note", "Microsoft Outlook テスト メッセージ", "ku@digitaldolphins.jp", true, 0, false},
		{"nonUnicodeMail", "IPM.Note", "Non Unicode mail subject", "", false, 0, false},
		{"sent", "IPM.Note", "Sent time", "xmailuser@xmailserver.test", false, 0, false},
		{"test1", "IPM.Note", "title", "", false, 0, false},
		{"test2", "IPM.Note", "", "", false, 1, false},
		{"voteItems", "IPM.Note", "3 vote items: はい;いいえ;たぶん", "xmailuser@xmailserver.test", true, 0, false},
		{"voteNo", "IPM.Note", "いいえ: 3 vote items: はい;いいえ;たぶん", "xmailuser@xmailserver.test", true, 0, false},
		{"voteYes", "IPM.Note", "はい: 3 vote items: はい;いいえ;たぶん", "xmailuser@xmailserver.test", true, 0, false},
		{file: "A_memo", class: "IPM.StickyNote", notMessage: true},
		{file: "contactAnsi", class: "IPM.Contact", notMessage: true},
	}
	for _, a := range appointment {
		cs = append(cs, sampleCase{file: a, class: "IPM.Appointment", notMessage: true})
	}
	return cs
}

func TestSamples(t *testing.T) {
	for _, c := range sampleCases() {
		data := readSample(t, c.file+".msg")
		raw, info, err := outlook.Convert(data)
		if c.notMessage {
			var nm *outlook.NotMessageError
			if !errors.Is(err, outlook.ErrNotMessage) || !errors.As(err, &nm) || nm.Class != c.class {
				t.Errorf("Convert(%s) err = %v, want ErrNotMessage of class %s", c.file, err, c.class)
			}
			continue
		}
		if err != nil {
			t.Errorf("Convert(%s) = %v", c.file, err)
			continue
		}
		if info.Class != c.class || info.TransportHeaders != c.headers || info.Attachments != c.attachments {
			t.Errorf("Convert(%s) info = %+v, want class %s headers %v attachments %d", c.file, info, c.class, c.headers, c.attachments)
		}
		m, err := mail.Parse(bytes.NewReader(raw))
		if err != nil {
			t.Errorf("Parse(Convert(%s)) = %v", c.file, err)
			continue
		}
		if m.Subject != c.subject || m.FromAddr().Addr != c.from || len(m.Problems) > 0 {
			t.Errorf("Parse(Convert(%s)) subject %q from %q problems %v, want %q / %q", c.file, m.Subject, m.FromAddr().Addr, m.Problems, c.subject, c.from)
		}
		if info.Body == "" && c.file != "voteNo" && c.file != "voteYes" {
			t.Errorf("Parse(Convert(%s)) has no body text", c.file)
		}
	}
}

// TestSampleDetails checks what the summary table cannot: recipients,
// links, attachment bytes and the kept transport headers.
func TestSampleDetails(t *testing.T) {
	conv := func(name string) (*mail.Message, string) {
		raw, _, err := outlook.Convert(readSample(t, name))
		if err != nil {
			t.Fatalf("Convert(%s) = %v", name, err)
		}
		m, err := mail.Parse(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("Parse(Convert(%s)) = %v", name, err)
		}
		return m, string(raw)
	}
	if m, _ := conv("200_recipients.msg"); len(m.To)+len(m.Cc) != 200 {
		t.Errorf("200_recipients: %d To + %d Cc, want 200", len(m.To), len(m.Cc))
	}
	if m, _ := conv("htmlLink.msg"); len(m.Links) == 0 {
		t.Errorf("htmlLink: no link found")
	}
	if m, _ := conv("Hello_CJK.msg"); !strings.Contains(m.Text, "こんにちは") || !strings.Contains(m.Text, "안녕하세요") {
		t.Errorf("Hello_CJK text %q lacks the Japanese or Korean greeting", m.Text)
	}
	if m, _ := conv("test2.msg"); len(m.Attachments) != 1 || m.Attachments[0].Name != "A.txt" || m.Attachments[0].Size != 11 {
		t.Errorf("test2 attachments %+v, want A.txt of 11 bytes", m.Attachments)
	}
	m, raw := conv("attachmentFiles.msg")
	if len(m.Header("Received")) == 0 || strings.Count(raw, "MIME-Version:") != 1 {
		t.Errorf("attachmentFiles: Received kept %v, MIME-Version written %d times, want kept and once", m.Header("Received"), strings.Count(raw, "MIME-Version:"))
	}
}

// TestDamaged cuts and scrambles the samples: every outcome is an error
// of the package or a readable message, never a panic.
func TestDamaged(t *testing.T) {
	data := readSample(t, "attachmentFiles.msg")
	rng := rand.New(rand.NewSource(1))
	for _, n := range []int{0, 7, 8, 511, 512, 513, 2048, len(data) / 3, len(data) / 2} {
		_, _, err := outlook.Convert(data[:n])
		if !errors.Is(err, outlook.ErrCorrupt) {
			t.Errorf("Convert(first %d bytes) = %v, want ErrCorrupt", n, err)
		}
	}
	built := newMsg("IPM.Note").str(prSubject, "x").str(prBody, "y").bytes()
	for i := 0; i < 1000; i++ {
		src := data
		if i%2 == 1 { // a small file: most changes hit the header or directory
			src = built
		}
		b := bytes.Clone(src)
		for k := 0; k < 1+rng.Intn(20); k++ {
			b[rng.Intn(len(b))] = byte(rng.Intn(256))
		}
		checkOutcome(t, b)
	}
}

// checkOutcome checks that Convert either fails with a sentinel or
// returns a message the engine parses.
func checkOutcome(t *testing.T, data []byte) {
	t.Helper()
	raw, _, err := outlook.Convert(data)
	if err != nil {
		if !errors.Is(err, outlook.ErrCorrupt) && !errors.Is(err, outlook.ErrNotMessage) && !errors.Is(err, outlook.ErrNotOutlook) {
			t.Errorf("Convert(damaged) = %v, want ErrCorrupt or outlook.ErrNotMessage", err)
		}
		return
	}
	if _, err := mail.Parse(bytes.NewReader(raw)); err != nil {
		t.Errorf("Parse(Convert(damaged)) = %v", err)
	}
}

func TestNotCompoundFile(t *testing.T) {
	for _, in := range []string{"", "%PDF-1.7", "From: a@b\r\n\r\nhi", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"} {
		if _, _, err := outlook.Convert([]byte(in)); !errors.Is(err, outlook.ErrCorrupt) {
			t.Errorf("Convert(%q) = %v, want ErrCorrupt", in, err)
		}
	}
}

// TestBuilt covers what the samples lack, on .msg files built here.
func TestBuilt(t *testing.T) {
	sjis, _ := japanese.ShiftJIS.NewEncoder().Bytes([]byte("請求書のお知らせ"))
	htmlRTF := `{\rtf1\ansi\ansicpg1252\fromhtml1 \deff0{\fonttbl{\f0 Arial;}}` +
		`{\*\htmltag19 <html>}{\*\htmltag84 <a href="http://ameli-remboursement.example/login">}\htmlrtf {\htmlrtf0 Cliquez ici` +
		`{\*\htmltag92 </a>}\htmlrtf }\htmlrtf0 {\*\htmltag27 </html>}}`
	plainRTF := `{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}}\pard Votre dossier est pr\'eat.\par ` +
		`{\field{\*\fldinst HYPERLINK "http://faux-ordre.example/cotisation"}{\fldrslt Payer}}\u8364?\par}`
	cases := []struct {
		name  string
		build func() *msgBuilder
		check func(m *mail.Message, raw string, info outlook.Info) string
	}{
		{"8-bit subject in CP932", func() *msgBuilder {
			return newMsg("IPM.Note").long(prMessageCodepage, 932).str8(prSubject, sjis).str8(prBody, []byte("ok"))
		}, func(m *mail.Message, _ string, _ outlook.Info) string {
			return want(m.Subject == "請求書のお知らせ", "subject %q", m.Subject)
		}},
		{"8-bit default Windows-1252", func() *msgBuilder {
			return newMsg("IPM.Note").str8(prSubject, []byte("Re\xe7u"))
		}, func(m *mail.Message, _ string, _ outlook.Info) string {
			return want(m.Subject == "Reçu", "subject %q", m.Subject)
		}},
		{"RTF encapsulating HTML", func() *msgBuilder {
			return newMsg("IPM.Note").bin(prRTFCompressed, compressLiterals([]byte(htmlRTF)))
		}, func(m *mail.Message, _ string, info outlook.Info) string {
			return want(info.Body == "rtf-html" && len(m.Links) == 1 && m.Links[0].Text == "Cliquez ici",
				"body %s links %+v", info.Body, m.Links)
		}},
		{"plain RTF with a field", func() *msgBuilder {
			return newMsg("IPM.Note").bin(prRTFCompressed, compressLiterals([]byte(plainRTF)))
		}, func(m *mail.Message, _ string, info outlook.Info) string {
			return want(info.Body == "rtf" && strings.Contains(m.Text, "prêt") && strings.Contains(m.Text, "€") &&
				len(m.Links) == 1 && m.Links[0].Host == "faux-ordre.example", "body %s text %q links %+v", info.Body, m.Text, m.Links)
		}},
		{"transport headers win", func() *msgBuilder {
			h := "Received: from mx.example by mx.cabinet.fr\r\n\tfolded\r\nAuthentication-Results: mx.cabinet.fr; dmarc=fail\r\n" +
				"From: \"Ameli\" <ne-pas-repondre@ameli-info.example>\r\nSubject: Remboursement\r\n" +
				"Content-Type: multipart/mixed; boundary=zz\r\nMIME-Version: 1.0\r\n\r\n"
			return newMsg("IPM.Note").str(prTransportHeaders, h).str(prSubject, "autre").str(prBody, "Bonjour")
		}, func(m *mail.Message, raw string, info outlook.Info) string {
			return want(info.TransportHeaders && m.Subject == "Remboursement" && len(m.Header("Authentication-Results")) == 1 &&
				!strings.Contains(raw, "boundary=zz") && strings.Contains(m.Text, "Bonjour"), "info %+v subject %q raw %q", info, m.Subject, raw)
		}},
		{"built headers and recipients", func() *msgBuilder {
			b := newMsg("IPM.Note").str(prSubject, "Résultats d'analyse").str(prSenderName, "Labo").
				str(prSenderAddrType, "SMTP").str(prSenderEmail, "labo@exemple.fr").str(prBody, "Voir pièce jointe")
			b.sub("__recip_version1.0_#00000000", 8).long(prRecipientType, 1).str(prDisplayName, "Dr Martin").str(prSMTPAddress, "martin@cabinet.fr")
			b.sub("__recip_version1.0_#00000001", 8).long(prRecipientType, 2).str(prDisplayName, "Secrétariat").str(prEmailAddress, "secretariat@cabinet.fr")
			b.sub("__recip_version1.0_#00000002", 8).long(prRecipientType, 3).str(prEmailAddress, "cache@cabinet.fr")
			return b
		}, func(m *mail.Message, _ string, info outlook.Info) string {
			return want(!info.TransportHeaders && m.Subject == "Résultats d'analyse" && m.FromAddr().Name == "Labo" &&
				len(m.To) == 1 && m.To[0].Addr == "martin@cabinet.fr" && len(m.Cc) == 1 && m.Cc[0].Name == "Secrétariat",
				"info %+v subject %q from %+v to %+v cc %+v", info, m.Subject, m.From, m.To, m.Cc)
		}},
		{"Exchange sender without SMTP address", func() *msgBuilder {
			return newMsg("IPM.Note").str(prSenderName, "Compta: Dupont").str(prSenderAddrType, "EX").
				str(prSenderEmail, "/O=EXCHANGELABS/OU=GROUP/CN=RECIPIENTS/CN=DUPONT").str(prBody, "x")
		}, func(m *mail.Message, raw string, _ outlook.Info) string {
			return want(len(m.Problems) == 0 && !strings.Contains(raw, "/O=EXCHANGE") && strings.Contains(raw, "Dupont"), "problems %v raw %q", m.Problems, raw)
		}},
		{"attachment bytes and type", func() *msgBuilder {
			b := newMsg("IPM.Note").str(prBody, "ci-joint")
			b.sub("__attach_version1.0_#00000000", 8).long(prAttachMethod, 1).str(prAttachLongFilename, "facture.pdf.exe").
				bin(prAttachData, append([]byte("MZ\x90\x00"), make([]byte, 5000)...))
			return b
		}, func(m *mail.Message, _ string, info outlook.Info) string {
			a := m.Attachments
			return want(info.Attachments == 1 && len(a) == 1 && a[0].Name == "facture.pdf.exe" && a[0].Size == 5004 && a[0].Sniffed == "exe",
				"attachments %+v", a)
		}},
		{"embedded messages are bounded", func() *msgBuilder {
			b := newMsg("IPM.Note").str(prSubject, "niveau 0").str(prBody, "x")
			cur := b
			for i := 1; i < 20; i++ {
				cur = cur.sub("__attach_version1.0_#00000000", 8).long(prAttachMethod, attachEmbedded).
					sub("__substg1.0_3701000D", 24).str(prMessageClass, "IPM.Note").str(prBody, "y")
			}
			return b
		}, func(m *mail.Message, raw string, _ outlook.Info) string {
			n := strings.Count(raw, "message/rfc822")
			return want(n == outlook.MaxDepth-1, "%d embedded parts, want %d", n, outlook.MaxDepth-1)
		}},
		{"report is a message", func() *msgBuilder {
			return newMsg("REPORT.IPM.Note.NDR").str(prSubject, "Non remis").str(prBody, "x")
		}, func(m *mail.Message, _ string, info outlook.Info) string {
			return want(m.Subject == "Non remis" && info.Class == "REPORT.IPM.Note.NDR", "subject %q", m.Subject)
		}},
	}
	for _, c := range cases {
		raw, info, err := outlook.Convert(c.build().bytes())
		if err != nil {
			t.Errorf("Convert(%s) = %v", c.name, err)
			continue
		}
		m, err := mail.Parse(bytes.NewReader(raw))
		if err != nil {
			t.Errorf("Parse(Convert(%s)) = %v", c.name, err)
			continue
		}
		if msg := c.check(m, string(raw), info); msg != "" {
			t.Errorf("Convert(%s): %s", c.name, msg)
		}
	}
}

func want(ok bool, format string, args ...any) string {
	if ok {
		return ""
	}
	return fmt.Sprintf(format, args...)
}

func TestBuiltNotMessage(t *testing.T) {
	for _, class := range []string{"IPM.Contact", "IPM.Appointment", "IPM.Task", "IPM.StickyNote", ""} {
		_, _, err := outlook.Convert(newMsg(class).str(prSubject, "x").bytes())
		var nm *outlook.NotMessageError
		if !errors.As(err, &nm) || nm.Class != class || !errors.Is(err, outlook.ErrNotMessage) {
			t.Errorf("Convert(class %q) = %v, want ErrNotMessage", class, err)
		}
	}
	doc := writeCFB(map[string][]byte{"WordDocument": []byte("x"), "\x01CompObj": []byte("y")})
	if _, _, err := outlook.Convert(doc); !errors.Is(err, outlook.ErrNotOutlook) {
		t.Errorf("Convert(Word document) = %v, want ErrNotOutlook", err)
	}
	damaged := writeCFB(map[string][]byte{"__substg1.0_0037001F": []byte("x\x00")})
	if _, _, err := outlook.Convert(damaged); !errors.Is(err, outlook.ErrCorrupt) {
		t.Errorf("Convert(MAPI streams without property stream) = %v, want ErrCorrupt", err)
	}
}

// compressLiterals writes b as compressed RTF made of literal runs only,
// ended by the end-of-stream reference, as [MS-OXRTFCP] allows.
func compressLiterals(b []byte) []byte {
	var body bytes.Buffer
	for i := 0; i < len(b); i += 8 {
		run := b[i:min(i+8, len(b))]
		ctrl := byte(0)
		if len(run) < 8 {
			ctrl = 1 << len(run)
		}
		body.WriteByte(ctrl)
		body.Write(run)
		if len(run) < 8 {
			writeEnd(&body, len(b))
		}
	}
	if len(b)%8 == 0 {
		body.WriteByte(1)
		writeEnd(&body, len(b))
	}
	h := make([]byte, 16)
	binary.LittleEndian.PutUint32(h, uint32(body.Len()+12))
	binary.LittleEndian.PutUint32(h[4:], uint32(len(b)))
	binary.LittleEndian.PutUint32(h[8:], 0x75465A4C) // "LZFu"
	return append(h, body.Bytes()...)
}

func writeEnd(w *bytes.Buffer, n int) {
	off := (207 + n) % 4096 // the dictionary starts with 207 bytes
	w.WriteByte(byte(off >> 4))
	w.WriteByte(byte(off << 4))
}
