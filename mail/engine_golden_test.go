package mail

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var updateEngine = flag.Bool("update-engine", false, "rewrite testdata/engine-golden.tsv from the verdicts the engine gives now")

const engineGoldenPath = "testdata/engine-golden.tsv"

// TestEngineGolden keeps the verdict, score and findings of every message
// in testdata with the engine version that gave them. When they change
// while the version stays the same, a change of the Go code changed
// verdicts without bumping engineCode, and the verdicts cached on users'
// machines would never be judged again. Refresh the file with
// go test ./mail -run TestEngineGolden -update-engine once the version is
// right.
func TestEngineGolden(t *testing.T) {
	got := engineGolden(t)
	if *updateEngine {
		if err := os.WriteFile(engineGoldenPath, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	raw, err := os.ReadFile(engineGoldenPath)
	if err != nil {
		t.Fatalf("read %s: %v (create it with -update-engine)", engineGoldenPath, err)
	}
	want := string(raw)
	if got == want {
		return
	}
	wantVersion, _, _ := strings.Cut(want, "\n")
	gotVersion, _, _ := strings.Cut(got, "\n")
	diff := lineDiff(want, got)
	if wantVersion == gotVersion && !verdictsChanged(want, got) {
		t.Fatalf("test messages were added or removed: go test ./mail -run TestEngineGolden -update-engine\n%s", diff)
	}
	if wantVersion == gotVersion {
		t.Fatalf("verdicts changed but the engine version did not (%s): bump engineCode in mail/version.go, "+
			"then go test ./mail -run TestEngineGolden -update-engine\n%s", gotVersion, diff)
	}
	t.Fatalf("the engine version changed (%s → %s): check the verdicts below, then go test ./mail -run TestEngineGolden -update-engine\n%s",
		wantVersion, gotVersion, diff)
}

// engineGolden renders the engine version and one line per test message.
func engineGolden(t *testing.T) string {
	var files []string
	for _, pattern := range []string{"testdata/messages/*/*.eml", "testdata/forward/*.eml"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	sort.Strings(files)
	an := NewAnalyzer(Options{OwnAddresses: []string{"marie.martin@cabinet-martin.fr"}})
	var b strings.Builder
	fmt.Fprintf(&b, "# engine %s\n", EngineVersion())
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := an.AnalyzeRaw(raw)
		if err != nil {
			fmt.Fprintf(&b, "%s\terror\n", filepath.ToSlash(f))
			continue
		}
		fmt.Fprintf(&b, "%s\t%s\t%d\t%s\n", filepath.ToSlash(f), rep.Verdict, rep.Score, strings.Join(ids(rep), " "))
	}
	return b.String()
}

// verdictsChanged reports whether a message present in both renderings
// got another line.
func verdictsChanged(want, got string) bool {
	byFile := func(s string) map[string]string {
		m := map[string]string{}
		for _, l := range strings.Split(s, "\n") {
			if f, _, ok := strings.Cut(l, "\t"); ok {
				m[f] = l
			}
		}
		return m
	}
	w, g := byFile(want), byFile(got)
	for f, l := range w {
		if gl, ok := g[f]; ok && gl != l {
			return true
		}
	}
	return false
}

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	w, g := in(want), in(got)
	var out bytes.Buffer
	for _, l := range strings.Split(want, "\n") {
		if !g[l] {
			fmt.Fprintf(&out, "- %s\n", l)
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if !w[l] {
			fmt.Fprintf(&out, "+ %s\n", l)
		}
	}
	return out.String()
}
