package mailbox

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"hygie/mail"
	"hygie/mail/mailbox/mailboxtest"
)

// flagCases gives each message a different set of flags to keep.
var flagCases = [][]imap.Flag{
	nil,
	{imap.FlagSeen},
	{imap.FlagFlagged},
	{imap.FlagAnswered, imap.FlagSeen},
	{imap.FlagDraft},
	{"$Label1"},
	{imap.FlagSeen, imap.FlagFlagged, "$Forwarded"},
	nil,
}

func TestScanLeavesFlagsUntouched(t *testing.T) {
	d := sharedDovecot(t)
	a := d.Admin(t)
	box := newBox(t, a)
	for i, fl := range flagCases {
		a.Append(t, box, mailboxtest.Messages(len(flagCases), 3000)[i], fl...)
	}
	before := a.Flags(t, box)
	sc, _, _ := dovecotScanner(t, d, Options{BatchSize: 3})
	sum, _, err := scanAll(t, sc, accountFor(d.IMAPS, d.User, box), d.Password)
	if err != nil || sum.New != len(flagCases) {
		t.Fatalf("Scan = %+v, %v; want %d new", sum, err, len(flagCases))
	}
	if after := a.Flags(t, box); !reflect.DeepEqual(before, after) {
		t.Errorf("flags changed by the scan:\nbefore %v\nafter  %v", before, after)
	}
	unseen := 0
	for _, fl := range before {
		if !slices.Contains(fl, imap.FlagSeen) {
			unseen++
		}
	}
	if unseen == 0 {
		t.Fatal("no unread message: the \\Seen check would prove nothing")
	}
	// Control: a non-peek fetch after a read-write SELECT does set \Seen
	// on this server, so the comparison above can fail.
	if _, err := a.Select(box, nil).Wait(); err != nil {
		t.Fatal(err)
	}
	var first imap.SeqSet
	first.AddNum(1)
	if _, err := a.Fetch(first, &imap.FetchOptions{BodySection: []*imap.FetchItemBodySection{{}}}).Collect(); err != nil {
		t.Fatal(err)
	}
	a.Unselect().Wait()
	if reflect.DeepEqual(before, a.Flags(t, box)) {
		t.Error("control failed: a plain BODY[] fetch did not set \\Seen, the test cannot see changes")
	}
}

// verdictMessages mix ordinary mail and obvious phishing.
var verdictMessages = [][]byte{
	mailboxtest.Message(1, "Dr Martin <martin@cabinet-martin.fr>", "Compte rendu de la réunion",
		"Bonjour,\nvoici le compte rendu de notre réunion de mardi.\nBien à vous"),
	mailboxtest.Message(2, "\"Assurance Maladie\" <remboursement.ameli@gmail.com>",
		"URGENT : remboursement en attente, mettez à jour votre carte Vitale",
		"Votre remboursement de 245,90 EUR est suspendu.\nMettez à jour vos informations sous 24h : http://185.23.14.9/ameli/login.php\nSans action votre compte sera suspendu."),
	mailboxtest.Message(3, "Newsletter <news@kine-actu.fr>", "Les nouveautés du mois",
		"Retrouvez nos articles du mois sur la rééducation."),
}

func TestScanStoresVerdicts(t *testing.T) {
	d := sharedDovecot(t)
	a := d.Admin(t)
	box := newBox(t, a)
	a.AppendAll(t, box, verdictMessages)
	sc, st, _ := dovecotScanner(t, d, Options{})
	sum, got, err := scanAll(t, sc, accountFor(d.IMAPS, d.User, box), d.Password)
	if err != nil || len(got) != len(verdictMessages) {
		t.Fatalf("Scan = %+v, %d messages, %v", sum, len(got), err)
	}
	cached, err := st.Messages("cabinet")
	if err != nil || len(cached) != len(verdictMessages) {
		t.Fatalf("Messages = %d, %v", len(cached), err)
	}
	an := mail.NewAnalyzer(mail.Options{Lang: "fr"})
	wantFlagged := 0
	for i, raw := range verdictMessages {
		want, aerr := an.Analyze(bytes.NewReader(raw))
		m := findUID(cached, uint32(i+1))
		if m == nil {
			t.Fatalf("uid %d not cached", i+1)
		}
		if aerr != nil {
			// Engine not able to judge: only check the error is recorded.
			if m.AnalysisError == "" {
				t.Errorf("uid %d: analysis failed (%v) but no error stored", i+1, aerr)
			}
			continue
		}
		if IsFlagged(want.Verdict) {
			wantFlagged++
		}
		if m.Report.Verdict != want.Verdict || m.Report.Score != want.Score || m.Report.Channel != want.Channel ||
			!sameFindings(m.Report.Findings, want.Findings) || m.Report.Subject != want.Subject {
			t.Errorf("uid %d stored %+v\nwant %+v", i+1, m.Report, want)
		}
	}
	if sum.Flagged != wantFlagged {
		t.Errorf("Summary.Flagged = %d, want %d", sum.Flagged, wantFlagged)
	}
	if rec, ok, err := st.LastScan(); err != nil || !ok || rec.Flagged != wantFlagged || rec.New != len(verdictMessages) {
		t.Errorf("LastScan = %+v, %v, %v", rec, ok, err)
	}
}

func findUID(msgs []Message, uid uint32) *Message {
	for i := range msgs {
		if msgs[i].UID == uid {
			return &msgs[i]
		}
	}
	return nil
}

func sameFindings(a, b []mail.Finding) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].ID != b[i].ID || a[i].Weight != b[i].Weight || a[i].Title != b[i].Title || a[i].Evidence != b[i].Evidence {
			return false
		}
	}
	return true
}

func uidsOf(msgs []Message) []uint32 {
	var out []uint32
	for _, m := range msgs {
		out = append(out, m.UID)
	}
	slices.Sort(out)
	return out
}

func TestIncrementalRescan(t *testing.T) {
	d := sharedDovecot(t)
	a := d.Admin(t)
	box := newBox(t, a)
	msgs := mailboxtest.Messages(13, 1500)
	a.AppendAll(t, box, msgs[:10])
	sc, st, _ := dovecotScanner(t, d, Options{BatchSize: 4})
	acct := accountFor(d.IMAPS, d.User, box)
	if sum, got, err := scanAll(t, sc, acct, d.Password); err != nil || sum.New != 10 || len(got) != 10 {
		t.Fatalf("first scan = %+v, %d, %v; want 10 new", sum, len(got), err)
	}
	sum, got, err := scanAll(t, sc, acct, d.Password)
	if err != nil || sum.New != 0 || len(got) != 0 || sum.Scanned != 10 {
		t.Fatalf("rescan = %+v, %d, %v; want nothing new of 10", sum, len(got), err)
	}
	a.AppendAll(t, box, msgs[10:])
	sum, got, err = scanAll(t, sc, acct, d.Password)
	if err != nil || sum.New != 3 || !slices.Equal(uidsOf(got), []uint32{11, 12, 13}) {
		t.Fatalf("scan after 3 arrivals = %+v, uids %v, %v; want uids 11–13", sum, uidsOf(got), err)
	}
	a.Expunge(t, box, 2, 12)
	sum, got, err = scanAll(t, sc, acct, d.Password)
	if err != nil || sum.New != 0 || sum.Scanned != 11 {
		t.Fatalf("scan after 2 deletions = %+v, %d new, %v; want 11 on server, none new", sum, len(got), err)
	}
	cached, _ := st.Messages("cabinet")
	if u := uidsOf(cached); len(u) != 11 || slices.Contains(u, 2) || slices.Contains(u, 12) {
		t.Errorf("cache after deletions = %v; want 11 uids without 2 and 12", u)
	}
}

func TestUIDValidityChange(t *testing.T) {
	d := sharedDovecot(t)
	a := d.Admin(t)
	box := newBox(t, a)
	a.AppendAll(t, box, mailboxtest.Messages(4, 1000))
	sc, st, _ := dovecotScanner(t, d, Options{})
	acct := accountFor(d.IMAPS, d.User, box)
	if _, _, err := scanAll(t, sc, acct, d.Password); err != nil {
		t.Fatal(err)
	}
	oldValidity := a.UIDValidity(t, box)
	a.Delete(t, box)
	a.Create(t, box)
	a.AppendAll(t, box, [][]byte{verdictMessages[0], verdictMessages[2]})
	newValidity := a.UIDValidity(t, box)
	if newValidity == oldValidity {
		t.Fatalf("recreating %s kept UIDVALIDITY %d: the test proves nothing", box, oldValidity)
	}
	sum, got, err := scanAll(t, sc, acct, d.Password)
	if err != nil || sum.New != 2 || len(got) != 2 {
		t.Fatalf("scan after UIDVALIDITY change = %+v, %d, %v; want the 2 messages rescanned", sum, len(got), err)
	}
	cached, _ := st.Messages("cabinet")
	if len(cached) != 2 {
		t.Fatalf("cache holds %d messages, want 2", len(cached))
	}
	for _, m := range cached {
		if m.UIDValidity != newValidity {
			t.Errorf("cached uid %d has UIDVALIDITY %d, want %d", m.UID, m.UIDValidity, newValidity)
		}
	}
	var n int
	st.db.QueryRow(`SELECT COUNT(*) FROM mailbox_messages WHERE uidvalidity = ?`, oldValidity).Scan(&n)
	if n != 0 {
		t.Errorf("%d rows of the old UIDVALIDITY left in the cache", n)
	}
}

// checkConsistent asserts that the cache holds exactly the UIDs 1..last_uid
// of box (whole batches) and returns how many.
func checkConsistent(t *testing.T, st *Store, box string) int {
	t.Helper()
	state, _, err := st.state("cabinet", box)
	if err != nil {
		t.Fatal(err)
	}
	uids, _ := st.cachedUIDs("cabinet", box, state.uidValidity)
	slices.Sort(uids)
	for i, u := range uids {
		if u != uint32(i+1) {
			t.Fatalf("cache uids %v are not 1..%d", uids, len(uids))
		}
	}
	if uint32(len(uids)) != state.lastUID {
		t.Fatalf("cache holds %d messages but last_uid is %d", len(uids), state.lastUID)
	}
	return len(uids)
}

// faultCases cut or stall the link once the server has sent 40 kB, in the
// middle of fetching 30 messages of 3 kB.
var faultCases = []struct {
	name  string
	fault mailboxtest.Fault
	want  error
}{
	{"dropped", mailboxtest.Fault{AfterBytes: 40_000}, ErrDropped},
	{"stalled", mailboxtest.Fault{AfterBytes: 40_000, Stall: true}, ErrTimeout},
}

func TestFaultMidScanKeepsCacheAndResumes(t *testing.T) {
	d := sharedDovecot(t)
	for _, c := range faultCases {
		t.Run(c.name, func(t *testing.T) {
			a := d.Admin(t)
			box := newBox(t, a)
			a.AppendAll(t, box, mailboxtest.Messages(30, 3000))
			proxy := mailboxtest.StartProxy(t, d.IMAPS, c.fault)
			sc, st, _ := dovecotScanner(t, d, Options{BatchSize: 5, Timeout: 700 * time.Millisecond})
			sum, _, err := scanAll(t, sc, accountFor(proxy.Addr, d.User, box), d.Password)
			if !errors.Is(err, c.want) {
				t.Fatalf("Scan through faulty link = %+v, %v; want %v", sum, err, c.want)
			}
			if proxy.Faults.Load() == 0 {
				t.Fatal("the fault never fired")
			}
			done := checkConsistent(t, st, box)
			if done == 0 || done == 30 || done%5 != 0 || done != sum.New {
				t.Fatalf("after the fault the cache holds %d (summary %d); want whole batches, some but not all", done, sum.New)
			}
			sum, _, err = scanAll(t, sc, accountFor(d.IMAPS, d.User, box), d.Password)
			if err != nil || sum.New != 30-done {
				t.Fatalf("resumed scan = %+v, %v; want %d new", sum, err, 30-done)
			}
			if n := checkConsistent(t, st, box); n != 30 {
				t.Errorf("after resuming the cache holds %d, want 30", n)
			}
		})
	}
}

func TestCancelKeepsCacheAndResumes(t *testing.T) {
	d := sharedDovecot(t)
	a := d.Admin(t)
	box := newBox(t, a)
	a.AppendAll(t, box, mailboxtest.Messages(20, 2000))
	sc, st, _ := dovecotScanner(t, d, Options{BatchSize: 5})
	acct := accountFor(d.IMAPS, d.User, box)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	seen := 0
	_, err := sc.Scan(ctx, acct, d.Password, Hooks{Message: func(Message) {
		if seen++; seen == 5 {
			cancel() // the user presses "Annuler" once the first batch is in
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled Scan = %v, want context.Canceled", err)
	}
	if n := checkConsistent(t, st, box); n != 5 {
		t.Fatalf("after cancel the cache holds %d, want the first batch of 5", n)
	}
	sum, _, err := scanAll(t, sc, acct, d.Password)
	if err != nil || sum.New != 15 {
		t.Fatalf("next scan = %+v, %v; want the 15 left", sum, err)
	}
}

// A colleague who wrote twice becomes a known contact: in a later scan, her
// name on a webmail address is flagged, with her usual address shown.
func TestScanLearnsContacts(t *testing.T) {
	d := sharedDovecot(t)
	a := d.Admin(t)
	box := newBox(t, a)
	colleague := `"Hélène Dupré" <helene.dupre@cabinet-dupre.fr>`
	a.AppendAll(t, box, [][]byte{
		mailboxtest.Message(1, colleague, "Patiente commune", "Bonjour,\nje vous adresse Mme R. pour sa rééducation du genou.\nBien à vous"),
		mailboxtest.Message(2, colleague, "Réunion", "Bonjour,\nla réunion du réseau est déplacée à jeudi.\nBien à vous"),
	})
	sc, st, _ := dovecotScanner(t, d, Options{})
	acct := accountFor(d.IMAPS, d.User, box)
	_, first, err := scanAll(t, sc, acct, d.Password)
	if err != nil || len(first) != 2 {
		t.Fatalf("first scan = %d messages, %v", len(first), err)
	}
	for _, m := range first {
		if m.Report.Verdict != mail.Safe {
			t.Fatalf("the colleague's message %q is %s: %+v", m.Report.Subject, m.Report.Verdict, m.Report.Findings)
		}
	}
	a.AppendAll(t, box, [][]byte{mailboxtest.Message(3, `"Hélène Dupré" <helene.dupre.cabinet@gmail.com>`,
		"Petit service", "Bonjour,\nêtes-vous disponible ? J'ai besoin d'un petit service.\nHélène")})
	_, second, err := scanAll(t, sc, acct, d.Password)
	if err != nil || len(second) != 1 {
		t.Fatalf("second scan = %d messages, %v", len(second), err)
	}
	f, ok := findingOf(second[0].Report, "display_name_contact")
	if !ok || !strings.Contains(f.Evidence, "helene.dupre@cabinet-dupre.fr") {
		t.Errorf("the false colleague: %+v", second[0].Report.Findings)
	}
	for addr, want := range map[string]int{
		"helene.dupre@cabinet-dupre.fr":  2,
		"Helene.Dupre@Cabinet-Dupre.fr":  2, // any case
		"helene.dupre.cabinet@gmail.com": 1,
		"helene_dupre@cabinet-dupre.fr":  0, // "_" is no wildcard
		"%@cabinet-dupre.fr":             0,
		"":                               0,
	} {
		if n, err := st.SenderCount(acct.Name, addr); err != nil || n != want {
			t.Errorf("SenderCount(%q) = %d, %v; want %d", addr, n, err, want)
		}
	}
}

func findingOf(r mail.Report, id string) (mail.Finding, bool) {
	for _, f := range r.Findings {
		if f.ID == id {
			return f, true
		}
	}
	return mail.Finding{}, false
}
