package mailboxtest

import (
	"crypto/tls"
	"sync"
	"testing"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
)

// MemServer is go-imap's in-memory IMAP server over implicit TLS, for
// fast tests. It records what clients send, to check Hygie's commands.
type MemServer struct {
	Addr     string
	User     string
	Password string
	Cert     Cert

	srv  *imapserver.Server
	wire *wireLog
}

// StartMemServer serves one user with an empty INBOX until the test ends.
func StartMemServer(tb testing.TB) *MemServer {
	tb.Helper()
	cert, err := NewCert()
	if err != nil {
		tb.Fatal(err)
	}
	m := &MemServer{User: "praticien", Password: randomPassword(), Cert: cert, wire: &wireLog{}}
	mem := imapmemserver.New()
	u := imapmemserver.NewUser(m.User, m.Password)
	if err := u.Create("INBOX", nil); err != nil {
		tb.Fatal(err)
	}
	mem.AddUser(u)
	m.srv = imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return mem.NewSession(), nil, nil
		},
		Caps:        imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapIMAP4rev2: {}},
		TLSConfig:   &tls.Config{Certificates: []tls.Certificate{cert.TLS}},
		DebugWriter: m.wire,
		Logger:      discardLogger{},
	})
	ln, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{cert.TLS}})
	if err != nil {
		tb.Fatal(err)
	}
	m.Addr = ln.Addr().String()
	go m.srv.Serve(ln)
	tb.Cleanup(func() { m.srv.Close() })
	return m
}

// Admin opens a read-write connection for preparing and checking mailboxes.
func (m *MemServer) Admin(tb testing.TB) *Admin {
	return DialAdmin(tb, m.Addr, m.Cert.Pool(), m.User, m.Password)
}

// Wire returns everything exchanged so far, both directions mixed.
func (m *MemServer) Wire() string {
	return m.wire.String()
}

// ResetWire forgets what was recorded (e.g. the test's own set-up).
func (m *MemServer) ResetWire() {
	m.wire.Reset()
}

type wireLog struct {
	mu  sync.Mutex
	buf []byte
}

func (w *wireLog) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf = append(w.buf, p...)
	return len(p), nil
}

func (w *wireLog) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return string(w.buf)
}

func (w *wireLog) Reset() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf = nil
}

type discardLogger struct{}

func (discardLogger) Printf(string, ...any) {}
