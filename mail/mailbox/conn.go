package mailbox

import (
	"net"
	"sync"
	"time"
)

// watchedConn enforces Hygie's own time-out and remembers why the link
// broke. go-imap arms fixed deadlines (30 s, 5 min for message bodies);
// here every read or write may wait at most timeout for the server to make
// progress, so a server that stalls mid-message is detected as quickly as
// one that never answers, without cutting off a slow but steady download.
type watchedConn struct {
	net.Conn
	timeout time.Duration

	mu        sync.Mutex
	readArmed bool
	failure   error // first read or write failure
}

func newWatchedConn(c net.Conn, timeout time.Duration) *watchedConn {
	return &watchedConn{Conn: c, timeout: timeout, readArmed: true}
}

func (c *watchedConn) Read(p []byte) (int, error) {
	c.mu.Lock()
	armed := c.readArmed
	c.mu.Unlock()
	if armed {
		c.Conn.SetReadDeadline(time.Now().Add(c.timeout))
	}
	n, err := c.Conn.Read(p)
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

// SetReadDeadline records whether the client is waiting for the server
// (non-zero deadline) or deliberately idle (zero); Read applies our timeout.
func (c *watchedConn) SetReadDeadline(t time.Time) error {
	c.mu.Lock()
	c.readArmed = !t.IsZero()
	c.mu.Unlock()
	if t.IsZero() {
		return c.Conn.SetReadDeadline(t)
	}
	return nil
}

// SetWriteDeadline is replaced by the per-write deadline of Write.
func (c *watchedConn) SetWriteDeadline(time.Time) error { return nil }

// SetDeadline applies to both directions.
func (c *watchedConn) SetDeadline(t time.Time) error { return c.SetReadDeadline(t) }

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
