package mailbox

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"hygie/mail"
)

// rawMessage is one fetched message waiting for analysis.
type rawMessage struct {
	uid   imap.UID
	flags []imap.Flag
	env   *imap.Envelope
	size  int64
	body  []byte
}

// batch is one FETCH worth of messages: the UIDs asked for and what came.
type batch struct {
	uids []imap.UID
	msgs []*rawMessage
	err  error
}

// fetchBox analyses p's pending messages batch by batch, then judges
// again those an older engine judged. Downloading the next batch overlaps
// with analysing the current one; each batch is stored in one transaction,
// a batch of new messages together with the new high-water mark.
func (sc *Scanner) fetchBox(s *session, acct Account, p plan, prog *progress, hooks Hooks) (fresh, rechecked int, err error) {
	if len(p.pending) == 0 && len(p.recheck) == 0 {
		return 0, 0, nil
	}
	sel, err := s.examine(p.box)
	if err != nil {
		return 0, 0, err
	}
	if sel.UIDValidity != p.state.uidValidity {
		// Rebuilt between planning and fetching: plan again from scratch.
		if p, err = sc.sync(s, acct.Name, p.box); err != nil {
			return 0, 0, err
		}
	}
	if fresh, err = sc.fetchUIDs(s, acct, p, p.pending, false, prog, hooks.Message); err != nil {
		return fresh, 0, err
	}
	rechecked, err = sc.fetchUIDs(s, acct, p, p.recheck, true, prog, hooks.Recheck)
	return fresh, rechecked, err
}

// fetchUIDs fetches, analyses and stores uids of p's mailbox, which must
// be examined already. New messages (recheck false) move the high-water
// mark with each batch; re-checked ones replace their rows and leave it.
func (sc *Scanner) fetchUIDs(s *session, acct Account, p plan, uids []imap.UID, recheck bool, prog *progress,
	onMsg func(Message)) (int, error) {
	if len(uids) == 0 {
		return 0, nil
	}
	prog.phase(p.box, recheck)
	groups, err := s.batches(p.box, uids, sc.opts)
	if err != nil {
		return 0, err
	}
	out, quit := make(chan batch, 1), make(chan struct{})
	go s.fetchAll(p.box, groups, sc.opts.maxMessageBytes(), out, quit)
	stop := func() {
		close(quit)
		s.conn.Close() // unblocks a fetch in progress
		for range out {
		}
	}
	done := 0
	for b := range out {
		if b.err == nil {
			b.err = s.ctx.Err()
		}
		if b.err != nil {
			stop()
			return done, b.err
		}
		msgs := sc.analyse(acct.Name, p, b.msgs, prog)
		if err := sc.storeBatch(acct.Name, p, b.uids, msgs, recheck); err != nil {
			stop()
			return done, err
		}
		done += len(msgs)
		if onMsg != nil {
			for _, m := range msgs {
				onMsg(m)
			}
		}
	}
	return done, nil
}

// storeBatch writes one analysed batch: new messages with the high-water
// mark of their batch, re-checked ones in place.
func (sc *Scanner) storeBatch(account string, p plan, uids []imap.UID, msgs []Message, recheck bool) error {
	if recheck {
		return sc.store.replace(p.box, msgs)
	}
	st := boxState{uidValidity: p.state.uidValidity, lastUID: uint32(uids[len(uids)-1])}
	return sc.store.commit(account, p.box, st, msgs)
}

// batches splits uids, in their order, into FETCH-sized groups, bounded in
// count and in bytes so that memory stays flat whatever the mailbox holds.
func (s *session) batches(box string, uids []imap.UID, opts Options) ([][]imap.UID, error) {
	sizes, err := s.sizes(box, uids)
	if err != nil {
		return nil, err
	}
	var groups [][]imap.UID
	var cur []imap.UID
	var curBytes int64
	for _, uid := range uids {
		n := min(sizes[uid], opts.maxMessageBytes())
		if len(cur) > 0 && (len(cur) >= opts.batchSize() || curBytes+n > opts.batchBytes()) {
			groups = append(groups, cur)
			cur, curBytes = nil, 0
		}
		cur = append(cur, uid)
		curBytes += n
	}
	if len(cur) > 0 {
		groups = append(groups, cur)
	}
	return groups, nil
}

// sizes asks the server how large each pending message is (a cheap FETCH).
func (s *session) sizes(box string, uids []imap.UID) (map[imap.UID]int64, error) {
	defer s.waiting()()
	var set imap.UIDSet
	set.AddNum(uids...)
	msgs, err := s.client.Fetch(set, &imap.FetchOptions{UID: true, RFC822Size: true}).Collect()
	if err != nil {
		return nil, fmt.Errorf("list sizes in %s: %w", box, s.classify(err))
	}
	out := make(map[imap.UID]int64, len(msgs))
	for _, m := range msgs {
		out[m.UID] = m.RFC822Size
	}
	return out, nil
}

// fetchAll downloads the groups in order and hands them over on out; it
// stops at the first error or when quit closes.
func (s *session) fetchAll(box string, groups [][]imap.UID, capBytes int64, out chan<- batch, quit <-chan struct{}) {
	defer close(out)
	for _, uids := range groups {
		msgs, err := s.fetchBatch(box, uids, capBytes)
		select {
		case out <- batch{uids: uids, msgs: msgs, err: err}:
		case <-quit:
			return
		}
		if err != nil {
			return
		}
	}
}

// fetchBatch fetches flags, envelope, size and the message up to capBytes,
// always with BODY.PEEK so that nothing is marked as read.
func (s *session) fetchBatch(box string, uids []imap.UID, capBytes int64) ([]*rawMessage, error) {
	defer s.waiting()()
	var set imap.UIDSet
	set.AddNum(uids...)
	section := &imap.FetchItemBodySection{Peek: true, Partial: &imap.SectionPartial{Offset: 0, Size: capBytes}}
	cmd := s.client.Fetch(set, &imap.FetchOptions{
		UID: true, Flags: true, Envelope: true, RFC822Size: true,
		BodySection: []*imap.FetchItemBodySection{section},
	})
	var msgs []*rawMessage
	for m := cmd.Next(); m != nil; m = cmd.Next() {
		raw, err := readFetched(m, capBytes)
		if err != nil {
			// The link broke inside a message. go-imap's reader goroutine
			// resumes as soon as a literal read fails, and draining the
			// command reads that literal again from the same buffer (a
			// data race): stop the reader first, the link is dead anyway.
			s.client.Close()
			cmd.Close()
			return nil, fmt.Errorf("fetch from %s: %w", box, s.classify(err))
		}
		if raw.uid != 0 {
			msgs = append(msgs, raw)
		}
	}
	if err := cmd.Close(); err != nil {
		return nil, fmt.Errorf("fetch from %s: %w", box, s.classify(err))
	}
	return msgs, nil
}

func readFetched(m *imapclient.FetchMessageData, capBytes int64) (*rawMessage, error) {
	r := &rawMessage{}
	for item := m.Next(); item != nil; item = m.Next() {
		switch it := item.(type) {
		case imapclient.FetchItemDataUID:
			r.uid = it.UID
		case imapclient.FetchItemDataFlags:
			r.flags = it.Flags
		case imapclient.FetchItemDataEnvelope:
			r.env = it.Envelope
		case imapclient.FetchItemDataRFC822Size:
			r.size = it.Size
		case imapclient.FetchItemDataBodySection:
			if it.Literal == nil {
				continue
			}
			var buf bytes.Buffer
			buf.Grow(int(min(it.Literal.Size(), capBytes)))
			if _, err := io.Copy(&buf, io.LimitReader(it.Literal, capBytes)); err != nil {
				return nil, err
			}
			r.body = buf.Bytes()
		}
	}
	return r, nil
}

// analyse runs the engine on a batch, one message per worker at a time.
func (sc *Scanner) analyse(account string, p plan, raws []*rawMessage, prog *progress) []Message {
	out := make([]Message, len(raws))
	workers := sc.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, len(raws)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(raws); i = int(next.Add(1) - 1) {
				out[i] = sc.analyseOne(account, p, raws[i])
				raws[i].body = nil // let the batch's memory go as we progress
				prog.add(p.box, 1)
			}
		})
	}
	wg.Wait()
	return out
}

// analyseOne turns a fetched message into its cached analysis. A failure
// or panic of the engine on one message is recorded on that message and
// never stops the scan.
func (sc *Scanner) analyseOne(account string, p plan, r *rawMessage) (m Message) {
	m = Message{
		Account: account, Mailbox: p.box, UIDValidity: p.state.uidValidity, UID: uint32(r.uid),
		Size: r.size, Truncated: r.size > int64(len(r.body)) && int64(len(r.body)) >= sc.opts.maxMessageBytes(),
		Flags: flagStrings(r.flags), ScannedAt: time.Now().UTC(), Engine: mail.EngineVersion(),
	}
	defer func() {
		if v := recover(); v != nil {
			m.AnalysisError = fmt.Sprintf("analysis panicked: %v", v)
		}
		fillFromEnvelope(&m, r.env)
	}()
	// AnalyzeRaw judges a forward from the practitioner or a colleague on
	// what it forwards, as `hygie inspect` and "Vérifier un message" do.
	rep, err := sc.analyzer.AnalyzeRaw(r.body)
	m.Report = rep
	if err != nil {
		m.AnalysisError = err.Error()
	}
	return m
}

// fillFromEnvelope completes what the engine could not tell (for example
// when it failed) from the server's envelope.
func fillFromEnvelope(m *Message, env *imap.Envelope) {
	if env == nil {
		return
	}
	if !env.Date.IsZero() {
		m.Date = env.Date.UTC()
	}
	if m.Report.Subject == "" {
		m.Report.Subject = env.Subject
	}
	if m.Report.MessageID == "" {
		m.Report.MessageID = env.MessageID
	}
	if m.Report.From == "" && len(env.From) > 0 {
		m.Report.From = env.From[0].Addr()
	}
}

func flagStrings(flags []imap.Flag) []string {
	out := make([]string, len(flags))
	for i, f := range flags {
		out[i] = string(f)
	}
	return out
}
