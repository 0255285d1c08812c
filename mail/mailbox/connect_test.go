package mailbox

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"log"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hygie/mail/mailbox/mailboxtest"
)

func TestWrongPassword(t *testing.T) {
	d := sharedDovecot(t)
	sc, _, _ := dovecotScanner(t, d, Options{})
	const bad = "Pas-Le-Bon-Mot-De-Passe-77"
	_, err := sc.Scan(context.Background(), accountFor(d.IMAPS, d.User), bad, Hooks{})
	if !errors.Is(err, ErrAuth) {
		t.Fatalf("Scan with a wrong password = %v, want ErrAuth", err)
	}
	if strings.Contains(err.Error(), bad) {
		t.Errorf("error %q contains the password", err)
	}
}

func TestUntrustedCertificateThenPinned(t *testing.T) {
	d := sharedDovecot(t)
	st, _ := newStore(t)
	sc := newScanner(st, Options{}) // system authorities: the test CA is unknown
	acct := accountFor(d.IMAPS, d.User)
	_, err := sc.Scan(context.Background(), acct, d.Password, Hooks{})
	var ce *CertError
	if !errors.Is(err, ErrBadCert) || !errors.As(err, &ce) {
		t.Fatalf("Scan against a self-signed server = %v, want a *CertError", err)
	}
	if ce.SHA256 != d.Cert.SHA256 || !strings.Contains(ce.Subject, "localhost") || !strings.Contains(ce.Issuer, "Hygie test") {
		t.Errorf("CertError = subject %q issuer %q sha256 %s; want the server's (sha256 %s)", ce.Subject, ce.Issuer, ce.SHA256, d.Cert.SHA256)
	}
	acct.PinnedSHA256 = strings.Repeat("ab", 32)
	if _, err := sc.Scan(context.Background(), acct, d.Password, Hooks{}); !errors.Is(err, ErrBadCert) {
		t.Errorf("Scan with another pinned fingerprint = %v, want ErrBadCert", err)
	}
	acct.PinnedSHA256 = FormatFingerprint(ce.SHA256) // as the user would copy it
	if _, err := sc.Scan(context.Background(), acct, d.Password, Hooks{}); err != nil {
		t.Errorf("Scan with the certificate pinned = %v, want success", err)
	}
}

// TestSecurityModes connects in each mode to the same Dovecot.
func TestSecurityModes(t *testing.T) {
	d := sharedDovecot(t)
	cases := []struct {
		name  string
		acct  Account
		roots bool
		want  error
	}{
		{"implicit TLS", Account{Host: "127.0.0.1", Port: port(d.IMAPS), Security: TLS}, true, nil},
		{"STARTTLS", Account{Host: "127.0.0.1", Port: port(d.IMAP), Security: StartTLS}, true, nil},
		{"STARTTLS untrusted", Account{Host: "127.0.0.1", Port: port(d.IMAP), Security: StartTLS}, false, ErrBadCert},
		{"TLS on the STARTTLS port", Account{Host: "127.0.0.1", Port: port(d.IMAP), Security: TLS}, true, ErrTLS},
		{"plaintext not allowed", Account{Host: "127.0.0.1", Port: port(d.IMAP), Security: Plain}, true, ErrPlaintextRefused},
		{"plaintext to localhost allowed", Account{Host: "127.0.0.1", Port: port(d.IMAP), Security: Plain, AllowPlaintext: true}, true, nil},
	}
	for _, c := range cases {
		c.acct.Name, c.acct.Username = "cabinet", d.User
		opts := Options{}
		if c.roots {
			opts.RootCAs = d.Cert.Pool()
		}
		err := CheckLogin(context.Background(), c.acct, d.Password, opts)
		if c.want == nil && err != nil || c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("CheckLogin(%s) = %v, want %v", c.name, err, c.want)
		}
	}
}

func TestUnreachableServer(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()
	silent, err := net.Listen("tcp", "127.0.0.1:0") // accepts, never greets
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	cases := []struct {
		name string
		acct Account
		opts Options
		want error
	}{
		{"refused", accountFor(closed, "u"), Options{}, ErrRefused},
		{"name not found", Account{Name: "c", Host: "imap.cabinet-inexistant.example", Username: "u"},
			Options{Resolver: mailboxtest.NXDomainResolver(t)}, ErrHostNotFound},
		{"silent server", accountFor(silent.Addr().String(), "u"), Options{Timeout: 300 * time.Millisecond}, ErrTimeout},
	}
	for _, c := range cases {
		start := time.Now()
		err := CheckLogin(context.Background(), c.acct, "pw", c.opts)
		if !errors.Is(err, c.want) {
			t.Errorf("CheckLogin(%s) = %v, want %v", c.name, err, c.want)
		}
		if time.Since(start) > 5*time.Second {
			t.Errorf("CheckLogin(%s) took %s", c.name, time.Since(start))
		}
	}
}

func TestMailboxNotFound(t *testing.T) {
	d := sharedDovecot(t)
	sc, _, _ := dovecotScanner(t, d, Options{})
	_, err := sc.Scan(context.Background(), accountFor(d.IMAPS, d.User, "Dossier-Inexistant"), d.Password, Hooks{})
	if !errors.Is(err, ErrMailboxNotFound) {
		t.Errorf("Scan of a missing mailbox = %v, want ErrMailboxNotFound", err)
	}
}

func TestLargeMessageAnalysedInPart(t *testing.T) {
	d := sharedDovecot(t)
	a := d.Admin(t)
	box := newBox(t, a)
	big := mailboxtest.Messages(1, 60_000)[0]
	a.AppendAll(t, box, [][]byte{big, verdictMessages[0]})
	sc, _, _ := dovecotScanner(t, d, Options{MaxMessageBytes: 8192})
	_, got, err := scanAll(t, sc, accountFor(d.IMAPS, d.User, box), d.Password)
	if err != nil || len(got) != 2 {
		t.Fatalf("Scan = %d messages, %v", len(got), err)
	}
	if m := got[0]; !m.Truncated || m.Size != int64(len(big)) || m.Report.Subject != "Message 0" {
		t.Errorf("large message = truncated %v size %d subject %q; want truncated, size %d, headers analysed",
			m.Truncated, m.Size, m.Report.Subject, len(big))
	}
	if got[1].Truncated {
		t.Error("small message marked truncated")
	}
}

// TestPasswordNeverWritten scans (successfully and not), then looks for
// the password in every file of the data folder and in the log.
func TestPasswordNeverWritten(t *testing.T) {
	d := sharedDovecot(t)
	var logs bytes.Buffer
	log.SetOutput(&logs)
	defer log.SetOutput(os.Stderr)
	a := d.Admin(t)
	box := newBox(t, a)
	a.AppendAll(t, box, verdictMessages)
	sc, st, dir := dovecotScanner(t, d, Options{})
	acct := accountFor(d.IMAPS, d.User, box)
	if err := st.SaveAccount(acct); err != nil {
		t.Fatal(err)
	}
	_, _, err1 := scanAll(t, sc, acct, d.Password)
	_, _, err2 := scanAll(t, sc, acct, d.Password+"x")
	if err1 != nil || err2 == nil {
		t.Fatalf("scans = %v, %v; want success then failure", err1, err2)
	}
	if strings.Contains(err2.Error(), d.Password) {
		t.Errorf("error %q contains the password", err2)
	}
	log.Printf("scan error: %v", err2) // what the UI logs
	assertNeverWritten(t, st, dir, logs.String(), "the password", d.Password)
}

// assertNeverWritten looks for each secret in every file of the data
// folder and in the log.
func assertNeverWritten(t *testing.T, st *Store, dir, logs, what string, secrets ...string) {
	t.Helper()
	st.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	files := 0
	filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		files++
		data, _ := os.ReadFile(path)
		for _, s := range secrets {
			if bytes.Contains(data, []byte(s)) {
				t.Errorf("%s contains %s", path, what)
			}
		}
		return nil
	})
	if files == 0 {
		t.Fatal("no database file found: the check would be vacuous")
	}
	for _, s := range secrets {
		if strings.Contains(logs, s) {
			t.Errorf("the log contains %s", what)
		}
	}
}

func TestProgressIsBoundedAndComplete(t *testing.T) {
	d := sharedDovecot(t)
	a := d.Admin(t)
	box := newBox(t, a)
	a.AppendAll(t, box, mailboxtest.Messages(120, 1500))
	sc, _, _ := dovecotScanner(t, d, Options{BatchSize: 10})
	var reports []Progress
	start := time.Now()
	_, err := sc.Scan(context.Background(), accountFor(d.IMAPS, d.User, box), d.Password,
		Hooks{Progress: func(p Progress) { reports = append(reports, p) }})
	elapsed := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) < 2 {
		t.Fatalf("got %d progress reports, want at least a start and an end", len(reports))
	}
	last := reports[len(reports)-1]
	if last.Done != 120 || last.Total != 120 || last.Fraction() != 1 {
		t.Errorf("last progress = %+v, want 120/120", last)
	}
	for i := 1; i < len(reports); i++ {
		if reports[i].Done < reports[i-1].Done || reports[i].Total != 120 {
			t.Errorf("progress went %+v → %+v", reports[i-1], reports[i])
		}
	}
	if limit := int(elapsed/progressEvery) + 3; len(reports) > limit {
		t.Errorf("%d progress reports in %s, want at most %d (≈10 a second)", len(reports), elapsed, limit)
	}
}

// A server that answered a moment ago and now refuses connections is a
// passing outage: the account form and the screen say to try again in a
// moment, and a finished scan on record says the same after a restart.
func TestServerThatWorkedThenRefuses(t *testing.T) {
	d := mailboxtest.StartDovecot(t)
	sc, _, _ := dovecotScanner(t, d, Options{Timeout: 5 * time.Second})
	acct := accountFor(d.IMAPS, d.User)
	if _, err := sc.Scan(context.Background(), acct, d.Password, Hooks{}); err != nil {
		t.Fatalf("first scan: %v", err)
	}
	d.Stop()
	err := CheckLogin(context.Background(), acct, d.Password, Options{RootCAs: d.Cert.Pool(), Timeout: 5 * time.Second})
	if !errors.Is(err, ErrServerAway) || !errors.Is(err, ErrRefused) {
		t.Fatalf("CheckLogin after the server stopped = %v, want ErrServerAway and ErrRefused", err)
	}
	if got := Explain(err, InForm).FR; !strings.Contains(got, "réessayez dans un moment") {
		t.Errorf("Explain = %q", got)
	}
	// After a restart of Hygie the memory is empty; the recorded scan speaks.
	answers.Lock()
	clear(answers.at)
	answers.Unlock()
	if err := CheckLogin(context.Background(), acct, d.Password, Options{Timeout: 5 * time.Second}); errors.Is(err, ErrServerAway) {
		t.Errorf("CheckLogin with nothing remembered = %v, want a plain refusal", err)
	}
	if _, err := sc.Scan(context.Background(), acct, d.Password, Hooks{}); !errors.Is(err, ErrServerAway) {
		t.Errorf("Scan of an account scanned before = %v, want ErrServerAway", err)
	}
}
