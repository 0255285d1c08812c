package mailbox

import (
	"fmt"
	"net"
	"os"
	"sync"
	"time"
)

// watchedConn enforces Hygie's time-out and remembers why the link broke.
//
// go-imap waits without any deadline between two responses, so a server
// that stops answering after a complete line would hang a scan forever. A
// watchdog therefore closes the link when the server has sent nothing for
// timeout while a command awaits its answer (begin/end bracket each wait).
// A slow but steady download never trips it, and an idle connection
// between commands is left alone.
type watchedConn struct {
	net.Conn
	timeout time.Duration

	mu       sync.Mutex
	waiting  int       // commands awaiting the server
	progress time.Time // last byte received, or start of the current wait
	failure  error     // first read or write failure
	stopOnce sync.Once
	stop     chan struct{}
}

func newWatchedConn(c net.Conn, timeout time.Duration) *watchedConn {
	w := &watchedConn{Conn: c, timeout: timeout, progress: time.Now(), stop: make(chan struct{})}
	go w.watch()
	return w
}

func (c *watchedConn) watch() {
	tick := time.NewTicker(max(c.timeout/10, 10*time.Millisecond))
	defer tick.Stop()
	for {
		select {
		case <-c.stop:
			return
		case now := <-tick.C:
			if c.stalled(now) {
				c.fail(fmt.Errorf("no answer from the server for %s: %w", c.timeout, os.ErrDeadlineExceeded))
				c.Close()
				return
			}
		}
	}
}

func (c *watchedConn) stalled(now time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.waiting > 0 && now.Sub(c.progress) > c.timeout
}

// begin marks the start of a wait for the server; end its end.
func (c *watchedConn) begin() {
	c.mu.Lock()
	if c.waiting == 0 {
		c.progress = time.Now()
	}
	c.waiting++
	c.mu.Unlock()
}

func (c *watchedConn) end() {
	c.mu.Lock()
	c.waiting--
	c.mu.Unlock()
}

func (c *watchedConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 {
		c.mu.Lock()
		c.progress = time.Now()
		c.mu.Unlock()
	}
	if err != nil {
		c.fail(err)
	}
	return n, err
}

func (c *watchedConn) Write(p []byte) (int, error) {
	c.Conn.SetWriteDeadline(time.Now().Add(c.timeout))
	n, err := c.Conn.Write(p)
	if err != nil {
		c.fail(err)
	}
	return n, err
}

// Deadlines set by go-imap are ignored: the watchdog and Write apply ours.
func (c *watchedConn) SetDeadline(time.Time) error      { return nil }
func (c *watchedConn) SetReadDeadline(time.Time) error  { return nil }
func (c *watchedConn) SetWriteDeadline(time.Time) error { return nil }

// Close closes the link and stops the watchdog.
func (c *watchedConn) Close() error {
	c.stopOnce.Do(func() { close(c.stop) })
	return c.Conn.Close()
}

func (c *watchedConn) fail(err error) {
	c.mu.Lock()
	if c.failure == nil {
		c.failure = err
	}
	c.mu.Unlock()
}

// err is the first failure seen on the link, or nil.
func (c *watchedConn) err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.failure
}
