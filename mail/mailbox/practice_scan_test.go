package mailbox

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hygie/mail"
	"hygie/mail/mailbox/mailboxtest"
	"hygie/practice"
)

// TestScanKnowsThePractice: the people the practitioner listed (package
// practice, same database) are known to the scan from the first one, and a
// phishing message the secretary forwarded is judged on what it forwards,
// with the report saying it was forwarded.
func TestScanKnowsThePractice(t *testing.T) {
	st, _ := newStore(t)
	pr, err := practice.Open(st.db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pr.AddPerson(practice.Person{Name: "Hélène Garcia", Role: practice.RoleAssociate, Addresses: []string{"helene.garcia@cabinet-martin.fr"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := pr.AddPerson(practice.Person{Name: "Julie Petit", Role: practice.RoleSecretary, Addresses: []string{"secretariat@cabinet-martin.fr"}}); err != nil {
		t.Fatal(err)
	}
	opts, err := st.AnalyzerOptions(mail.Options{}, "cabinet")
	if err != nil || len(opts.KnownPeople) != 2 {
		t.Fatalf("AnalyzerOptions = %+v, %v; want the two people", opts.KnownPeople, err)
	}
	read := func(p string) []byte {
		b, err := os.ReadFile(filepath.Join("..", "testdata", p))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	srv := mailboxtest.StartMemServer(t)
	a := srv.Admin(t)
	a.AppendAll(t, "INBOX", [][]byte{
		read("messages/phish/bec-associe-virement-gmail.eml"),
		read("forward/transfert-piece-jointe.eml"),
	})
	a.Logout().Wait()
	sc := newScanner(st, Options{RootCAs: srv.Cert.Pool()})
	_, got, err := scanAll(t, sc, accountFor(srv.Addr, srv.User), srv.Password)
	if err != nil || len(got) != 2 {
		t.Fatalf("scan = %d messages, %v", len(got), err)
	}
	for _, m := range got {
		r := m.Report
		switch {
		case strings.Contains(r.From, "helene.garcia"):
			if r.Verdict != mail.Dangerous || !hasFindingID(r, "payment_request_known_name") {
				t.Errorf("false associate: %s %v", r.Verdict, r.Findings)
			}
		default:
			if r.Forward == nil || r.Forward.By.Addr != "secretariat@cabinet-martin.fr" || !IsFlagged(r.Verdict) {
				t.Errorf("forward from the secretary: verdict %s, forward %+v; want the original judged", r.Verdict, r.Forward)
			}
		}
	}
}

func hasFindingID(r mail.Report, id string) bool {
	for _, f := range r.Findings {
		if f.ID == id {
			return true
		}
	}
	return false
}
