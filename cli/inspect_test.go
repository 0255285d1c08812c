package cli

import (
	"bytes"
	"encoding/json"
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
	{"next step json", []string{"inspect", "--json", "--lang", "en", filepath.Join(msgDir, "phish", "fraude-au-president.eml")}, 0, `"advice":"What to do: do not act on it`, "", 1},
	{"json file", []string{"inspect", "--json", filepath.Join(msgDir, "ham", "urssaf-echeancier.eml")}, 0, `"verdict":"safe"`, "", 1},
	{"json after path", []string{"inspect", filepath.Join(msgDir, "ham", "urssaf-echeancier.eml"), "--json"}, 0, `"channel":"ordinary"`, "", 1},
	{"english", []string{"inspect", "--lang", "en", filepath.Join(msgDir, "phish", "sextorsion.eml")}, 0, "Blackmail", "", -1},
	{"missing file goes on", []string{"inspect", "--json", "absent.eml", filepath.Join(msgDir, "ham", "urssaf-echeancier.eml")}, 1, `"error"`, "", 2},
	{"missing file text", []string{"inspect", "absent.eml"}, 1, "", "absent.eml", -1},
}

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
		for _, k := range []string{"file", "message_id", "subject", "from", "channel", "verdict", "score", "findings"} {
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
