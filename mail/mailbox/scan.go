package mailbox

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"

	"hygie/mail"
)

// Hooks are the optional callbacks of a scan. They run on the scan's own
// goroutines, one call at a time; a UI must hand the work to its own thread.
type Hooks struct {
	// Progress reports messages done out of the total to analyse, at most
	// about ten times a second, and once more at the end.
	Progress func(Progress)
	// Message receives each newly analysed message once it is stored.
	Message func(Message)
	// Recheck receives each message an older engine had judged, once it
	// is judged again and stored.
	Recheck func(Message)
}

// Scanner scans accounts read-only and keeps the verdicts in the Store.
type Scanner struct {
	store    *Store
	analyzer *mail.Analyzer
	opts     Options
}

// NewScanner returns a Scanner storing into st and analysing with an.
func NewScanner(st *Store, an *mail.Analyzer, opts Options) *Scanner {
	return &Scanner{store: st, analyzer: an, opts: opts}
}

// plan is the work found in one mailbox: its UIDVALIDITY, the high-water
// mark, the UIDs above it still to analyse, and the UIDs below it that an
// older engine judged (highest first).
type plan struct {
	box     string
	state   boxState
	onSrv   int
	pending []imap.UID
	recheck []imap.UID
}

// Scan brings the cache of acct up to date: it opens each mailbox with
// EXAMINE, drops what left the server (or everything when UIDVALIDITY
// changed), analyses the messages above the last UID seen, then judges
// again, fetched the same read-only way, the cached messages that another
// engine version judged (mail.EngineVersion: Hygie was updated). On error
// or cancellation the batches already stored stay, and the next scan
// resumes after them; the returned Summary counts what was done.
func (sc *Scanner) Scan(ctx context.Context, acct Account, password string, hooks Hooks) (Summary, error) {
	started := time.Now()
	var sum Summary
	an, err := sc.analyzerFor(acct)
	if err != nil {
		return sum, fmt.Errorf("scan %s: %w", acct.Name, err)
	}
	sc = &Scanner{store: sc.store, analyzer: an, opts: sc.opts} // this scan's engine
	s, err := connect(ctx, acct, password, sc.opts)
	if err != nil {
		return sum, fmt.Errorf("scan %s: %w", acct.Name, away(err, sc.store.scannedBefore(acct.Name)))
	}
	defer s.close()
	plans, err := sc.plan(s, acct)
	if err != nil {
		return sum, fmt.Errorf("scan %s: %w", acct.Name, err)
	}
	prog := newProgress(hooks.Progress, plans)
	for _, p := range plans {
		sum.Scanned += p.onSrv
		fresh, rechecked, err := sc.fetchBox(s, acct, p, prog, hooks)
		sum.New += fresh
		sum.Rechecked += rechecked
		if err != nil {
			return sc.finish(acct, started, sum, err)
		}
	}
	prog.flush()
	return sc.finish(acct, started, sum, nil)
}

// analyzerFor is this scan's engine: the caller's, completed by
// Store.AnalyzerOptions for acct (the practice's people and suppliers,
// the correspondents learned from acct's history, the MSSanté trust list
// last downloaded on the user's request unless the caller's engine
// already has one), and with the account's own address, so that what the
// practitioner forwards to themselves is judged on what it forwards.
func (sc *Scanner) analyzerFor(acct Account) (*mail.Analyzer, error) {
	opts, err := sc.store.AnalyzerOptions(sc.analyzer.Options(), acct.Name)
	if err != nil {
		return nil, err
	}
	if strings.Contains(acct.Username, "@") {
		opts.OwnAddresses = append(slices.Clip(opts.OwnAddresses), acct.Username)
	}
	return mail.NewAnalyzer(opts), nil
}

// finish fills in the flagged count and duration, and logs a scan that
// completed so the dashboard can show it.
func (sc *Scanner) finish(acct Account, started time.Time, sum Summary, scanErr error) (Summary, error) {
	sum.Seconds = time.Since(started).Seconds()
	flagged, err := sc.store.countFlagged(acct.Name, acct.Boxes())
	if err != nil && scanErr == nil {
		scanErr = err
	}
	sum.Flagged = flagged
	if scanErr != nil {
		return sum, fmt.Errorf("scan %s: %w", acct.Name, scanErr)
	}
	if err := sc.store.recordScan(acct.Name, started, sum); err != nil {
		return sum, err
	}
	return sum, nil
}

// plan examines every mailbox first, so progress has a true total.
func (sc *Scanner) plan(s *session, acct Account) ([]plan, error) {
	var plans []plan
	for _, box := range acct.Boxes() {
		p, err := sc.sync(s, acct.Name, box)
		if err != nil {
			return nil, err
		}
		plans = append(plans, p)
	}
	return plans, nil
}

// sync reconciles the cache of box with the server and lists the new UIDs
// and those to judge again.
func (sc *Scanner) sync(s *session, account, box string) (plan, error) {
	sel, err := s.examine(box)
	if err != nil {
		return plan{}, err
	}
	st, ok, err := sc.store.state(account, box)
	if err != nil {
		return plan{}, err
	}
	if !ok || st.uidValidity != sel.UIDValidity {
		st = boxState{uidValidity: sel.UIDValidity}
		if err := sc.store.reset(account, box, st.uidValidity); err != nil {
			return plan{}, err
		}
	}
	onServer, err := s.allUIDs(box, sel.NumMessages)
	if err != nil {
		return plan{}, err
	}
	if err := sc.forgetVanished(account, box, st.uidValidity, onServer); err != nil {
		return plan{}, err
	}
	p := plan{box: box, state: st, onSrv: len(onServer)}
	for _, uid := range onServer {
		if uint32(uid) > st.lastUID {
			p.pending = append(p.pending, uid)
		}
	}
	stale, err := sc.store.staleUIDs(account, box, st.uidValidity, mail.EngineVersion())
	if err != nil {
		return plan{}, err
	}
	for _, uid := range stale {
		if uid <= st.lastUID { // always so: a row and its mark are stored together
			p.recheck = append(p.recheck, imap.UID(uid))
		}
	}
	return p, nil
}

// allUIDs lists the UIDs in the examined mailbox, in ascending order.
func (s *session) allUIDs(box string, count uint32) ([]imap.UID, error) {
	if count == 0 {
		return nil, nil
	}
	defer s.waiting()()
	data, err := s.client.UIDSearch(&imap.SearchCriteria{}, nil).Wait()
	if err != nil {
		return nil, fmt.Errorf("list messages of %s: %w", box, s.classify(err))
	}
	uids := data.AllUIDs()
	slices.Sort(uids)
	return uids, nil
}

// forgetVanished drops cached messages no longer on the server.
func (sc *Scanner) forgetVanished(account, box string, uidValidity uint32, onServer []imap.UID) error {
	cached, err := sc.store.cachedUIDs(account, box, uidValidity)
	if err != nil {
		return err
	}
	var gone []uint32
	for _, uid := range cached {
		if _, found := slices.BinarySearch(onServer, imap.UID(uid)); !found {
			gone = append(gone, uid)
		}
	}
	return sc.store.forget(account, box, uidValidity, gone)
}
