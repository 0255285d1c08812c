package probe

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// psScripts are the Windows probes' scripts, checked here on every OS.
var psScripts = map[string]string{
	"firewall": psFirewall, "updates": psUpdates, "bitlocker": psBitLocker,
	"screenlock": psScreenLock, "antivirus": psAntivirus, "admins": psAdmins,
}

// psWriteVerbs are PowerShell verbs that change something; the scripts
// only read (New-Object merely creates a COM object to query).
var psWriteVerbs = regexp.MustCompile(`(?i)\b(Set|Remove|Add|Clear|Enable|Disable|Start|Stop|Restart|Install|Uninstall|Update|Invoke|Suspend|Resume|Register|Unregister|Out-File|Export|Rename|Move|Copy)-[A-Za-z]+`)

func TestPowerShellScriptsReadOnly(t *testing.T) {
	for name, script := range psScripts {
		full := psPrelude + script
		if strings.Contains(full, `"`) {
			t.Errorf("%s: contains a double quote, which -Command quoting would mangle", name)
		}
		if m := psWriteVerbs.FindString(full); m != "" {
			t.Errorf("%s: uses %s, which changes the machine", name, m)
		}
		if !strings.Contains(script, "Out-Json") {
			t.Errorf("%s: does not print its result with Out-Json", name)
		}
		if strings.Contains(strings.ToLower(full), "runas") {
			t.Errorf("%s: asks for elevation", name)
		}
	}
}

// TestNoShellNoElevation scans the probes' own code: no command goes
// through a shell or asks for administrator rights.
func TestNoShellNoElevation(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	forbidden := regexp.MustCompile(`\.(cmd|Run)\(ctx, "(/usr/bin/|/bin/)?(sudo|pkexec|su|doas|sh|bash|dash|zsh|cmd|cmd\.exe)"|"-c"|"/c"|(?i)runas`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if m := forbidden.Find(b); m != nil {
			t.Errorf("%s: %s", f, m)
		}
	}
}

// FuzzParsers feeds any text to every parser: none may panic, and each
// must still give a well-formed result.
func FuzzParsers(f *testing.F) {
	for _, c := range parseCases {
		for _, name := range c.files {
			f.Add(readTestdata(f, name))
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		results := []Result{
			firewallDecision([]fwFinding{parseNftRuleset(s, "nft"), parseFirewalldState(Output{Stdout: s}), parseUfwConf(s, s)}),
			parseWinFirewall(s), parseMacFirewall(s, "socketfilterfw"),
			parseAptUpgradable(s), parseDnfCheckUpdate(Output{Stdout: s, Code: 100}),
			parseWinUpdates(s, testNow), parseMacUpdatePrefs(s, testNow), parseSoftwareUpdateList(s),
			parseLsblk(s, s), parseWinBitLocker(s), parseFdesetup(s),
			gnomeLock(s, s, s), kdeLock(s, s), parseWinScreenLock(s), macLock(s, s, s),
			parseClamVersion(s, testNow), parseWinAntivirus(s),
			parseGetentGroups(s, "marie"), parseWinAdmins(s), parseDsclAdmin(s, "marie"),
		}
		if _, ok := parseUfwStatus(s); ok {
			results = append(results, pass(CodeFirewallOn, Params{}, "ufw"))
		}
		for i, r := range results {
			checkWellFormed(t, "parser "+string(rune('A'+i)), r)
		}
	})
}

// BenchmarkRunAll measures a whole run on this machine; the target is
// under 3 s (ProbeTimeout caps each probe at 2.5 s).
func BenchmarkRunAll(b *testing.B) {
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "cabinet.db"), nil, 0o644); err != nil {
		b.Fatal(err)
	}
	cfg := Config{BackupDir: dir, BackupMaxAge: time.Hour}
	for b.Loop() {
		if rs := RunAll(context.Background(), cfg); len(rs) != len(IDs()) {
			b.Fatalf("RunAll returned %d results", len(rs))
		}
	}
}
