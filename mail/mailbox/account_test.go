package mailbox

import (
	"errors"
	"testing"
)

var validateCases = []struct {
	name string
	acct Account
	want error
}{
	{"tls default", Account{Name: "a", Host: "imap.orange.fr", Username: "u"}, nil},
	{"starttls", Account{Name: "a", Host: "imap.example.fr", Port: 143, Security: StartTLS, Username: "u"}, nil},
	{"ipv6 host", Account{Name: "a", Host: "::1", Username: "u"}, nil},
	{"no name", Account{Host: "h", Username: "u"}, ErrInvalidAccount},
	{"no host", Account{Name: "a", Username: "u"}, ErrInvalidAccount},
	{"host with space", Account{Name: "a", Host: "imap orange.fr", Username: "u"}, ErrInvalidAccount},
	{"host with port", Account{Name: "a", Host: "imap.orange.fr:993", Username: "u"}, ErrInvalidAccount},
	{"bad port", Account{Name: "a", Host: "h", Port: 70000, Username: "u"}, ErrInvalidAccount},
	{"no user", Account{Name: "a", Host: "h"}, ErrInvalidAccount},
	{"unknown security", Account{Name: "a", Host: "h", Username: "u", Security: "ssl3"}, ErrInvalidAccount},
	{"plain remote", Account{Name: "a", Host: "imap.orange.fr", Username: "u", Security: Plain, AllowPlaintext: true}, ErrPlaintextRefused},
	{"plain local, not allowed", Account{Name: "a", Host: "127.0.0.1", Username: "u", Security: Plain}, ErrPlaintextRefused},
	{"plain local allowed", Account{Name: "a", Host: "127.0.0.1", Username: "u", Security: Plain, AllowPlaintext: true}, nil},
	{"plain localhost allowed", Account{Name: "a", Host: "localhost", Username: "u", Security: Plain, AllowPlaintext: true}, nil},
	{"plain lookalike of localhost", Account{Name: "a", Host: "localhost.example.com", Username: "u", Security: Plain, AllowPlaintext: true}, ErrPlaintextRefused},
}

func TestValidate(t *testing.T) {
	for _, c := range validateCases {
		err := c.acct.Validate()
		if c.want == nil && err != nil || c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("Validate(%s) = %v, want %v", c.name, err, c.want)
		}
	}
}

func TestAddrAndBoxes(t *testing.T) {
	cases := []struct {
		acct  Account
		addr  string
		boxes []string
	}{
		{Account{Host: "imap.free.fr"}, "imap.free.fr:993", []string{"INBOX"}},
		{Account{Host: "imap.free.fr", Security: StartTLS}, "imap.free.fr:143", []string{"INBOX"}},
		{Account{Host: "::1", Port: 1993, Mailboxes: []string{"INBOX", "Archives"}}, "[::1]:1993", []string{"INBOX", "Archives"}},
	}
	for _, c := range cases {
		if got := c.acct.Addr(); got != c.addr {
			t.Errorf("Addr(%+v) = %q, want %q", c.acct, got, c.addr)
		}
		if got := c.acct.Boxes(); len(got) != len(c.boxes) || got[0] != c.boxes[0] {
			t.Errorf("Boxes(%+v) = %v, want %v", c.acct, got, c.boxes)
		}
	}
}
