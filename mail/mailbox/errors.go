package mailbox

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"syscall"

	"github.com/emersion/go-imap/v2"
)

// Errors the UI recognises (with errors.Is) to explain, in French, what went
// wrong and what to do next. None of them carries a password.
var (
	// ErrInvalidAccount: a required field is missing or malformed.
	ErrInvalidAccount = errors.New("mailbox: account settings are incomplete or invalid")
	// ErrPlaintextRefused: an unencrypted connection to another computer.
	ErrPlaintextRefused = errors.New("mailbox: unencrypted connection refused")
	// ErrRefused: nothing listens on that host and port.
	ErrRefused = errors.New("mailbox: connection refused by the server")
	// ErrHostNotFound: the server name does not exist (DNS).
	ErrHostNotFound = errors.New("mailbox: server name not found")
	// ErrBadCert: the server's certificate is not trusted; the error is
	// also a *CertError carrying the certificate's identity.
	ErrBadCert = errors.New("mailbox: server certificate not trusted")
	// ErrTLS: the TLS negotiation failed for another reason (wrong port
	// or security mode, outdated server).
	ErrTLS = errors.New("mailbox: secure connection could not be established")
	// ErrAuth: the server refused the user name or password.
	ErrAuth = errors.New("mailbox: login refused")
	// ErrDropped: the server closed the connection in the middle of the work.
	ErrDropped = errors.New("mailbox: connection closed by the server")
	// ErrTimeout: the server did not answer in time.
	ErrTimeout = errors.New("mailbox: server too slow to answer")
	// ErrMailboxNotFound: a mailbox to scan does not exist on the server.
	ErrMailboxNotFound = errors.New("mailbox: no such mailbox on the server")
	// ErrServerAway: a server that worked (it answered within the last
	// minutes, or a scan of the account finished) refuses or does not
	// answer: a passing outage, not a wrong setting. The error also
	// matches ErrRefused or ErrTimeout.
	ErrServerAway = errors.New("mailbox: a server that worked does not answer for now")
	// ErrServer: the server answered with an error we cannot classify.
	ErrServer = errors.New("mailbox: the server reported an error")
)

// classifyDial maps a failure to reach the server to a sentinel.
func classifyDial(err error) error {
	var dnsErr *net.DNSError
	var certErr *CertError
	var recErr tls.RecordHeaderError
	switch {
	case err == nil:
		return nil
	case errors.Is(err, context.Canceled):
		return err
	case errors.As(err, &certErr):
		return err
	case errors.As(err, &dnsErr) && dnsErr.IsNotFound:
		return fmt.Errorf("%w: %v", ErrHostNotFound, err)
	case errors.Is(err, syscall.ECONNREFUSED):
		return fmt.Errorf("%w: %v", ErrRefused, err)
	case isTimeout(err):
		return fmt.Errorf("%w: %v", ErrTimeout, err)
	case errors.As(err, &recErr), isTLSAlert(err):
		return fmt.Errorf("%w: %v", ErrTLS, err)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, syscall.ECONNRESET):
		return fmt.Errorf("%w: %v", ErrDropped, err)
	}
	return err
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, os.ErrDeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) ||
		errors.As(err, &ne) && ne.Timeout()
}

func isTLSAlert(err error) bool {
	var alert tls.AlertError
	return errors.As(err, &alert)
}

// imapStatus returns the server's error reply inside err, if any. go-imap
// formats some errors with %v, so errors.As is the reliable way in.
func imapStatus(err error) (*imap.Error, bool) {
	var ie *imap.Error
	if errors.As(err, &ie) {
		return ie, true
	}
	return nil, false
}
