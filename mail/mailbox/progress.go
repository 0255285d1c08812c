package mailbox

import (
	"sync"
	"time"
)

// progressEvery spaces progress reports: about ten a second is smooth for
// a progress bar and cheap for a UI thread.
const progressEvery = 100 * time.Millisecond

// progress counts analysed messages from several goroutines and reports
// them through the hook at a bounded rate, one call at a time.
type progress struct {
	hook  func(Progress)
	mu    sync.Mutex
	cur   Progress
	last  time.Time
	dirty bool
}

func newProgress(hook func(Progress), plans []plan) *progress {
	p := &progress{hook: hook}
	for _, pl := range plans {
		p.cur.Total += len(pl.pending) + len(pl.recheck)
		p.cur.Rechecks += len(pl.recheck)
	}
	if len(plans) > 0 {
		p.cur.Mailbox = plans[0].box
	}
	p.emit(time.Now())
	return p
}

// add records n more messages done in box.
func (p *progress) add(box string, n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.cur.Mailbox = box
	p.cur.Done += n
	p.dirty = true
	if now := time.Now(); now.Sub(p.last) >= progressEvery {
		p.emit(now)
	}
}

// phase records that the messages analysed next in box are new ones or
// re-checks; it is reported with the next count, or at once when the last
// report is old enough.
func (p *progress) phase(box string, recheck bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cur.Mailbox == box && p.cur.Rechecking == recheck {
		return
	}
	p.cur.Mailbox, p.cur.Rechecking = box, recheck
	p.dirty = true
	if now := time.Now(); now.Sub(p.last) >= progressEvery {
		p.emit(now)
	}
}

// flush reports the final count if the last change was not reported yet.
func (p *progress) flush() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.dirty {
		p.emit(time.Now())
	}
}

// emit calls the hook with the lock held, so calls never overlap.
func (p *progress) emit(now time.Time) {
	p.last, p.dirty = now, false
	if p.hook != nil {
		p.hook(p.cur)
	}
}
