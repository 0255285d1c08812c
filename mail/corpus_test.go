package mail

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// corpusDir holds the shared public samples, read in place: their licences
// forbid copying them into the repository.
var corpusDir = filepath.Join("..", "..", "shared", "corpus")

// corpusTargets are the acceptance targets: the share of each subset that
// may (ham) or must (phish) be flagged suspicious or dangerous.
var corpusTargets = map[string]struct {
	min, max float64
}{
	"phish":    {min: 0.90, max: 1},
	"easy_ham": {min: 0, max: 0.01},
	"hard_ham": {min: 0, max: 0.03},
}

// corpusMessage is one sample with its subset (phish, easy_ham, hard_ham,
// spam) taken from MANIFEST.tsv.
type corpusMessage struct {
	path   string
	subset string
	raw    []byte
}

// loadCorpus reads the manifest and every sample, or skips the test when
// the shared corpus is not on this machine.
func loadCorpus(tb testing.TB) []corpusMessage {
	tb.Helper()
	f, err := os.Open(filepath.Join(corpusDir, "MANIFEST.tsv"))
	if os.IsNotExist(err) {
		tb.Skipf("shared corpus not found at %s: corpus targets not measured", corpusDir)
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []corpusMessage
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 3 || cols[0] == "file" {
			continue
		}
		raw, err := os.ReadFile(filepath.Join(corpusDir, filepath.FromSlash(cols[0])))
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, corpusMessage{path: cols[0], subset: subsetOf(cols[1], cols[2]), raw: raw})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// subsetOf names the class a sample is measured in.
func subsetOf(class, subset string) string {
	if class == "ham" {
		return subset
	}
	return class
}

// TestCorpus prints the confusion matrix of the shared samples and fails
// when a class misses its target.
func TestCorpus(t *testing.T) {
	msgs := loadCorpus(t)
	an := NewAnalyzer(Options{})
	matrix := map[string]map[Verdict]int{}
	for _, m := range msgs {
		rep, err := an.Analyze(bytes.NewReader(m.raw))
		if err != nil {
			t.Errorf("Analyze(%s): %v", m.path, err)
			continue
		}
		if matrix[m.subset] == nil {
			matrix[m.subset] = map[Verdict]int{}
		}
		matrix[m.subset][rep.Verdict]++
	}
	t.Log("\n" + formatMatrix(matrix))
	for subset, target := range corpusTargets {
		row := matrix[subset]
		total := row[Safe] + row[Caution] + row[Suspicious] + row[Dangerous]
		if total == 0 {
			t.Errorf("corpus subset %s is empty", subset)
			continue
		}
		share := float64(row[Suspicious]+row[Dangerous]) / float64(total)
		if share < target.min || share > target.max {
			t.Errorf("flagged share of %s = %.1f%%, want %.0f%%..%.0f%%", subset, 100*share, 100*target.min, 100*target.max)
		}
	}
}

func formatMatrix(matrix map[string]map[Verdict]int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-9s %6s %8s %11s %10s %8s\n", "subset", "safe", "caution", "suspicious", "dangerous", "flagged")
	subsets := make([]string, 0, len(matrix))
	for s := range matrix {
		subsets = append(subsets, s)
	}
	sort.Strings(subsets)
	for _, s := range subsets {
		r := matrix[s]
		total := r[Safe] + r[Caution] + r[Suspicious] + r[Dangerous]
		fmt.Fprintf(&b, "%-9s %6d %8d %11d %10d %7.1f%%\n", s, r[Safe], r[Caution], r[Suspicious], r[Dangerous],
			100*float64(r[Suspicious]+r[Dangerous])/float64(max(total, 1)))
	}
	return b.String()
}

// BenchmarkAnalyzeCorpus measures the analysis of the whole shared corpus
// on one goroutine; the target is at least 1,000 messages per second.
func BenchmarkAnalyzeCorpus(b *testing.B) {
	msgs := loadCorpus(b)
	an := NewAnalyzer(Options{})
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, m := range msgs {
			if _, err := an.Analyze(bytes.NewReader(m.raw)); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(msgs)*b.N)/b.Elapsed().Seconds(), "msgs/s")
}
