package mailbox

import (
	"context"
	"net"
	"strconv"
	"testing"

	"hygie/mail"
	"hygie/mail/mailbox/mailboxtest"
	"hygie/store"
)

// newStore opens a fresh database in a temporary folder.
func newStore(t testing.TB) (*Store, string) {
	t.Helper()
	dir := t.TempDir()
	db, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	st, err := Open(db)
	if err != nil {
		t.Fatal(err)
	}
	return st, dir
}

func port(addr string) int {
	_, p, _ := net.SplitHostPort(addr)
	n, _ := strconv.Atoi(p)
	return n
}

// accountFor is an implicit-TLS account on a test server at addr.
func accountFor(addr, user string, boxes ...string) Account {
	host, _, _ := net.SplitHostPort(addr)
	return Account{Name: "cabinet", Host: host, Port: port(addr), Security: TLS, Username: user, Mailboxes: boxes}
}

func newScanner(st *Store, opts Options) *Scanner {
	return NewScanner(st, mail.NewAnalyzer(mail.Options{Lang: "fr"}), opts)
}

// scanAll runs a scan and collects the messages it analysed.
func scanAll(t testing.TB, sc *Scanner, acct Account, pw string) (Summary, []Message, error) {
	t.Helper()
	var got []Message
	sum, err := sc.Scan(context.Background(), acct, pw, Hooks{Message: func(m Message) { got = append(got, m) }})
	return sum, got, err
}

func dovecotScanner(t testing.TB, d *mailboxtest.Dovecot, opts Options) (*Scanner, *Store, string) {
	t.Helper()
	st, dir := newStore(t)
	opts.RootCAs = d.Cert.Pool()
	return newScanner(st, opts), st, dir
}
