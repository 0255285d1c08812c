package cli

// These tests run what docs/fleet/ hands to osquery/Fleet, Wazuh and
// Intune against a real status written by `hygie status`. The engines
// themselves cannot be installed here: the osquery SQL runs on status.db
// with SQLite (what osquery's automatic table construction reads), the
// Wazuh rules are evaluated with Go's regexp (OS_Regex differs; the policy
// uses only what both read the same), and the PowerShell script is checked
// against the compliance rules it feeds.

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"hygie/checks"
	"hygie/checks/probe"
	"hygie/checks/status"
	"hygie/store"
)

// fleetHome writes a status for a practice that is in good shape (every
// item done today, every probe passing) or not (nothing done, backup failing).
func fleetHome(t *testing.T, good bool) string {
	dir := statusHome(t, false)
	now := time.Now() // the freshness policy compares with the real clock
	statusNow = func() time.Time { return now }
	db, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c, err := checks.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	var results []probe.Result
	for _, id := range probe.IDs() {
		st := probe.Pass
		if !good && id == probe.Backup {
			st = probe.Fail
		}
		results = append(results, probe.Result{ID: id, Status: st})
	}
	if _, err := c.RecordProbes(results, now); err != nil {
		t.Fatal(err)
	}
	if good {
		for _, it := range checks.Catalogue() {
			if err := c.Tick(it.ID, now); err != nil {
				t.Fatal(err)
			}
		}
	}
	if code, _, errOut := runStatusCLI("status"); code != 0 {
		t.Fatalf("hygie status = %d: %s", code, errOut)
	}
	return dir
}

type atcTable struct {
	Query    string   `json:"query"`
	Path     string   `json:"path"`
	Columns  []string `json:"columns"`
	Platform string   `json:"platform"`
}

func readOsqueryConf(t *testing.T) (map[string]atcTable, map[string]struct{ Query string }) {
	data, err := os.ReadFile("../docs/fleet/osquery.conf")
	if err != nil {
		t.Fatal(err)
	}
	var conf struct {
		ATC      map[string]atcTable               `json:"auto_table_construction"`
		Schedule map[string]struct{ Query string } `json:"schedule"`
	}
	if err := json.Unmarshal(data, &conf); err != nil {
		t.Fatalf("osquery.conf: %v", err)
	}
	return conf.ATC, conf.Schedule
}

// osqueryTable does what osquery's automatic table construction does: run
// the table's query on status.db and expose the rows under the table name.
func osqueryTable(t *testing.T, dir string, name string, tbl atcTable) *sql.DB {
	db, err := sql.Open("sqlite", "file:"+status.DBPath(dir)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.SetMaxOpenConns(1) // the temporary view lives on one connection
	if _, err := db.Exec("CREATE TEMP VIEW " + name + " AS " + tbl.Query); err != nil {
		t.Fatalf("ATC query of %s on status.db: %v", name, err)
	}
	rows, err := db.Query("SELECT * FROM " + name)
	if err != nil {
		t.Fatal(err)
	}
	cols, _ := rows.Columns()
	rows.Close()
	if strings.Join(cols, ",") != strings.Join(tbl.Columns, ",") {
		t.Errorf("ATC %s: query gives columns %v, config lists %v", name, cols, tbl.Columns)
	}
	return db
}

func TestOsqueryATCAndFleetPolicies(t *testing.T) {
	atc, schedule := readOsqueryConf(t)
	wantPaths := map[string]string{"linux": ".config/hygie/status.db", "darwin": "Library/Application Support/hygie/status.db", "windows": `AppData\Roaming\hygie\status.db`}
	for name, tbl := range atc {
		if !strings.HasSuffix(tbl.Path, wantPaths[tbl.Platform]) || !strings.Contains(tbl.Path, "%") {
			t.Errorf("ATC %s (%s) path %q, want every user's …%s", name, tbl.Platform, tbl.Path, wantPaths[tbl.Platform])
		}
	}
	policies := readFleetPolicies(t)
	for _, good := range []bool{true, false} {
		dir := fleetHome(t, good)
		db := osqueryTable(t, dir, "hygie_status", atc["hygie_status"])
		var n int
		if err := db.QueryRow(strings.TrimSuffix(strings.TrimSpace(schedule["hygie_status"].Query), ";")).Scan(new(any), new(any), new(any), &n, new(any), new(any), new(any), new(any), new(any), new(any), new(any), new(any), new(any), new(any), new(any), new(any), new(any), new(any), new(any), new(any), new(any)); err != nil {
			t.Errorf("scheduled query: %v", err)
		}
		for _, p := range policies {
			rows, err := db.Query(p.Query)
			if err != nil {
				t.Errorf("policy %q: %v", p.Name, err)
				continue
			}
			passed := rows.Next()
			rows.Close()
			want := good
			switch {
			case strings.Contains(p.Name, "diagnostic"):
				want = false // no assessment in either state
			case strings.Contains(p.Name, "7 jours"):
				want = true // written by the test a moment ago in both states
			}
			if passed != want {
				t.Errorf("policy %q on a practice in good shape=%v: passed %v, want %v", p.Name, good, passed, want)
			}
		}
	}
}

type fleetPolicy struct{ Name, Query string }

func readFleetPolicies(t *testing.T) []fleetPolicy {
	data, err := os.ReadFile("../docs/fleet/fleet-policies.yml")
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var out []fleetPolicy
	for {
		var doc struct {
			Kind string
			Spec struct{ Name, Query string }
		}
		if err := dec.Decode(&doc); err != nil {
			break
		}
		if doc.Kind != "policy" || doc.Spec.Query == "" {
			t.Errorf("fleet-policies.yml: %+v is not a policy", doc)
		}
		out = append(out, fleetPolicy{doc.Spec.Name, doc.Spec.Query})
	}
	if len(out) < 4 {
		t.Fatalf("fleet-policies.yml has %d policies", len(out))
	}
	return out
}

type scaCheck struct {
	ID        int
	Title     string
	Condition string
	Rules     []string
}

func readSCA(t *testing.T) (vars map[string]string, checks []scaCheck) {
	data, err := os.ReadFile("../docs/fleet/hygie-sca.yml")
	if err != nil {
		t.Fatal(err)
	}
	var pol struct {
		Policy    struct{ ID, File string }
		Variables map[string]string
		Checks    []scaCheck
	}
	if err := yaml.Unmarshal(data, &pol); err != nil {
		t.Fatalf("hygie-sca.yml: %v", err)
	}
	if pol.Policy.File != "hygie-sca.yml" || len(pol.Checks) < 4 {
		t.Fatalf("hygie-sca.yml: policy %+v, %d checks", pol.Policy, len(pol.Checks))
	}
	return pol.Variables, pol.Checks
}

// scaRule evaluates one Wazuh SCA rule, `f:FILE -> r:REGEX`,
// `f:FILE -> n:REGEX compare OP N` or `c:COMMAND -> r:REGEX`: true when a
// line of the file or of the command's output matches.
func scaRule(t *testing.T, rule string, vars map[string]string, dir string) bool {
	target, test, ok := strings.Cut(rule, " -> ")
	if !ok {
		t.Fatalf("rule %q has no test", rule)
	}
	for v, val := range vars {
		target = strings.ReplaceAll(target, v, val)
	}
	var lines []string
	switch {
	case strings.HasPrefix(target, "f:"):
		if filepath.Base(target) != "status.json" {
			t.Fatalf("file rule on %q", target)
		}
		data, err := os.ReadFile(status.Path(dir))
		if err != nil {
			t.Fatal(err)
		}
		lines = strings.Split(string(data), "\n")
	case strings.HasPrefix(target, "c:"):
		args := strings.Fields(strings.TrimPrefix(target, "c:"))
		if args[0] != "hygie" {
			t.Fatalf("command rule runs %q", args[0])
		}
		for i, a := range args {
			if a == "--data-dir" {
				args[i+1] = dir // the policy names the practitioner's folder
			}
		}
		_, out, _ := runStatusCLI(args[1:]...)
		lines = strings.Split(out, "\n")
	default:
		t.Fatalf("rule kind of %q", rule)
	}
	return matchLines(t, test, lines)
}

var compareRe = regexp.MustCompile(`^n:(.*) compare (>=|<=|==|!=|<|>) (\d+)$`)

func matchLines(t *testing.T, test string, lines []string) bool {
	if m := compareRe.FindStringSubmatch(test); m != nil {
		re := regexp.MustCompile(m[1])
		want, _ := strconv.Atoi(m[3])
		for _, l := range lines {
			if g := re.FindStringSubmatch(l); g != nil {
				n, _ := strconv.Atoi(g[1])
				return map[string]bool{">=": n >= want, "<=": n <= want, "==": n == want, "!=": n != want, "<": n < want, ">": n > want}[m[2]]
			}
		}
		return false
	}
	pattern, ok := strings.CutPrefix(test, "r:")
	if !ok {
		t.Fatalf("test %q", test)
	}
	re := regexp.MustCompile(pattern)
	for _, l := range lines {
		if re.MatchString(l) {
			return true
		}
	}
	return false
}

// wazuhSafe: the only escapes and operators OS_Regex and RE2 read alike.
var wazuhSafe = regexp.MustCompile(`^[^\[\]{}?.|]*$`)

func TestWazuhSCA(t *testing.T) {
	vars, checks := readSCA(t)
	for _, c := range checks {
		for _, r := range c.Rules {
			_, test, _ := strings.Cut(r, " -> ")
			if !wazuhSafe.MatchString(strings.TrimSuffix(test, " compare >= 60")) {
				t.Errorf("check %d: %q uses regex syntax OS_Regex reads differently", c.ID, test)
			}
		}
	}
	for _, good := range []bool{true, false} {
		dir := fleetHome(t, good)
		for _, c := range checks {
			var matched []bool
			for _, r := range c.Rules {
				matched = append(matched, scaRule(t, r, vars, dir))
			}
			want := good || strings.Contains(c.Title, "schéma") // the schema version does not depend on the practice
			if got := scaPasses(c.Condition, matched); got != want {
				t.Errorf("check %d %q, practice in good shape=%v: passed %v (rules matched %v)", c.ID, c.Title, good, got, matched)
			}
		}
	}
}

func scaPasses(condition string, matched []bool) bool {
	n := 0
	for _, m := range matched {
		if m {
			n++
		}
	}
	switch condition {
	case "all":
		return n == len(matched)
	case "any":
		return n > 0
	case "none":
		return n == 0
	}
	panic(fmt.Sprintf("SCA condition %q", condition))
}

// The discovery script returns exactly the settings the compliance rules
// test, read from fields the status document has.
func TestIntuneFiles(t *testing.T) {
	data, err := os.ReadFile("../docs/fleet/intune-compliance.json")
	if err != nil {
		t.Fatal(err)
	}
	var rules struct {
		Rules []struct {
			SettingName, Operator, DataType, Operand, MoreInfoUrl string
			RemediationStrings                                    []struct{ Language, Title, Description string }
		}
	}
	if err := json.Unmarshal(data, &rules); err != nil {
		t.Fatalf("intune-compliance.json: %v", err)
	}
	script, err := os.ReadFile("../docs/fleet/intune-discovery.ps1")
	if err != nil {
		t.Fatal(err)
	}
	keys := regexp.MustCompile(`\$result\.(\w+) =`).FindAllStringSubmatch(string(script), -1)
	set := map[string]bool{}
	for _, k := range keys {
		set[k[1]] = true
	}
	for _, r := range rules.Rules {
		if !set[r.SettingName] || !strings.Contains(string(script), r.SettingName+" = ") {
			t.Errorf("setting %s is not produced by intune-discovery.ps1", r.SettingName)
		}
		langs := map[string]bool{}
		for _, s := range r.RemediationStrings {
			langs[s.Language] = s.Title != ""
		}
		if !langs["en_US"] || !langs["fr_FR"] {
			t.Errorf("setting %s: remediation strings need en_US (Intune requires it) and fr_FR", r.SettingName)
		}
	}
	if len(set) != len(rules.Rules) {
		t.Errorf("script sets %d settings, rules test %d", len(set), len(rules.Rules))
	}
	if !strings.Contains(string(script), `AppData\Roaming\hygie\status.json`) || !strings.Contains(string(script), "ConvertTo-Json -Compress") {
		t.Errorf("intune-discovery.ps1 must read %%AppData%%\\hygie\\status.json and return compressed JSON")
	}
	// The fields the script reads exist in a real document.
	dir := fleetHome(t, true)
	raw, _ := os.ReadFile(status.Path(dir))
	var doc map[string]any
	json.Unmarshal(raw, &doc)
	for _, field := range []string{"schema_version", "score", "probes", "backup"} {
		if _, ok := doc[field]; !ok {
			t.Errorf("status.json has no %s, which the script reads", field)
		}
	}
}
