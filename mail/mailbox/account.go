package mailbox

import (
	"fmt"
	"net"
	"strconv"
	"strings"
)

// Security is how the connection to the IMAP server is protected.
type Security string

// The connection security modes.
const (
	// TLS is implicit TLS from the first byte, usually on port 993.
	TLS Security = "tls"
	// StartTLS upgrades a plain connection, usually on port 143.
	StartTLS Security = "starttls"
	// Plain sends everything, password included, unencrypted. Refused
	// unless the server is on this computer and the account allows it.
	Plain Security = "plain"
)

// DefaultPort is the usual port for sec.
func DefaultPort(sec Security) int {
	if sec == TLS || sec == "" {
		return 993
	}
	return 143
}

// DefaultMailbox is scanned when an account names none.
const DefaultMailbox = "INBOX"

// Account describes one mailbox to scan. It holds no password: that lives
// in the keychain under the account's Name.
type Account struct {
	// Name identifies the account (unique); it is also the keychain key.
	Name     string
	Host     string
	Port     int
	Security Security
	Username string
	// Mailboxes to scan; empty means INBOX.
	Mailboxes []string
	// AllowPlaintext must be set for Security Plain, and is honoured only
	// for a server on this computer (localhost, 127.0.0.0/8, ::1).
	AllowPlaintext bool
	// PinnedSHA256 is the hex SHA-256 of a server certificate the user chose
	// to trust although no authority vouches for it (self-signed).
	PinnedSHA256 string
	// Preset is the id of the provider preset the account started from.
	Preset string
	// Auth is how Hygie logs in: with a password (the default) or with an
	// OAuth2 token from Provider (see auth.go).
	Auth AuthKind
	// Provider is the OAuth2 provider ("microsoft", "google") when Auth is
	// OAuth2.
	Provider string
}

// Boxes returns the mailboxes to scan, INBOX when none is set.
func (a Account) Boxes() []string {
	if len(a.Mailboxes) == 0 {
		return []string{DefaultMailbox}
	}
	return a.Mailboxes
}

// Addr is host:port, with the default port of the security mode when unset.
func (a Account) Addr() string {
	port := a.Port
	if port == 0 {
		port = DefaultPort(a.Security)
	}
	return net.JoinHostPort(a.Host, strconv.Itoa(port))
}

// Validate reports the first problem that makes the account unusable.
func (a Account) Validate() error {
	switch {
	case strings.TrimSpace(a.Name) == "":
		return fmt.Errorf("account has no name: %w", ErrInvalidAccount)
	case strings.TrimSpace(a.Host) == "" || strings.ContainsAny(a.Host, " /:@") && net.ParseIP(a.Host) == nil:
		return fmt.Errorf("account %s: bad host %q: %w", a.Name, a.Host, ErrInvalidAccount)
	case a.Port < 0 || a.Port > 65535:
		return fmt.Errorf("account %s: bad port %d: %w", a.Name, a.Port, ErrInvalidAccount)
	case strings.TrimSpace(a.Username) == "":
		return fmt.Errorf("account %s has no user name: %w", a.Name, ErrInvalidAccount)
	}
	if err := a.validateAuth(); err != nil {
		return err
	}
	switch a.Security {
	case TLS, StartTLS, "":
		return nil
	case Plain:
		if !a.AllowPlaintext || !isLoopback(a.Host) {
			return fmt.Errorf("account %s: unencrypted connection to %s: %w", a.Name, a.Host, ErrPlaintextRefused)
		}
		return nil
	}
	return fmt.Errorf("account %s: unknown security %q: %w", a.Name, a.Security, ErrInvalidAccount)
}

// isLoopback reports whether host names this computer. Names other than
// "localhost" are not resolved: a DNS answer must not unlock plaintext.
func isLoopback(host string) bool {
	if strings.EqualFold(strings.TrimSuffix(host, "."), "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}
