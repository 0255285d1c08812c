package mailboxtest

import (
	"crypto/tls"
	"crypto/x509"
	"net"
	"slices"
	"testing"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// Admin is a read-write IMAP connection with which a test prepares and
// inspects mailboxes. Hygie's own code never gets one.
type Admin struct {
	*imapclient.Client
}

// DialAdmin logs in to addr over implicit TLS trusting pool.
func DialAdmin(tb testing.TB, addr string, pool *x509.CertPool, user, pass string) *Admin {
	tb.Helper()
	host, _, _ := net.SplitHostPort(addr)
	c, err := imapclient.DialTLS(addr, &imapclient.Options{TLSConfig: &tls.Config{RootCAs: pool, ServerName: host}})
	if err != nil {
		tb.Fatalf("admin dial %s: %v", addr, err)
	}
	if err := c.Login(user, pass).Wait(); err != nil {
		c.Close()
		tb.Fatalf("admin login: %v", err)
	}
	a := &Admin{c}
	tb.Cleanup(func() { a.Close() })
	return a
}

// Append stores msg in box with flags and returns its UID.
func (a *Admin) Append(tb testing.TB, box string, msg []byte, flags ...imap.Flag) imap.UID {
	tb.Helper()
	cmd := a.Client.Append(box, int64(len(msg)), &imap.AppendOptions{Flags: flags})
	if _, err := cmd.Write(msg); err != nil {
		tb.Fatalf("append to %s: %v", box, err)
	}
	if err := cmd.Close(); err != nil {
		tb.Fatalf("append to %s: %v", box, err)
	}
	data, err := cmd.Wait()
	if err != nil {
		tb.Fatalf("append to %s: %v", box, err)
	}
	return data.UID
}

// AppendAll stores msgs in box, sending each without waiting for the
// previous answer (pipelined), and waits for all at the end.
func (a *Admin) AppendAll(tb testing.TB, box string, msgs [][]byte) {
	tb.Helper()
	cmds := make([]*imapclient.AppendCommand, 0, len(msgs))
	for _, m := range msgs {
		cmd := a.Client.Append(box, int64(len(m)), nil)
		if _, err := cmd.Write(m); err != nil {
			tb.Fatalf("append to %s: %v", box, err)
		}
		if err := cmd.Close(); err != nil {
			tb.Fatalf("append to %s: %v", box, err)
		}
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if _, err := cmd.Wait(); err != nil {
			tb.Fatalf("append to %s: %v", box, err)
		}
	}
}

// Create makes a new mailbox.
func (a *Admin) Create(tb testing.TB, box string) {
	tb.Helper()
	if err := a.Client.Create(box, nil).Wait(); err != nil {
		tb.Fatalf("create %s: %v", box, err)
	}
}

// Delete removes a mailbox and its messages.
func (a *Admin) Delete(tb testing.TB, box string) {
	tb.Helper()
	if err := a.Client.Delete(box).Wait(); err != nil {
		tb.Fatalf("delete %s: %v", box, err)
	}
}

// Expunge removes the messages with uids from box (as another mail client
// deleting them would).
func (a *Admin) Expunge(tb testing.TB, box string, uids ...imap.UID) {
	tb.Helper()
	if _, err := a.Client.Select(box, nil).Wait(); err != nil {
		tb.Fatalf("select %s: %v", box, err)
	}
	var set imap.UIDSet
	set.AddNum(uids...)
	store := &imap.StoreFlags{Op: imap.StoreFlagsAdd, Silent: true, Flags: []imap.Flag{imap.FlagDeleted}}
	if err := a.Client.Store(set, store, nil).Close(); err != nil {
		tb.Fatalf("flag deleted in %s: %v", box, err)
	}
	if err := a.Client.UIDExpunge(set).Close(); err != nil {
		tb.Fatalf("expunge %s: %v", box, err)
	}
	if err := a.Client.Unselect().Wait(); err != nil {
		tb.Fatalf("unselect %s: %v", box, err)
	}
}

// Flags returns every message's flags in box, sorted, read with EXAMINE so
// that looking changes nothing.
func (a *Admin) Flags(tb testing.TB, box string) map[imap.UID][]imap.Flag {
	tb.Helper()
	sel, err := a.Client.Select(box, &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		tb.Fatalf("examine %s: %v", box, err)
	}
	out := map[imap.UID][]imap.Flag{}
	if sel.NumMessages > 0 {
		var all imap.SeqSet
		all.AddRange(1, 0)
		msgs, err := a.Client.Fetch(all, &imap.FetchOptions{UID: true, Flags: true}).Collect()
		if err != nil {
			tb.Fatalf("fetch flags of %s: %v", box, err)
		}
		for _, m := range msgs {
			fl := append([]imap.Flag{}, m.Flags...)
			slices.Sort(fl)
			out[m.UID] = fl
		}
	}
	if err := a.Client.Unselect().Wait(); err != nil {
		tb.Fatalf("unselect %s: %v", box, err)
	}
	return out
}

// UIDValidity returns box's UIDVALIDITY.
func (a *Admin) UIDValidity(tb testing.TB, box string) uint32 {
	tb.Helper()
	st, err := a.Client.Status(box, &imap.StatusOptions{UIDValidity: true}).Wait()
	if err != nil {
		tb.Fatalf("status %s: %v", box, err)
	}
	return st.UIDValidity
}
