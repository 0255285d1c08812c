package mail

import (
	"bufio"
	"bytes"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// corpusDir holds the shared public samples, read in place: their licences
// forbid copying them into the repository.
var corpusDir = filepath.Join("..", "..", "shared", "corpus")

// corpusTargets are the acceptance targets on the checking half: the
// share of each subset that may (ham) or must (phish) be flagged
// suspicious or dangerous.
var corpusTargets = map[string]struct {
	min, max float64
	// gap, when set, is a target the checking half still misses after
	// honest work: the test reports it on every run and asserts the share
	// measured when the gap was recorded (gapMin), so that it cannot get
	// worse unnoticed. Remove it once the target holds.
	gap    string
	gapMin float64
}{
	"phish":    {min: 0.92, max: 1},
	"easy_ham": {min: 0, max: 0.005},
	"hard_ham": {min: 0, max: 0.02},
}

// corpusNote is printed with the figures, so that they are never read
// without it (docs/mail-analysis.md, "How the phish target was reached").
const corpusNote = "note: one change (unsolicited_offer: a several-word offer theme counts alone; neutral on the tuning half) " +
	"was kept after its checking-half effect was seen; the checking half is also measured without it, and must meet the targets both ways"

// corpusSeed fixes which campaigns fall in the tuning half. Changing it
// would mix what the rules were tuned on into what checks them.
const corpusSeed = 20261201

// corpusMessage is one sample with its subset (phish, easy_ham, hard_ham,
// spam) taken from MANIFEST.tsv.
type corpusMessage struct {
	path   string
	subset string
	raw    []byte
	// check is true for the checking half (see splitCorpus).
	check bool
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
	splitCorpus(out, corpusSeed)
	return out
}

// splitCorpus puts every sample in the tuning or the checking half, by
// campaign: samples that share a normalised subject or a sender's
// registered domain (the whole address for a webmail or an anonymised
// one) are joined, through both keys (union-find), so one campaign never
// sits on both sides. Each campaign's side is a hash of the seed and of
// its first file name, fixed from run to run.
func splitCorpus(msgs []corpusMessage, seed uint64) {
	parent := make([]int, len(msgs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	first := map[string]int{}
	join := func(key string, i int) {
		if key == "" {
			return
		}
		if j, ok := first[key]; ok {
			if a, b := find(i), find(j); a != b {
				parent[max(a, b)] = min(a, b)
			}
			return
		}
		first[key] = i
	}
	for i, m := range msgs {
		subj, sender := campaignKeys(m.raw)
		join("s:"+subj, i)
		join("d:"+sender, i)
	}
	for i := range msgs {
		root := find(i)
		h := fnv.New64a()
		fmt.Fprintf(h, "%d/%s", seed, msgs[root].path)
		msgs[i].check = h.Sum64()%2 == 1
	}
}

// campaignKeys returns the normalised subject (reply and forward prefixes,
// list tags, digits and punctuation dropped) and the sender's key of a
// sample.
func campaignKeys(raw []byte) (subject, sender string) {
	m, err := Parse(bytes.NewReader(raw))
	if err != nil {
		return "", ""
	}
	s := fold(m.Subject, 512)
	for {
		t := strings.TrimSpace(s)
		for _, p := range []string{"re:", "re :", "fw:", "fwd:", "tr:", "tr :", "aw:", "wg:", "rv:", "enc:"} {
			t = strings.TrimSpace(strings.TrimPrefix(t, p))
		}
		if strings.HasPrefix(t, "[") {
			if i := strings.IndexByte(t, ']'); i > 0 {
				t = t[i+1:]
			}
		}
		if t == s {
			break
		}
		s = t
	}
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }), " ")
	if len(s) < 4 {
		s = "" // an empty or one-word-fragment subject names no campaign
	}
	from := m.FromAddr()
	d := from.Domain()
	reg := registeredDomain(d)
	if reg == "" {
		reg = d
	}
	if isFreemail(d) || strings.HasSuffix(d, ".example") || strings.HasSuffix(d, ".test") {
		reg = strings.ToLower(from.Addr)
	}
	return s, reg
}

// half selects the samples of one half.
func half(msgs []corpusMessage, check bool) []corpusMessage {
	var out []corpusMessage
	for _, m := range msgs {
		if m.check == check {
			out = append(out, m)
		}
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

// TestCorpus prints the confusion matrix of both halves of the shared
// samples and fails when a class of the checking half misses its target.
// Rules are tuned on the tuning half only; HYGIE_CORPUS_MISSES=1 logs the
// tuning half's misses and false alarms with their findings;
// HYGIE_CORPUS_DUMP=file writes every tuning-half verdict to file, one
// line per sample, so that a rule change can be diffed message by message
// on the half that decides (never the checking half's).
func TestCorpus(t *testing.T) {
	msgs := loadCorpus(t)
	var dump strings.Builder
	tune, check := measureCorpus(t, msgs, &dump)
	if path := os.Getenv("HYGIE_CORPUS_DUMP"); path != "" {
		if err := os.WriteFile(path, []byte(dump.String()), 0o644); err != nil {
			t.Errorf("write %s: %v", path, err)
		}
	}
	t.Log("\ntuning half\n" + formatMatrix(tune))
	t.Log("\nchecking half (targets)\n" + formatMatrix(check))
	t.Log(corpusNote)
	assertTargets(t, "", check)

	multiWordOfferAlone = false
	defer func() { multiWordOfferAlone = true }()
	_, strict := measureCorpus(t, msgs, nil)
	t.Log("\nchecking half, changes decided on the tuning half only\n" + formatMatrix(strict))
	assertTargets(t, "decided on the tuning half only: ", strict)
}

// measureCorpus judges every sample and returns the confusion matrices of
// both halves; dump, when not nil, receives one line per tuning sample.
func measureCorpus(t *testing.T, msgs []corpusMessage, dump *strings.Builder) (tune, check map[string]map[Verdict]int) {
	an := NewAnalyzer(Options{})
	tune, check = map[string]map[Verdict]int{}, map[string]map[Verdict]int{}
	for _, m := range msgs {
		rep, err := an.Analyze(bytes.NewReader(m.raw))
		if err != nil {
			t.Errorf("Analyze(%s): %v", m.path, err)
			continue
		}
		matrix := tune
		if m.check {
			matrix = check
		}
		if matrix[m.subset] == nil {
			matrix[m.subset] = map[Verdict]int{}
		}
		matrix[m.subset][rep.Verdict]++
		if m.check || dump == nil {
			continue
		}
		fmt.Fprintf(dump, "%s\t%s\t%d\t%v\n", m.path, rep.Verdict, rep.Score, ids(rep))
		flagged := verdictRank[rep.Verdict] >= verdictRank[Suspicious]
		if os.Getenv("HYGIE_CORPUS_MISSES") != "" && (m.subset == "phish") != flagged && m.subset != "spam" {
			t.Logf("%s %s %d %v %q", m.path, rep.Verdict, rep.Score, ids(rep), rep.Subject)
		}
	}
	return tune, check
}

// assertTargets fails when a subset of the checking half misses its
// target; what prefixes the messages.
func assertTargets(t *testing.T, what string, check map[string]map[Verdict]int) {
	t.Helper()
	for subset, target := range corpusTargets {
		row := check[subset]
		total := row[Safe] + row[Caution] + row[Suspicious] + row[Dangerous]
		if total == 0 {
			t.Errorf("corpus subset %s is empty", subset)
			continue
		}
		share := float64(row[Suspicious]+row[Dangerous]) / float64(total)
		if target.gap != "" && share < target.min {
			t.Logf("%sKNOWN GAP: flagged share of %s = %.1f%%, target %.1f%%: %s", what, subset, 100*share, 100*target.min, target.gap)
			if share < target.gapMin-1e-9 {
				t.Errorf("%sflagged share of %s = %.1f%%, below the %.1f%% recorded with the gap", what, subset, 100*share, 100*target.gapMin)
			}
			continue
		}
		if share < target.min || share > target.max {
			t.Errorf("%sflagged share of %s = %.1f%%, want %.1f%%..%.1f%%", what, subset, 100*share, 100*target.min, 100*target.max)
		}
	}
}

// TestCorpusSplit checks that no campaign key sits on both halves and that
// each half holds a fair share of every subset.
func TestCorpusSplit(t *testing.T) {
	msgs := loadCorpus(t)
	side := map[string]bool{}
	counts := map[string][2]int{}
	for _, m := range msgs {
		subj, sender := campaignKeys(m.raw)
		for _, k := range []string{"s:" + subj, "d:" + sender} {
			if k == "s:" || k == "d:" {
				continue
			}
			if c, ok := side[k]; ok && c != m.check {
				t.Errorf("campaign key %q on both halves (%s)", k, m.path)
			}
			side[k] = m.check
		}
		c := counts[m.subset]
		if m.check {
			c[1]++
		} else {
			c[0]++
		}
		counts[m.subset] = c
	}
	for subset, c := range counts {
		t.Logf("%-9s tuning %3d checking %3d", subset, c[0], c[1])
		if c[0] < (c[0]+c[1])/4 || c[1] < (c[0]+c[1])/4 {
			t.Errorf("subset %s split %d/%d: one half is too small to measure", subset, c[0], c[1])
		}
	}
}

// formatMatrix prints one row per subset: the count of each verdict, the
// share flagged (suspicious or dangerous) and the share « à vérifier »,
// which must stay low on ham: a practitioner who sees most honest mail
// « à vérifier » stops reading the verdicts.
func formatMatrix(matrix map[string]map[Verdict]int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-9s %6s %8s %11s %10s %8s %9s\n", "subset", "safe", "caution", "suspicious", "dangerous", "flagged", "caution%")
	subsets := make([]string, 0, len(matrix))
	for s := range matrix {
		subsets = append(subsets, s)
	}
	sort.Strings(subsets)
	for _, s := range subsets {
		r := matrix[s]
		total := r[Safe] + r[Caution] + r[Suspicious] + r[Dangerous]
		fmt.Fprintf(&b, "%-9s %6d %8d %11d %10d %7.1f%% %8.1f%%\n", s, r[Safe], r[Caution], r[Suspicious], r[Dangerous],
			100*float64(r[Suspicious]+r[Dangerous])/float64(max(total, 1)), 100*float64(r[Caution])/float64(max(total, 1)))
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
