package mailbox

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"mime"
	"net"
	"sync"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-message/charset"
)

// session is one logged-in, read-only IMAP connection.
type session struct {
	ctx    context.Context
	acct   Account
	conn   *watchedConn
	client *imapclient.Client
	stop   func() bool // detaches the cancel watcher

	mu      sync.Mutex
	certErr *CertError
}

// connect dials the account's server, secures the link and logs in.
// Errors are classified with this package's sentinels.
func connect(ctx context.Context, acct Account, password string, opts Options) (*session, error) {
	if err := acct.Validate(); err != nil {
		return nil, err
	}
	d := net.Dialer{Timeout: opts.timeout(), Resolver: opts.Resolver}
	raw, err := d.DialContext(ctx, "tcp", acct.Addr())
	if err != nil {
		return nil, fmt.Errorf("connect to %s: %w", acct.Addr(), away(classifyDial(err), answeredRecently(acct.Addr())))
	}
	s := &session{ctx: ctx, acct: acct, conn: newWatchedConn(raw, opts.timeout())}
	// Cancelling closes the socket: any blocked read or write returns at once.
	s.stop = context.AfterFunc(ctx, func() { raw.Close() })
	if err := s.open(opts); err != nil {
		s.close()
		return nil, fmt.Errorf("connect to %s: %w", acct.Addr(), away(err, answeredRecently(acct.Addr())))
	}
	markAnswered(acct.Addr())
	if err := s.login(password); err != nil {
		s.close()
		return nil, fmt.Errorf("log in to %s as %s: %w", acct.Addr(), acct.Username, err)
	}
	return s, nil
}

// recentAnswer is how long after a server last answered a refusal or a
// silence reads as a passing outage rather than a wrong setting.
const recentAnswer = 10 * time.Minute

// answers remembers, in memory, when each server (host:port) last greeted
// Hygie.
var answers = struct {
	sync.Mutex
	at map[string]time.Time
}{at: map[string]time.Time{}}

func markAnswered(addr string) {
	answers.Lock()
	answers.at[addr] = time.Now()
	answers.Unlock()
}

// answeredRecently reports whether the server at addr greeted Hygie within
// recentAnswer.
func answeredRecently(addr string) bool {
	answers.Lock()
	defer answers.Unlock()
	at, ok := answers.at[addr]
	return ok && time.Since(at) < recentAnswer
}

// away marks a refused or unanswered connection to a server known to work
// (it answered a moment ago, or a scan of the account finished) with
// ErrServerAway, keeping the underlying kind.
func away(err error, known bool) error {
	if known && !errors.Is(err, ErrServerAway) && (errors.Is(err, ErrRefused) || errors.Is(err, ErrTimeout)) {
		return fmt.Errorf("%w: %w", ErrServerAway, err)
	}
	return err
}

// open sets up TLS as the account asks and waits for the server greeting.
func (s *session) open(opts Options) error {
	defer s.waiting()()
	copts := &imapclient.Options{WordDecoder: &mime.WordDecoder{CharsetReader: charset.Reader}}
	cfg := tlsConfig(s.acct.Host, opts.RootCAs, s.acct.PinnedSHA256, s.rejected)
	var err error
	switch s.acct.Security {
	case StartTLS:
		copts.TLSConfig = cfg
		s.client, err = imapclient.NewStartTLS(s.conn, copts)
	case Plain:
		s.client = imapclient.New(s.conn, copts)
	default:
		// The watchdog bounds the handshake like any other wait.
		tc := tls.Client(s.conn, cfg)
		if err = tc.HandshakeContext(s.ctx); err == nil {
			s.client = imapclient.New(tc, copts)
		}
	}
	if err == nil {
		err = s.client.WaitGreeting()
	}
	return s.classify(err)
}

// waiting tells the time-out watchdog that an answer is due until the
// returned function is called.
func (s *session) waiting() (done func()) {
	s.conn.begin()
	return s.conn.end
}

func (s *session) rejected(e *CertError) {
	s.mu.Lock()
	s.certErr = e
	s.mu.Unlock()
}

// login sends LOGIN, or AUTHENTICATE with the access token for an OAuth2
// account; the secret goes to the server and nowhere else.
func (s *session) login(password string) error {
	if s.acct.UsesOAuth2() {
		return s.loginOAuth2(password)
	}
	defer s.waiting()()
	err := s.client.Login(s.acct.Username, password).Wait()
	if ie, ok := imapStatus(err); ok {
		// Only the server's own text: it never contains the password.
		return fmt.Errorf("%w: %s", ErrAuth, ie.Text)
	}
	return s.classify(err)
}

// classify turns a failure on this connection into a sentinel: cancelled,
// certificate refused, server error reply, time-out or dropped link.
func (s *session) classify(err error) error {
	if err == nil {
		return nil
	}
	if cerr := s.ctx.Err(); cerr != nil {
		return cerr
	}
	s.mu.Lock()
	certErr := s.certErr
	s.mu.Unlock()
	if certErr != nil {
		return certErr
	}
	if ie, ok := imapStatus(err); ok {
		return fmt.Errorf("%w: %s %s", ErrServer, ie.Type, ie.Text)
	}
	if linkErr := s.conn.err(); linkErr != nil {
		if isTimeout(linkErr) {
			return fmt.Errorf("%w: %v", ErrTimeout, linkErr)
		}
		if c := classifyDial(linkErr); c != linkErr {
			return c
		}
		return fmt.Errorf("%w: %v", ErrDropped, linkErr)
	}
	if c := classifyDial(err); c != err {
		return c
	}
	if s.client != nil && isClosed(s.client) {
		return fmt.Errorf("%w: %v", ErrDropped, err)
	}
	return err
}

func isClosed(c *imapclient.Client) bool {
	select {
	case <-c.Closed():
		return true
	default:
		return c.State() == imap.ConnStateLogout
	}
}

// examine opens box read-only (EXAMINE, never SELECT).
func (s *session) examine(box string) (*imap.SelectData, error) {
	defer s.waiting()()
	data, err := s.client.Select(box, &imap.SelectOptions{ReadOnly: true}).Wait()
	if ie, ok := imapStatus(err); ok && (ie.Code == imap.ResponseCodeNonExistent || ie.Type == imap.StatusResponseTypeNo) {
		return nil, fmt.Errorf("examine %s: %w: %s", box, ErrMailboxNotFound, ie.Text)
	}
	if err != nil {
		return nil, fmt.Errorf("examine %s: %w", box, s.classify(err))
	}
	return data, nil
}

// close logs out politely when the link still works, then closes it.
func (s *session) close() {
	if s.client != nil {
		if s.ctx.Err() == nil && s.conn.err() == nil {
			end := s.waiting()
			s.client.Logout().Wait()
			end()
		}
		s.client.Close()
	} else {
		s.conn.Close()
	}
	if s.stop != nil {
		s.stop()
	}
}

// CheckLogin connects, logs in and opens every mailbox of acct read-only,
// so the account form can say at once whether the settings work.
func CheckLogin(ctx context.Context, acct Account, password string, opts Options) error {
	s, err := connect(ctx, acct, password, opts)
	if err != nil {
		return err
	}
	defer s.close()
	for _, box := range acct.Boxes() {
		if _, err := s.examine(box); err != nil {
			return err
		}
	}
	return nil
}
