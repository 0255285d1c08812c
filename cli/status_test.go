package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"hygie/checks"
	"hygie/checks/probe"
	"hygie/store"
)

// statusHome gives the status tests a throw-away data folder, with the
// clock fixed; withProbes records a passing firewall and a failing backup.
func statusHome(t *testing.T, withProbes bool) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("HYGIE_HOME", dir)
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	old := statusNow
	statusNow = func() time.Time { return now }
	t.Cleanup(func() { statusNow = old })
	if withProbes {
		db, err := store.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		c, err := checks.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		res := []probe.Result{{ID: probe.Firewall, Status: probe.Pass}, {ID: probe.Backup, Status: probe.Fail}}
		if _, err := c.RecordProbes(res, now); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func runStatusCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = Run(args, &out, &errb)
	return code, out.String(), errb.String()
}

var statusCases = []struct {
	name   string
	args   []string
	probes bool
	code   int
	met    any // the thresholds' met, nil when no threshold
}{
	{"no threshold", []string{"status", "--json"}, true, 0, nil},
	{"score under the minimum", []string{"status", "--json", "--min-score", "60"}, false, 3, false},
	{"minimum of zero", []string{"status", "--json", "--min-score", "0"}, false, 0, true},
	{"failed probe", []string{"status", "--json", "--fail-on-probe-fail"}, true, 3, false},
	{"no failed probe", []string{"status", "--json", "--fail-on-probe-fail"}, false, 0, true},
}

func TestStatusThresholds(t *testing.T) {
	for _, tc := range statusCases {
		statusHome(t, tc.probes)
		code, out, errOut := runStatusCLI(tc.args...)
		if code != tc.code {
			t.Errorf("%s: exit %d, want %d (stderr %q)", tc.name, code, tc.code, errOut)
		}
		validateStatus(t, tc.name, []byte(out))
		var doc struct {
			Thresholds map[string]any `json:"thresholds"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		var met any
		if doc.Thresholds != nil {
			met = doc.Thresholds["met"]
		}
		if met != tc.met {
			t.Errorf("%s: thresholds.met = %v, want %v", tc.name, met, tc.met)
		}
	}
}

func TestStatusWritesFiles(t *testing.T) {
	dir := statusHome(t, true)
	code, out, _ := runStatusCLI("status")
	if code != 0 || !strings.Contains(out, "Score d'hygiène : ") || !strings.Contains(out, "à corriger : 1") {
		t.Errorf("hygie status = %d, %q", code, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "status.json"))
	if err != nil {
		t.Fatal(err)
	}
	validateStatus(t, "status.json", data)
	if strings.Contains(string(data), "thresholds") {
		t.Errorf("status.json carries the thresholds of one call")
	}
	if _, err := os.Stat(filepath.Join(dir, "status.db")); err != nil {
		t.Errorf("status.db: %v", err)
	}
	other := t.TempDir()
	if code, _, _ := runStatusCLI("status", "--no-write", "--data-dir", other); code != 0 {
		t.Errorf("--no-write exit %d", code)
	}
	if _, err := os.Stat(filepath.Join(other, "status.json")); !os.IsNotExist(err) {
		t.Errorf("--no-write wrote status.json (%v)", err)
	}
}

func TestStatusUsage(t *testing.T) {
	statusHome(t, false)
	for _, args := range [][]string{{"status", "--min-score", "101"}, {"status", "--bogus"}, {"status", "extra"}} {
		if code, _, errOut := runStatusCLI(args...); code != 2 || !strings.Contains(errOut, "hygie status : ") {
			t.Errorf("%v = %d, %q; want a French usage error", args, code, errOut)
		}
	}
	if code, out, _ := runStatusCLI("status", "--help"); code != 0 || !strings.Contains(out, "--min-score") {
		t.Errorf("status --help = %d, %q", code, out)
	}
}

func validateStatus(t *testing.T, name string, data []byte) {
	t.Helper()
	f, err := os.Open("../docs/status.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sdoc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("status.schema.json", sdoc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("status.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: not JSON: %v\n%s", name, err, data)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("%s does not follow docs/status.schema.json: %v", name, err)
	}
}
