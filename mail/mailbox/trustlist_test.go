package mailbox

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"testing"
	"time"

	"hygie/mail"
	"hygie/mail/mailbox/mailboxtest"
)

func sampleTrustList(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("../testdata/trustlist.xml")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestTrustListSavedAndKept(t *testing.T) {
	st, _ := newStore(t)
	if list, at, err := st.TrustList(); err != nil || list != nil || !at.IsZero() {
		t.Fatalf("TrustList before any refresh = %v, %v, %v; want none", list, at, err)
	}
	when := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	if _, err := st.SaveTrustList(sampleTrustList(t), when); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<html>maintenance</html>", "<ListeBlancheMSSante></ListeBlancheMSSante>", "<ListeBlancheMSSante><Domaine>"} {
		if _, err := st.SaveTrustList([]byte(bad), when.Add(time.Hour)); err == nil {
			t.Errorf("SaveTrustList(%q) accepted", bad)
		}
	}
	list, at, err := st.TrustList()
	if err != nil || list.Len() == 0 || !at.Equal(when) {
		t.Fatalf("TrustList = %d domains, %v, %v; want the sample saved at %v", list.Len(), at, err, when)
	}
	if _, ok := list.Lookup("chu-rivages.mssante.fr"); !ok {
		t.Error("saved list lost chu-rivages.mssante.fr")
	}
}

func TestRefreshTrustList(t *testing.T) {
	xml := sampleTrustList(t)
	status := http.StatusOK
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(status)
		w.Write(xml)
	}))
	defer srv.Close()
	st, _ := newStore(t)
	if list, err := st.RefreshTrustList(context.Background(), srv.Client(), srv.URL); err != nil || list.Len() == 0 {
		t.Fatalf("RefreshTrustList = %v, %v", list, err)
	}
	status, xml = http.StatusServiceUnavailable, []byte("indisponible")
	if _, err := st.RefreshTrustList(context.Background(), srv.Client(), srv.URL); err == nil {
		t.Error("a 503 was accepted as a list")
	}
	if list, _, err := st.TrustList(); err != nil || list.Len() == 0 {
		t.Errorf("after a failed refresh: %v, %v; want the previous list kept", list, err)
	}
}

// TestDownloadTrustList fetches the list from a loopback server: the
// download is opt-in and never reaches the Internet in tests.
func TestDownloadTrustList(t *testing.T) {
	raw := sampleTrustList(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/listeblanchemssante.xml" {
			http.NotFound(w, r)
			return
		}
		w.Write(raw)
	}))
	defer srv.Close()
	data, err := downloadTrustList(context.Background(), srv.Client(), srv.URL+"/listeblanchemssante.xml")
	if err != nil || !bytes.Equal(data, raw) {
		t.Fatalf("downloadTrustList = %d bytes, %v; want the %d bytes served", len(data), err, len(raw))
	}
	if _, err := downloadTrustList(context.Background(), srv.Client(), srv.URL+"/absent.xml"); err == nil {
		t.Error("downloadTrustList(404) succeeded, want an error")
	}
}

// TestScanUsesSavedTrustList: once a list is saved, an mssante.fr domain
// missing from it is no longer taken for the trust space.
func TestScanUsesSavedTrustList(t *testing.T) {
	listed := mailboxtest.Message(1, "Dr Roux <dr.roux@chu-rivages.mssante.fr>", "Compte rendu", "Bonjour,\nci-joint le compte rendu.")
	unlisted := mailboxtest.Message(2, "Secrétariat <secretariat@clinique-inconnue.mssante.fr>", "Compte rendu", "Bonjour,\nci-joint le compte rendu.")
	plain := mail.NewAnalyzer(mail.Options{})
	if r, _ := plain.Analyze(bytes.NewReader(unlisted)); r.Channel != mail.ChannelMSSante {
		t.Fatalf("without a list the unlisted domain is %s: the test cannot tell the list was used", r.Channel)
	}
	srv := mailboxtest.StartMemServer(t)
	srv.Admin(t).AppendAll(t, "INBOX", [][]byte{listed, unlisted})
	st, _ := newStore(t)
	if _, err := st.SaveTrustList(sampleTrustList(t), time.Now()); err != nil {
		t.Fatal(err)
	}
	sc := newScanner(st, Options{RootCAs: srv.Cert.Pool()})
	_, got, err := scanAll(t, sc, accountFor(srv.Addr, srv.User), srv.Password)
	if err != nil || len(got) != 2 {
		t.Fatalf("Scan = %d messages, %v", len(got), err)
	}
	slices.SortFunc(got, func(a, b Message) int { return int(a.UID) - int(b.UID) })
	if got[0].Report.Channel != mail.ChannelMSSante {
		t.Errorf("listed sender: channel %s, want mssante", got[0].Report.Channel)
	}
	ids := []string{}
	for _, f := range got[1].Report.Findings {
		ids = append(ids, f.ID)
	}
	if got[1].Report.Channel == mail.ChannelMSSante || !slices.Contains(ids, "mssante_unlisted") {
		t.Errorf("unlisted sender: channel %s, findings %v; want not mssante and mssante_unlisted", got[1].Report.Channel, ids)
	}
}
