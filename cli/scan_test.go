package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"hygie/mail/mailbox"
	"hygie/mail/mailbox/mailboxtest"
	"hygie/store"
)

var scanUsageCases = []struct {
	name string
	args []string
	err  string
}{
	{"nothing", nil, "--account NOM"},
	{"host without user", []string{"--host", "h", "--password-stdin"}, "--host et --user"},
	{"no password-stdin", []string{"--host", "h", "--user", "u"}, "--password-stdin"},
	{"account and host", []string{"--account", "a", "--host", "h"}, "ne se combine pas"},
	{"starttls and plaintext", []string{"--host", "h", "--user", "u", "--password-stdin", "--starttls", "--plaintext"}, "s'excluent"},
	{"bad port", []string{"--host", "h", "--user", "u", "--password-stdin", "--port", "70000"}, "port valide"},
	{"bad lang", []string{"--account", "a", "--lang", "de"}, "--lang"},
	{"unknown flag", []string{"--frob"}, "option inconnue"},
	{"stray argument", []string{"--account", "a", "INBOX"}, "argument inattendu"},
	{"bad timeout", []string{"--account", "a", "--timeout", "0s"}, "--timeout"},
}

func TestScanUsageErrors(t *testing.T) {
	for _, c := range scanUsageCases {
		var out, errb bytes.Buffer
		code := Run(append([]string{"scan"}, c.args...), &out, &errb)
		if code != 2 || out.Len() > 0 || !strings.Contains(errb.String(), c.err) || !strings.Contains(errb.String(), "Usage") {
			t.Errorf("scan %s: code %d, stdout %q, stderr %q; want 2 and usage mentioning %q", c.name, code, out.String(), errb.String(), c.err)
		}
	}
	var out, errb bytes.Buffer
	if code := Run([]string{"scan", "--help"}, &out, &errb); code != 0 || !strings.Contains(out.String(), "--password-stdin") {
		t.Errorf("scan --help = %d, %q", code, out.String())
	}
}

// scanEnv points HYGIE_HOME to a fresh folder and returns a runner that
// feeds pw on standard input.
func scanEnv(t *testing.T) (home string, run func(pw string, args ...string) (int, string, string)) {
	t.Helper()
	home = t.TempDir()
	t.Setenv("HYGIE_HOME", home)
	old := stdin
	t.Cleanup(func() { stdin = old })
	return home, func(pw string, args ...string) (int, string, string) {
		stdin = strings.NewReader(pw + "\n")
		var out, errb bytes.Buffer
		code := Run(append([]string{"scan"}, args...), &out, &errb)
		return code, out.String(), errb.String()
	}
}

func writeCA(t *testing.T, c mailboxtest.Cert) string {
	p := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(p, c.CertPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func hostPort(addr string) (string, string) {
	i := strings.LastIndex(addr, ":")
	return addr[:i], addr[i+1:]
}

// jsonLines decodes each stdout line into a map.
func jsonLines(t *testing.T, out string) []map[string]any {
	t.Helper()
	var lines []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line %q is not JSON: %v", l, err)
		}
		lines = append(lines, m)
	}
	return lines
}

func keys(m map[string]any) []string {
	var k []string
	for key := range m {
		k = append(k, key)
	}
	sort.Strings(k)
	return k
}

func TestScanJSONAndIncremental(t *testing.T) {
	_, run := scanEnv(t)
	srv := mailboxtest.StartMemServer(t)
	srv.Admin(t).AppendAll(t, "INBOX", mailboxtest.Messages(5, 900))
	host, port := hostPort(srv.Addr)
	args := []string{"--host", host, "--port", port, "--user", srv.User, "--password-stdin", "--ca-file", writeCA(t, srv.Cert), "--json"}
	code, out, errs := run(srv.Password, args...)
	if code != 0 {
		t.Fatalf("scan = %d, stderr %q", code, errs)
	}
	lines := jsonLines(t, out)
	if len(lines) != 6 {
		t.Fatalf("got %d lines, want 5 messages and a summary:\n%s", len(lines), out)
	}
	wantKeys := []string{"channel", "findings", "from", "mailbox", "message_id", "score", "subject", "uid", "verdict"}
	for _, l := range lines[:5] {
		if got := keys(l); !reflect.DeepEqual(got, wantKeys) {
			t.Errorf("message line keys = %v, want %v", got, wantKeys)
		}
		if l["mailbox"] != "INBOX" {
			t.Errorf("mailbox = %v, want INBOX", l["mailbox"])
		}
	}
	sum, ok := lines[5]["summary"].(map[string]any)
	if !ok || !reflect.DeepEqual(keys(sum), []string{"flagged", "new", "scanned", "seconds"}) || sum["new"] != 5.0 || sum["scanned"] != 5.0 {
		t.Errorf("summary line = %v", lines[5])
	}
	code, out, _ = run(srv.Password, args...)
	if lines := jsonLines(t, out); code != 0 || len(lines) != 1 || lines[0]["summary"].(map[string]any)["new"] != 0.0 {
		t.Errorf("second scan = %d, %q; want only a summary with nothing new", code, out)
	}
	code, out, _ = run(srv.Password, append(args, "--all")...)
	if lines := jsonLines(t, out); code != 0 || len(lines) != 6 {
		t.Errorf("scan --all = %d, %d lines; want the 5 known messages and a summary", code, len(lines))
	}
	code, out, _ = run(srv.Password, args[:len(args)-1]...) // text mode
	if code != 0 || !strings.Contains(out, "5 messages dans la boîte, 0 nouveau analysé") {
		t.Errorf("text scan = %d, %q", code, out)
	}
}

func TestScanFailuresInFrench(t *testing.T) {
	_, run := scanEnv(t)
	srv := mailboxtest.StartMemServer(t)
	host, port := hostPort(srv.Addr)
	base := []string{"--host", host, "--port", port, "--user", srv.User, "--password-stdin"}
	code, out, errs := run("mauvais-mot-de-passe-123", append(base, "--ca-file", writeCA(t, srv.Cert))...)
	if code != 1 || out != "" || !strings.Contains(errs, "identifiant ou mot de passe refusé") || strings.Contains(errs, "mauvais-mot-de-passe-123") {
		t.Errorf("wrong password: code %d, stdout %q, stderr %q", code, out, errs)
	}
	code, _, errs = run(srv.Password, base...) // test certificate unknown to the system
	shown := mailbox.FormatFingerprint(srv.Cert.SHA256)
	if code != 1 || !strings.Contains(errs, "certificat du serveur") || !strings.Contains(errs, shown) || !strings.Contains(errs, "Hygie test") {
		t.Errorf("untrusted certificate: code %d, stderr %q; want subject, issuer and %s", code, errs, shown)
	}
	if code, _, errs = run(srv.Password, append(base, "--pin", shown)...); code != 0 {
		t.Errorf("pinned certificate: code %d, stderr %q", code, errs)
	}
	if code, _, errs = run(srv.Password, "--host", "127.0.0.2", "--port", "1", "--user", "u", "--password-stdin"); code != 1 || !strings.Contains(errs, "refuse la connexion") {
		t.Errorf("refused: code %d, stderr %q", code, errs)
	}
	if code, _, errs = run(srv.Password, "--host", "imap.example.fr", "--plaintext", "--user", "u", "--password-stdin"); code != 1 || !strings.Contains(errs, "non chiffrée refusée") {
		t.Errorf("plaintext to a remote server: code %d, stderr %q", code, errs)
	}
}

// TestScanSavedAccount uses the password saved in a real Secret Service,
// then a desktop without one.
func TestScanSavedAccount(t *testing.T) {
	home, run := scanEnv(t)
	srv := mailboxtest.StartMemServer(t)
	srv.Admin(t).AppendAll(t, "INBOX", mailboxtest.Messages(2, 900))
	host, port := hostPort(srv.Addr)
	n, _ := strconv.Atoi(port)
	db, err := store.Open(home)
	if err != nil {
		t.Fatal(err)
	}
	st, err := mailbox.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	acct := mailbox.Account{Name: "cabinet", Host: host, Port: n, Username: srv.User, PinnedSHA256: srv.Cert.SHA256}
	if err := st.SaveAccount(acct); err != nil {
		t.Fatal(err)
	}
	db.Close()
	mailboxtest.StartSecretService(t)
	if err := (mailbox.SystemKeychain{}).Set("cabinet", srv.Password); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run("", "--account", "cabinet", "--json")
	if lines := jsonLines(t, out); code != 0 || len(lines) != 3 {
		t.Errorf("scan --account = %d, %d lines, stderr %q; want 2 messages and a summary", code, len(lines), errs)
	}
	if code, _, errs = run("", "--account", "inconnu"); code != 1 || !strings.Contains(errs, "aucun compte de ce nom") {
		t.Errorf("unknown account: code %d, stderr %q", code, errs)
	}
	mailboxtest.StartBusWithoutSecrets(t)
	if code, _, errs = run("", "--account", "cabinet"); code != 1 || !strings.Contains(errs, "trousseau du système est indisponible") {
		t.Errorf("no keychain: code %d, stderr %q", code, errs)
	}
	if code, _, errs = run(srv.Password, "--account", "cabinet", "--password-stdin"); code != 0 {
		t.Errorf("no keychain, password on stdin: code %d, stderr %q", code, errs)
	}
}

// TestScanDovecotSTARTTLS runs the command against a real Dovecot.
func TestScanDovecotSTARTTLS(t *testing.T) {
	_, run := scanEnv(t)
	d := mailboxtest.StartDovecot(t)
	d.Admin(t).AppendAll(t, "INBOX", mailboxtest.Messages(3, 900))
	host, port := hostPort(d.IMAP)
	code, out, errs := run(d.Password, "--host", host, "--port", port, "--starttls", "--user", d.User,
		"--password-stdin", "--ca-file", writeCA(t, d.Cert), "--json")
	if lines := jsonLines(t, out); code != 0 || len(lines) != 4 {
		t.Errorf("scan over STARTTLS = %d, %d lines, stderr %q", code, len(lines), errs)
	}
}

// TestScanReportsUnanalysableMessage: a message the engine cannot read gets
// its own line with an error, in JSON and in text, and the others follow.
func TestScanReportsUnanalysableMessage(t *testing.T) {
	_, run := scanEnv(t)
	srv := mailboxtest.StartMemServer(t)
	pad := strings.Repeat("X-Pad: "+strings.Repeat("a", 90)+"\r\n", 25000) // header block over the engine's 2 MB
	huge := []byte("From: a@kine.example\r\nSubject: Trop d'en-têtes\r\n" + pad + "\r\nCorps\r\n")
	srv.Admin(t).AppendAll(t, "INBOX", append([][]byte{huge}, mailboxtest.Messages(1, 900)...))
	host, port := hostPort(srv.Addr)
	args := []string{"--host", host, "--port", port, "--user", srv.User, "--password-stdin", "--ca-file", writeCA(t, srv.Cert)}
	code, out, errs := run(srv.Password, append(args, "--json")...)
	lines := jsonLines(t, out)
	if code != 0 || len(lines) != 3 {
		t.Fatalf("scan = %d, %d lines, stderr %q; want 2 messages and a summary", code, len(lines), errs)
	}
	want := []string{"error", "from", "mailbox", "message_id", "subject", "uid"}
	if got := keys(lines[0]); !reflect.DeepEqual(got, want) || lines[0]["uid"] != 1.0 || lines[0]["error"] == "" ||
		lines[0]["subject"] != "Trop d'en-têtes" {
		t.Errorf("unreadable message line = %v; want keys %v", lines[0], want)
	}
	if lines[1]["verdict"] == nil || lines[1]["error"] != nil {
		t.Errorf("readable message line = %v; want a verdict", lines[1])
	}
	code, out, _ = run(srv.Password, append(args, "--all")...)
	if code != 0 || !strings.Contains(out, "INBOX, message 1\n  Analyse impossible") {
		t.Errorf("text scan --all = %d, %q; want the unreadable message listed", code, out)
	}
}

// TestScanRefreshTrustList: --refresh-trust-list saves the ANS list (here
// from a loopback server) and the scan judges with it; a failed refresh is
// said and the scan goes on.
func TestScanRefreshTrustList(t *testing.T) {
	_, run := scanEnv(t)
	xml, err := os.ReadFile("../mail/testdata/trustlist.xml")
	if err != nil {
		t.Fatal(err)
	}
	web := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/liste.xml" {
			http.NotFound(w, r)
			return
		}
		w.Write(xml)
	}))
	defer web.Close()
	old := trustListURL
	t.Cleanup(func() { trustListURL = old })
	srv := mailboxtest.StartMemServer(t)
	srv.Admin(t).AppendAll(t, "INBOX", [][]byte{
		mailboxtest.Message(1, "Secrétariat <secretariat@clinique-inconnue.mssante.fr>", "Compte rendu", "Bonjour,\nci-joint le compte rendu."),
	})
	host, port := hostPort(srv.Addr)
	args := []string{"--host", host, "--port", port, "--user", srv.User, "--password-stdin", "--ca-file", writeCA(t, srv.Cert), "--json"}

	trustListURL = web.URL + "/absente.xml"
	code, _, errs := run(srv.Password, append(args, "--refresh-trust-list")...)
	if code != 0 || !strings.Contains(errs, "n'a pas pu être mise à jour") {
		t.Errorf("failed refresh: code %d, stderr %q; want the scan done and the failure said", code, errs)
	}
	trustListURL = web.URL + "/liste.xml"
	code, out, errs := run(srv.Password, append(args, "--refresh-trust-list", "--all")...)
	lines := jsonLines(t, out)
	if code != 0 || !strings.Contains(errs, "mise à jour (") || len(lines) != 2 {
		t.Fatalf("refresh: code %d, %d lines, stderr %q", code, len(lines), errs)
	}
	// --all reprints the cached analysis: made before the list was saved.
	if lines[0]["channel"] != "mssante" {
		t.Errorf("cached analysis channel = %v; want mssante (judged before the refresh)", lines[0]["channel"])
	}
}

// TestScanUsesSavedTrustList: messages arriving after a refresh are judged
// with the saved list, with no download.
func TestScanUsesSavedTrustList(t *testing.T) {
	home, run := scanEnv(t)
	xml, err := os.ReadFile("../mail/testdata/trustlist.xml")
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(home)
	if err != nil {
		t.Fatal(err)
	}
	st, err := mailbox.Open(db)
	if err == nil {
		_, err = st.SaveTrustList(xml, time.Now())
	}
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	srv := mailboxtest.StartMemServer(t)
	srv.Admin(t).AppendAll(t, "INBOX", [][]byte{
		mailboxtest.Message(1, "Secrétariat <secretariat@clinique-inconnue.mssante.fr>", "Compte rendu", "Bonjour,\nci-joint le compte rendu."),
	})
	host, port := hostPort(srv.Addr)
	code, out, errs := run(srv.Password, "--host", host, "--port", port, "--user", srv.User, "--password-stdin",
		"--ca-file", writeCA(t, srv.Cert), "--json")
	lines := jsonLines(t, out)
	if code != 0 || len(lines) != 2 || lines[0]["channel"] == "mssante" || strings.Contains(errs, "MSSanté") {
		t.Errorf("scan with a saved list = %d, %v, stderr %q; want the unlisted domain not taken for MSSanté", code, lines, errs)
	}
}

// TestScanSummarySaysRechecks names the messages judged again after an
// update, which explain a scan longer than usual.
func TestScanSummarySaysRechecks(t *testing.T) {
	tests := []struct {
		sum  mailbox.Summary
		want string
	}{
		{mailbox.Summary{Scanned: 40, New: 2, Rechecked: 38, Seconds: 3.2, Flagged: 1},
			"40 messages dans la boîte, 2 nouveaux analysés, 38 déjà vus revus par la nouvelle version de Hygie en 3.2 s ; 1 à vérifier de près.\n"},
		{mailbox.Summary{Scanned: 5, New: 0, Seconds: 0.4},
			"5 messages dans la boîte, 0 nouveau analysé en 0.4 s ; 0 à vérifier de près.\n"},
	}
	for _, tt := range tests {
		var b strings.Builder
		w := bufio.NewWriter(&b)
		(&scanPrinter{out: w}).summary(tt.sum)
		w.Flush()
		if b.String() != tt.want {
			t.Errorf("summary(%+v) = %q, want %q", tt.sum, b.String(), tt.want)
		}
	}
}
