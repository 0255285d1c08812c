package mailbox

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// Issue targets for a mailbox of 10,000 messages.
const (
	benchMessages    = 10_000
	firstScanTarget  = 20 * time.Second
	rescanTarget     = 500 * time.Millisecond
	peakMemoryTarget = 200 << 20
)

// corpusDir is ../shared/corpus seen from the repository root, unless
// HYGIE_CORPUS names another folder.
func corpusDir() string {
	if d := os.Getenv("HYGIE_CORPUS"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "shared", "corpus")
}

var (
	benchOnce sync.Once
	benchBox  string
	benchErr  error
)

// benchMailbox fills a Dovecot mailbox once with 10,000 messages drawn in
// turn from the corpus (read in place, never copied into the repository).
// They are delivered straight into the maildir, as a mail server's local
// delivery would, because 10,000 IMAP APPENDs take some 40 s here; Dovecot
// then indexes them before the timed scans, as a real server already has.
func benchMailbox(b *testing.B) string {
	files, _ := filepath.Glob(filepath.Join(corpusDir(), "*", "*.eml"))
	if len(files) == 0 {
		b.Skipf("corpus absent: no .eml under %s (set HYGIE_CORPUS or provide ../shared/corpus)", corpusDir())
	}
	sort.Strings(files)
	d := sharedDovecot(b)
	benchOnce.Do(func() {
		start := time.Now()
		a := d.Admin(b)
		benchBox = newBox(b, a)
		if benchErr = deliver(filepath.Join(d.MailDir(), "."+benchBox), files); benchErr == nil {
			benchErr = index(a.Client, benchBox)
		}
		b.Logf("set-up: %d messages delivered and indexed in %s", benchMessages, time.Since(start).Round(time.Millisecond))
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchBox
}

// deliver writes the messages into the maildir's new/ folder, owned like
// the maildir itself (nobody when the tests run as root).
func deliver(maildir string, files []string) error {
	st, err := os.Stat(maildir)
	if err != nil {
		return err
	}
	uid, gid, owned := fileOwner(st)
	for i := range benchMessages {
		data, err := os.ReadFile(files[i%len(files)])
		if err != nil {
			return err
		}
		p := filepath.Join(maildir, "new", fmt.Sprintf("%d.M%dP1.hygie-bench", 1700000000+i, i))
		if err := os.WriteFile(p, data, 0o600); err != nil {
			return err
		}
		if owned {
			if err := os.Chown(p, uid, gid); err != nil {
				return err
			}
		}
	}
	return nil
}

// index makes Dovecot assign UIDs and parse the new files (sizes and
// envelopes), as it does when a message is delivered through it.
func index(c *imapclient.Client, box string) error {
	if _, err := c.Select(box, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		return err
	}
	var all imap.SeqSet
	all.AddRange(1, 0)
	msgs, err := c.Fetch(all, &imap.FetchOptions{UID: true, RFC822Size: true, Envelope: true}).Collect()
	if err != nil {
		return err
	}
	if len(msgs) != benchMessages {
		return fmt.Errorf("dovecot sees %d messages in %s, want %d", len(msgs), box, benchMessages)
	}
	return c.Unselect().Wait()
}

// resetPeakRSS restarts the kernel's peak-memory count of this process.
func resetPeakRSS() {
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// peakRSS is the process's peak resident memory since the last reset.
func peakRSS() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

func reportMemory(b *testing.B) {
	peak := peakRSS()
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
	if peak > peakMemoryTarget {
		b.Errorf("peak memory %d MB, target %d MB", peak>>20, peakMemoryTarget>>20)
	}
}

// BenchmarkScanFirst10k is a first scan of a 10,000-message mailbox: every
// message fetched, analysed and stored.
func BenchmarkScanFirst10k(b *testing.B) {
	box := benchMailbox(b)
	d := sharedDovecot(b)
	acct := accountFor(d.IMAPS, d.User, box)
	resetPeakRSS()
	var elapsed time.Duration
	for b.Loop() {
		b.StopTimer()
		sc, _, _ := dovecotScanner(b, d, Options{})
		b.StartTimer()
		start := time.Now()
		sum, err := sc.Scan(context.Background(), acct, d.Password, Hooks{})
		elapsed += time.Since(start)
		if err != nil || sum.New != benchMessages {
			b.Fatalf("Scan = %+v, %v; want %d new", sum, err, benchMessages)
		}
	}
	perScan := elapsed / time.Duration(b.N)
	b.ReportMetric(float64(benchMessages)/perScan.Seconds(), "msgs/s")
	b.ReportMetric(perScan.Seconds(), "s/scan")
	reportMemory(b)
	if perScan > firstScanTarget {
		b.Errorf("first scan took %s, target %s", perScan, firstScanTarget)
	}
}

// BenchmarkRescanNothingNew10k rescans the same mailbox with nothing new:
// EXAMINE, UID SEARCH and the cache comparison only.
func BenchmarkRescanNothingNew10k(b *testing.B) {
	box := benchMailbox(b)
	d := sharedDovecot(b)
	acct := accountFor(d.IMAPS, d.User, box)
	sc, _, _ := dovecotScanner(b, d, Options{})
	if _, err := sc.Scan(context.Background(), acct, d.Password, Hooks{}); err != nil {
		b.Fatal(err)
	}
	resetPeakRSS()
	var elapsed time.Duration
	for b.Loop() {
		start := time.Now()
		sum, err := sc.Scan(context.Background(), acct, d.Password, Hooks{})
		elapsed += time.Since(start)
		if err != nil || sum.New != 0 || sum.Scanned != benchMessages {
			b.Fatalf("rescan = %+v, %v; want nothing new of %d", sum, err, benchMessages)
		}
	}
	perScan := elapsed / time.Duration(b.N)
	b.ReportMetric(float64(benchMessages)/perScan.Seconds(), "msgs/s")
	reportMemory(b)
	if perScan > rescanTarget {
		b.Errorf("rescan took %s, target %s", perScan, rescanTarget)
	}
}
