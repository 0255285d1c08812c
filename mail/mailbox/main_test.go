package mailbox

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"testing"

	"hygie/mail/mailbox/mailboxtest"
)

// One Dovecot serves every test of the package (it takes a second to start
// and three to stop); each test works in mailboxes of its own.
var (
	dovecotOnce sync.Once
	dovecot     *mailboxtest.Dovecot
	dovecotErr  error
	boxSeq      atomic.Int32
)

func sharedDovecot(t testing.TB) *mailboxtest.Dovecot {
	t.Helper()
	dovecotOnce.Do(func() { dovecot, dovecotErr = mailboxtest.NewDovecot() })
	if dovecotErr != nil {
		t.Fatal(dovecotErr)
	}
	return dovecot
}

// newBox creates a mailbox no other test uses.
func newBox(t testing.TB, a *mailboxtest.Admin) string {
	t.Helper()
	box := fmt.Sprintf("T%d", boxSeq.Add(1))
	a.Create(t, box)
	return box
}

func TestMain(m *testing.M) {
	code := m.Run()
	if dovecot != nil {
		dovecot.Stop()
	}
	stopOAuthDovecot()
	os.Exit(code)
}
