package mailbox

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"

	"hygie/mail"
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
	if fetches := checkReadOnlyWire(t, srv.Wire()); fetches != 4 {
		t.Errorf("%d body fetches, want 4 batches of at most 4", fetches)
	}
	// After an update of the engine, the re-check is just as read-only.
	if _, err := st.db.Exec(`UPDATE mailbox_messages SET engine = '0-oldengine' WHERE uid > 5`); err != nil {
		t.Fatal(err)
	}
	srv.ResetWire()
	sum, err = sc.Scan(context.Background(), acct, srv.Password, Hooks{})
	if err != nil || sum.New != 0 || sum.Rechecked != 10 {
		t.Fatalf("re-check scan = %+v, %v; want 10 re-checked", sum, err)
	}
	if fetches := checkReadOnlyWire(t, srv.Wire()); fetches != 3 {
		t.Errorf("%d body fetches in the re-check, want 3 batches of at most 4", fetches)
	}
}

// checkReadOnlyWire fails the test for any command a scan must not send
// and returns how many body fetches (with PEEK) it saw.
func checkReadOnlyWire(t *testing.T, wire string) (fetches int) {
	t.Helper()
	for _, c := range clientCommand.FindAllStringSubmatch(wire, -1) {
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
	if !strings.Contains(wire, "EXAMINE INBOX") {
		t.Error("no EXAMINE seen: the recording does not work")
	}
	return fetches
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

// unreadableMessage has a header block larger than the engine reads, so
// Analyze fails on it.
func unreadableMessage() []byte {
	pad := strings.Repeat("X-Pad: "+strings.Repeat("a", 90)+"\r\n", 25000) // ≈ 2.4 MB
	return []byte("From: a@kine.example\r\nSubject: Trop d'en-têtes\r\nMessage-ID: <huge@kine.example>\r\n" + pad + "\r\nCorps\r\n")
}

// TestUnanalysableMessageIsRecorded: a message the engine cannot read is
// stored with its error, and the messages around it are analysed.
func TestUnanalysableMessageIsRecorded(t *testing.T) {
	raw := unreadableMessage()
	if _, err := mail.NewAnalyzer(mail.Options{}).Analyze(bytes.NewReader(raw)); err == nil {
		t.Fatal("the engine reads the oversized header block: this test proves nothing")
	}
	srv := mailboxtest.StartMemServer(t)
	a := srv.Admin(t)
	msgs := mailboxtest.Messages(2, 800)
	a.AppendAll(t, "INBOX", [][]byte{msgs[0], raw, msgs[1]})
	st, _ := newStore(t)
	sc := newScanner(st, Options{RootCAs: srv.Cert.Pool()})
	sum, got, err := scanAll(t, sc, accountFor(srv.Addr, srv.User), srv.Password)
	if err != nil || sum.New != 3 || len(got) != 3 {
		t.Fatalf("Scan = %+v, %d messages, %v; want 3 new", sum, len(got), err)
	}
	cached, err := st.Messages("cabinet")
	if err != nil || len(cached) != 3 {
		t.Fatalf("Messages = %d, %v; want 3", len(cached), err)
	}
	for _, m := range cached {
		switch failed := m.AnalysisError != ""; {
		case m.UID == 2 && (!failed || m.Report.Subject != "Trop d'en-têtes"):
			t.Errorf("uid 2: error %q, subject %q; want the error and the envelope's subject", m.AnalysisError, m.Report.Subject)
		case m.UID != 2 && (failed || m.Report.Verdict == ""):
			t.Errorf("uid %d: error %q, verdict %q; want an analysis", m.UID, m.AnalysisError, m.Report.Verdict)
		}
	}
}
