package mailbox

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"hygie/mail/mailbox/mailboxtest"
)

// clientCommand matches a command line sent by go-imap's client ("T12 UID
// FETCH …"); server replies start with "*" or "+", or tag + OK/NO/BAD.
var clientCommand = regexp.MustCompile(`(?m)^(T\d+) (UID [A-Z]+|[A-Z]+)(.*)$`)

// allowedCommands is everything a scan may send: nothing that writes.
var allowedCommands = map[string]bool{
	"CAPABILITY": true, "LOGIN": true, "EXAMINE": true, "UID SEARCH": true, "UID FETCH": true, "LOGOUT": true,
	"ENABLE": true, "NOOP": true, "ID": true,
}

// TestScanSendsOnlyReadOnlyCommands records what the client sends to the
// in-memory server: EXAMINE (never SELECT), BODY.PEEK (never BODY[]), and
// no STORE, COPY, MOVE or EXPUNGE.
func TestScanSendsOnlyReadOnlyCommands(t *testing.T) {
	srv := mailboxtest.StartMemServer(t)
	a := srv.Admin(t)
	a.AppendAll(t, "INBOX", mailboxtest.Messages(12, 1200))
	a.AppendAll(t, "INBOX", verdictMessages)
	a.Logout().Wait()
	srv.ResetWire()
	st, _ := newStore(t)
	sc := newScanner(st, Options{RootCAs: srv.Cert.Pool(), BatchSize: 4})
	acct := accountFor(srv.Addr, srv.User)
	sum, err := sc.Scan(context.Background(), acct, srv.Password, Hooks{})
	if err != nil || sum.New != 15 {
		t.Fatalf("Scan = %+v, %v; want 15 new", sum, err)
	}
	wire := srv.Wire()
	cmds := clientCommand.FindAllStringSubmatch(wire, -1)
	var fetches int
	for _, c := range cmds {
		if c[2] == "OK" || c[2] == "NO" || c[2] == "BAD" {
			continue // tagged server reply
		}
		if !allowedCommands[c[2]] {
			t.Errorf("scan sent %q", c[0])
		}
		if strings.Contains(c[3], "BODY[") || strings.Contains(c[3], "RFC822 ") || strings.HasSuffix(c[3], "RFC822)") {
			t.Errorf("fetch without PEEK: %q", c[0])
		}
		if c[2] == "UID FETCH" && strings.Contains(c[3], "BODY.PEEK[]") {
			fetches++
		}
	}
	if fetches != 4 {
		t.Errorf("%d body fetches, want 4 batches of at most 4", fetches)
	}
	if !strings.Contains(wire, "EXAMINE INBOX") {
		t.Error("no EXAMINE seen: the recording does not work")
	}
}

func TestMemServerIncremental(t *testing.T) {
	srv := mailboxtest.StartMemServer(t)
	a := srv.Admin(t)
	a.AppendAll(t, "INBOX", mailboxtest.Messages(6, 800))
	st, _ := newStore(t)
	sc := newScanner(st, Options{RootCAs: srv.Cert.Pool()})
	acct := accountFor(srv.Addr, srv.User)
	for i, want := range []int{6, 0} {
		if sum, _, err := scanAll(t, sc, acct, srv.Password); err != nil || sum.New != want || sum.Scanned != 6 {
			t.Errorf("scan %d = %+v, %v; want %d new of 6", i+1, sum, err, want)
		}
	}
}
