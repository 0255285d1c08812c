package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var msgDir = filepath.Join("..", "mail", "testdata", "messages")

var inspectCases = []struct {
	name     string
	args     []string
	code     int
	outHas   string
	errHas   string
	outLines int // JSON lines expected on stdout, -1 to skip the check
}{
	{"no path", []string{"inspect"}, 2, "", "indiquez au moins", -1},
	{"bad flag", []string{"inspect", "--frobnicate", "x.eml"}, 2, "", "option inconnue", -1},
	{"bad lang", []string{"inspect", "--lang", "de", "x.eml"}, 2, "", "--lang", -1},
	{"help", []string{"inspect", "--help"}, 0, "Usage", "", -1},
	{"one file", []string{"inspect", filepath.Join(msgDir, "phish", "faux-ameli-carte-vitale.eml")}, 0, "dangereux", "", -1},
	{"next step", []string{"inspect", filepath.Join(msgDir, "phish", "faux-ameli-carte-vitale.eml")}, 0, "→ Que faire : n'ouvrez ni ses liens", "", -1},
	{"next step json", []string{"inspect", "--json", "--lang", "en", filepath.Join(msgDir, "phish", "faux-chronopost-frais.eml")}, 0, `"advice":"What to do: do not act on it`, "", 1},
	{"json file", []string{"inspect", "--json", filepath.Join(msgDir, "ham", "urssaf-echeancier.eml")}, 0, `"verdict":"safe"`, "", 1},
	{"json after path", []string{"inspect", filepath.Join(msgDir, "ham", "urssaf-echeancier.eml"), "--json"}, 0, `"channel":"ordinary"`, "", 1},
	{"english", []string{"inspect", "--lang", "en", filepath.Join(msgDir, "phish", "sextorsion.eml")}, 0, "Blackmail", "", -1},
	{"missing file goes on", []string{"inspect", "--json", "absent.eml", filepath.Join(msgDir, "ham", "urssaf-echeancier.eml")}, 1, `"error"`, "", 2},
	{"missing file text", []string{"inspect", "absent.eml"}, 1, "", "absent.eml", -1},
	{"eml format", []string{"inspect", "--json", filepath.Join(msgDir, "ham", "urssaf-echeancier.eml")}, 0, `"source_format":"eml"`, "", 1},
	{"not forwarded", []string{"inspect", "--json", filepath.Join(msgDir, "ham", "urssaf-echeancier.eml")}, 0, `"forwarded":false`, "", 1},
	{"forwarded attached", []string{"inspect", "--json", filepath.Join(fwdDir, "transfert-piece-jointe.eml")}, 0, `"forwarded":true,"forward_kind":"attached","forwarded_by":"secretariat@cabinet-martin.fr"`, "", 1},
	{"forwarded attached judged inside", []string{"inspect", filepath.Join(fwdDir, "transfert-piece-jointe.eml")}, 0, "De : \"Assurance Maladie\" <service@ameli-remboursement.example>", "", -1},
	{"forwarded inline note", []string{"inspect", filepath.Join(fwdDir, "transfert-gmail.eml")}, 0, "l'original n'est pas joint", "", -1},
	{"forwarded inline english", []string{"inspect", "--lang", "en", filepath.Join(fwdDir, "transfert-gmail.eml")}, 0, "the original is not attached", "", -1},
}

var fwdDir = filepath.Join("..", "mail", "testdata", "forward")

// msgSamples is the shared folder of Outlook samples, read in place.
var msgSamples = filepath.Join("..", "..", "shared", "msg-samples")

func TestInspect(t *testing.T) {
	for _, c := range inspectCases {
		var out, errb bytes.Buffer
		code := Run(c.args, &out, &errb)
		if code != c.code {
			t.Errorf("Run(%s) = %d, want %d (stderr %q)", c.name, code, c.code, errb.String())
		}
		if !strings.Contains(out.String(), c.outHas) || !strings.Contains(errb.String(), c.errHas) {
			t.Errorf("Run(%s) stdout %q stderr %q, want %q / %q", c.name, trim(out.String()), errb.String(), c.outHas, c.errHas)
		}
		if c.outLines >= 0 {
			checkJSONLines(t, c.name, out.String(), c.outLines)
		}
	}
}

// checkJSONLines checks one well-formed object per line with the keys of
// the documented format.
func checkJSONLines(t *testing.T, name, out string, want int) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != want {
		t.Errorf("Run(%s) wrote %d JSON lines, want %d", name, len(lines), want)
	}
	for _, l := range lines {
		var obj map[string]any
		if err := json.Unmarshal([]byte(l), &obj); err != nil {
			t.Errorf("Run(%s) line %q is not JSON: %v", name, l, err)
			continue
		}
		if _, isErr := obj["error"]; isErr {
			continue
		}
		for _, k := range []string{"file", "message_id", "subject", "from", "channel", "verdict", "score", "findings", "forwarded", "source_format"} {
			if _, ok := obj[k]; !ok {
				t.Errorf("Run(%s) line lacks %q: %s", name, k, l)
			}
		}
	}
}

func TestInspectFolderAndMbox(t *testing.T) {
	dir := t.TempDir()
	a, _ := os.ReadFile(filepath.Join(msgDir, "ham", "urssaf-echeancier.eml"))
	b, _ := os.ReadFile(filepath.Join(msgDir, "phish", "faux-doctolib-trop-percu.eml"))
	box := "From a@b Mon Nov 17 09:00:00 2025\n" + string(a) + "\nFrom c@d Mon Nov 17 10:00:00 2025\n" + string(b)
	for name, data := range map[string]string{"boite.mbox": box, "sub/msg.eml": string(b), "notes.txt": "ignored"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errb bytes.Buffer
	if code := Run([]string{"inspect", "--json", filepath.Join(dir, "boite.mbox"), dir}, &out, &errb); code != 0 {
		t.Fatalf("Run = %d, stderr %q", code, errb.String())
	}
	checkJSONLines(t, "mbox+folder", out.String(), 3)
	if !strings.Contains(out.String(), "boite.mbox#2") || !strings.Contains(out.String(), `"verdict":"dangerous"`) {
		t.Errorf("output %q lacks the second mbox message or its verdict", out.String())
	}
}

func trim(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

func TestInspectStdin(t *testing.T) {
	phish, _ := os.ReadFile(filepath.Join(msgDir, "phish", "faux-ameli-carte-vitale.eml"))
	cases := []struct {
		name, in, outHas, errHas string
		code                     int
	}{
		{"pasted source", "\n\n" + string(phish), `"file":"-"`, "", 0},
		{"pasted format", string(phish), `"source_format":"pasted"`, "", 0},
		{"pasted body only", "Bonjour, votre carte Vitale expire.\n", `"error":"Ce texte ne contient pas les en-têtes du message`, "", 1},
		{"nothing pasted", "", `"error":"Le fichier est vide`, "", 1},
	}
	defer func(r io.Reader) { inspectStdin = r }(inspectStdin)
	for _, c := range cases {
		inspectStdin = strings.NewReader(c.in)
		var out, errb bytes.Buffer
		code := Run([]string{"inspect", "--json", "-"}, &out, &errb)
		if code != c.code || !strings.Contains(out.String(), c.outHas) {
			t.Errorf("Run(%s) = %d, stdout %q, want %d and %q", c.name, code, trim(out.String()), c.code, c.outHas)
		}
		checkJSONLines(t, c.name, out.String(), 1)
	}
}

// TestInspectBadInputs checks that each input that is no message gets its
// French sentence, in text and in JSON, and that the run goes on.
func TestInspectBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := write("enorme.eml", nil)
	if err := os.Truncate(big, 51<<20); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, path, errHas string }{
		{"empty file", write("vide.eml", nil), "Le fichier est vide"},
		{"pdf", write("facture.eml", []byte("%PDF-1.7\n1 0 obj")), "Ce fichier n'est pas un message (c'est un document"},
		{"image", write("photo.msg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF")), "Ce fichier n'est pas un message"},
		{"text without headers", write("notes.txt", []byte("Rappeler M. Durand lundi.\n")), "Ce texte ne contient pas les en-têtes"},
		{"damaged msg", write("coupe.msg", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 coupé")), "Ce fichier Outlook est abîmé ou incomplet"},
		{"too large", big, "Ce fichier dépasse 50 Mo"},
	}
	good := filepath.Join(msgDir, "ham", "urssaf-echeancier.eml")
	for _, c := range cases {
		var out, errb bytes.Buffer
		if code := Run([]string{"inspect", c.path, good}, &out, &errb); code != 1 || !strings.Contains(errb.String(), c.errHas) {
			t.Errorf("Run(%s) = %d, stderr %q, want 1 and %q", c.name, code, errb.String(), c.errHas)
		}
		if !strings.Contains(out.String(), "urssaf-echeancier.eml") {
			t.Errorf("Run(%s) stopped before the next file: %q", c.name, trim(out.String()))
		}
		out.Reset()
		Run([]string{"inspect", "--json", c.path}, &out, &errb)
		if !strings.Contains(out.String(), `"error":"`+c.errHas) || !strings.Contains(out.String(), `"detail":"`) {
			t.Errorf("Run(%s --json) = %q, want the sentence and the detail", c.name, out.String())
		}
	}
}

// TestInspectMsg reads Outlook samples, alone and in a folder.
func TestInspectMsg(t *testing.T) {
	received := filepath.Join(msgSamples, "attachmentFiles.msg")
	if _, err := os.Stat(received); err != nil {
		t.Skipf("%s absent: the .msg tests need the shared samples", msgSamples)
	}
	var out, errb bytes.Buffer
	if code := Run([]string{"inspect", "--json", received, filepath.Join(msgSamples, "sent.msg")}, &out, &errb); code != 0 {
		t.Fatalf("Run(.msg) = %d, stderr %q", code, errb.String())
	}
	checkJSONLines(t, ".msg", out.String(), 2)
	if !strings.Contains(out.String(), `"source_format":"msg"`) || !strings.Contains(out.String(), `"subject":"attachmentFiles"`) {
		t.Errorf("Run(.msg) = %q, want source_format msg and the subject", out.String())
	}
	out.Reset()
	Run([]string{"inspect", filepath.Join(msgSamples, "sent.msg")}, &out, &errb)
	if !strings.Contains(out.String(), "ne garde pas la trace de sa livraison") {
		t.Errorf("Run(sent .msg) = %q, want the note on the missing delivery trace", out.String())
	}
	errb.Reset()
	if code := Run([]string{"inspect", filepath.Join(msgSamples, "Friday_Lunch.msg")}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "n'est pas un message (c'est un rendez-vous") {
		t.Errorf("Run(appointment) = %d, stderr %q, want 1 and the sentence", code, errb.String())
	}
	dir := t.TempDir()
	data, _ := os.ReadFile(received)
	os.WriteFile(filepath.Join(dir, "recu.msg"), data, 0o644)
	eml, _ := os.ReadFile(filepath.Join(msgDir, "ham", "urssaf-echeancier.eml"))
	os.WriteFile(filepath.Join(dir, "a.eml"), eml, 0o644)
	out.Reset()
	if code := Run([]string{"inspect", "--json", dir}, &out, &errb); code != 0 {
		t.Fatalf("Run(folder with .msg) = %d", code)
	}
	checkJSONLines(t, "folder with .msg", out.String(), 2)
}
