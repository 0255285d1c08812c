package mailbox

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/emersion/go-imap/v2"

	"hygie/mail"
	"hygie/mail/mailbox/mailboxtest"
)

// judgeAsOldEngine rewrites the cached verdict of uid in box as an older
// engine would have left it: another version, and another verdict in the
// columns and in the report's JSON.
func judgeAsOldEngine(t *testing.T, st *Store, box string, uid uint32, v mail.Verdict) {
	t.Helper()
	res, err := st.db.Exec(`UPDATE mailbox_messages SET engine = '0-oldengine', verdict = ?,
		report = json_set(report, '$.verdict', ?) WHERE account = 'cabinet' AND mailbox = ? AND uid = ?`,
		string(v), string(v), box, uid)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		t.Fatalf("rewrite uid %d as an old verdict: %d rows", uid, n)
	}
}

// enginesOf counts the cached messages of box by engine version.
func enginesOf(t *testing.T, st *Store, box string) map[string]int {
	t.Helper()
	rows, err := st.db.Query(`SELECT engine, COUNT(*) FROM mailbox_messages WHERE mailbox = ? GROUP BY engine`, box)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var e string
		var n int
		rows.Scan(&e, &n)
		out[e] = n
	}
	return out
}

// TestRescanRechecksOlderEngine: after an update of the engine, the next
// scan judges again the messages an older engine judged, newest first,
// read-only (no flag changes, \Seen included), and only those.
func TestRescanRechecksOlderEngine(t *testing.T) {
	d := sharedDovecot(t)
	a := d.Admin(t)
	box := newBox(t, a)
	for _, raw := range verdictMessages { // unread, so a fetch without PEEK would show
		a.Append(t, box, raw)
	}
	a.Append(t, box, verdictMessages[0], imap.FlagSeen, imap.FlagFlagged)
	sc, st, _ := dovecotScanner(t, d, Options{BatchSize: 1}) // one message a batch: the order shows
	acct := accountFor(d.IMAPS, d.User, box)
	if sum, _, err := scanAll(t, sc, acct, d.Password); err != nil || sum.New != 4 || sum.Rechecked != 0 {
		t.Fatalf("first scan = %+v, %v; want 4 new, none re-checked", sum, err)
	}
	fresh, _ := st.Messages("cabinet")
	want := map[uint32]mail.Verdict{}
	for _, m := range fresh {
		want[m.UID] = m.Report.Verdict
		if m.Engine != mail.EngineVersion() {
			t.Errorf("uid %d stored with engine %q, want %q", m.UID, m.Engine, mail.EngineVersion())
		}
	}
	if want[3] != mail.Safe || !IsFlagged(want[2]) {
		t.Fatalf("verdicts %v: want uid 3 safe and uid 2 flagged for this test to mean something", want)
	}
	judgeAsOldEngine(t, st, box, 2, mail.Safe)
	judgeAsOldEngine(t, st, box, 3, mail.Suspicious)
	before := a.Flags(t, box)

	var rechecked []uint32
	var last Progress
	sum, err := sc.Scan(context.Background(), acct, d.Password, Hooks{
		Message:  func(m Message) { t.Errorf("uid %d reported as new", m.UID) },
		Recheck:  func(m Message) { rechecked = append(rechecked, m.UID) },
		Progress: func(p Progress) { last = p },
	})
	if err != nil || sum.New != 0 || sum.Rechecked != 2 || sum.Scanned != 4 {
		t.Fatalf("rescan = %+v, %v; want nothing new and 2 re-checked of 4", sum, err)
	}
	if !slices.Equal(rechecked, []uint32{3, 2}) {
		t.Errorf("re-checked uids %v, want [3 2] (batches newest first, only the old engine's)", rechecked)
	}
	if want := (Progress{Mailbox: box, Done: 2, Total: 2, Rechecks: 2, Rechecking: true}); last != want {
		t.Errorf("last progress = %+v, want %+v", last, want)
	}
	cached, _ := st.Messages("cabinet")
	for _, m := range cached {
		if m.Report.Verdict != want[m.UID] || m.Engine != mail.EngineVersion() {
			t.Errorf("uid %d after the rescan: verdict %s, engine %q; want %s by %q",
				m.UID, m.Report.Verdict, m.Engine, want[m.UID], mail.EngineVersion())
		}
	}
	if sum.Flagged != countFlaggedIn(want) {
		t.Errorf("Summary.Flagged = %d, want %d", sum.Flagged, countFlaggedIn(want))
	}
	if after := a.Flags(t, box); !reflect.DeepEqual(before, after) {
		t.Errorf("flags changed by the re-check:\nbefore %v\nafter  %v", before, after)
	}
	if slices.Contains(before[2], imap.FlagSeen) || slices.Contains(before[3], imap.FlagSeen) {
		t.Fatal("uids 2 and 3 were read before the re-check: the \\Seen check proves nothing")
	}
	if sum, _, err := scanAll(t, sc, acct, d.Password); err != nil || sum.New != 0 || sum.Rechecked != 0 {
		t.Errorf("third scan = %+v, %v; want nothing left to do", sum, err)
	}
}

func countFlaggedIn(verdicts map[uint32]mail.Verdict) int {
	n := 0
	for _, v := range verdicts {
		if IsFlagged(v) {
			n++
		}
	}
	return n
}

// TestRecheckCancelledResumes: a re-check stopped by the user keeps what
// it re-judged, and the next scan re-checks only the rest. Rows with no
// engine version (cached before migration 5) count as old.
func TestRecheckCancelledResumes(t *testing.T) {
	d := sharedDovecot(t)
	a := d.Admin(t)
	box := newBox(t, a)
	a.AppendAll(t, box, mailboxtest.Messages(20, 2000))
	a.AppendAll(t, box, mailboxtest.Messages(3, 1000)) // arrive with the update
	sc, st, _ := dovecotScanner(t, d, Options{BatchSize: 5})
	acct := accountFor(d.IMAPS, d.User, box)
	if _, _, err := scanAll(t, sc, acct, d.Password); err != nil {
		t.Fatal(err)
	}
	// As after migration 5, with the last three not yet fetched.
	if _, err := st.db.Exec(`UPDATE mailbox_messages SET engine = '' WHERE mailbox = ?`, box); err != nil {
		t.Fatal(err)
	}
	if _, err := st.db.Exec(`DELETE FROM mailbox_messages WHERE mailbox = ? AND uid > 20`, box); err != nil {
		t.Fatal(err)
	}
	if _, err := st.db.Exec(`UPDATE mailbox_state SET last_uid = 20 WHERE mailbox = ?`, box); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var fresh, rechecked int
	var first Progress
	sum, err := sc.Scan(ctx, acct, d.Password, Hooks{
		Progress: func(p Progress) {
			if first.Total == 0 {
				first = p
			}
		},
		Message: func(Message) { fresh++ },
		Recheck: func(Message) {
			if rechecked++; rechecked == 5 {
				cancel() // the user presses « Annuler » once the first batch is in
			}
		},
	})
	if !errors.Is(err, context.Canceled) || sum.New != 3 || sum.Rechecked != 5 || fresh != 3 {
		t.Fatalf("cancelled scan = %+v (%d new reported), %v; want 3 new, 5 re-checked, cancelled", sum, fresh, err)
	}
	if first.Total != 23 || first.Rechecks != 20 {
		t.Errorf("first progress = %+v, want a total of 23 of which 20 re-checks", first)
	}
	if got := enginesOf(t, st, box); got[mail.EngineVersion()] != 8 || got[""] != 15 {
		t.Errorf("engines after the cancel = %v, want 8 current and 15 old", got)
	}
	sum, _, err = scanAll(t, sc, acct, d.Password)
	if err != nil || sum.New != 0 || sum.Rechecked != 15 {
		t.Fatalf("next scan = %+v, %v; want the 15 left re-checked", sum, err)
	}
	if n := checkConsistent(t, st, box); n != 23 {
		t.Errorf("after the re-check the cache holds %d, want 23", n)
	}
	if got := enginesOf(t, st, box); got[mail.EngineVersion()] != 23 {
		t.Errorf("engines at the end = %v, want all 23 current", got)
	}
}
