package cli

import (
	"bytes"
	"strings"
	"testing"

	"hygie/version"
)

var runCases = []struct {
	name       string
	args       []string
	code       int
	outHas     string
	errHas     string
	stdoutNone bool
}{
	{"version", []string{"version"}, 0, "hygie " + version.Version, "", false},
	{"version flag", []string{"--version"}, 0, "hygie ", "", false},
	{"help", []string{"help"}, 0, "Commandes", "", false},
	{"no args", nil, 2, "", "Usage", true},
	{"unknown", []string{"frobnicate"}, 2, "", "commande inconnue", true},
}

func TestRun(t *testing.T) {
	for _, c := range runCases {
		var out, errb bytes.Buffer
		code := Run(c.args, &out, &errb)
		if code != c.code {
			t.Errorf("Run(%s) = %d, want %d (stderr %q)", c.name, code, c.code, errb.String())
		}
		if !strings.Contains(out.String(), c.outHas) {
			t.Errorf("Run(%s) stdout = %q, want it to contain %q", c.name, out.String(), c.outHas)
		}
		if !strings.Contains(errb.String(), c.errHas) {
			t.Errorf("Run(%s) stderr = %q, want it to contain %q", c.name, errb.String(), c.errHas)
		}
		if c.stdoutNone && out.Len() > 0 {
			t.Errorf("Run(%s) wrote to stdout on a usage error: %q", c.name, out.String())
		}
	}
}
