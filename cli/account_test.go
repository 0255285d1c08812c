package cli

import (
	"bytes"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"

	"hygie/mail/mailbox"
	"hygie/mail/mailbox/mailboxtest"
	"hygie/mail/oauth"
)

// accountEnv points Hygie's data at a fresh folder and returns a runner
// of `hygie account …` (stdin gets pw) and one of `hygie scan …`.
func accountEnv(t *testing.T) (account func(pw string, args ...string) (int, string, string), scan func(args ...string) (int, string, string)) {
	t.Helper()
	_, runScan := scanEnv(t)
	account = func(pw string, args ...string) (int, string, string) {
		stdin = strings.NewReader(pw + "\n")
		var out browserWriter
		var errb bytes.Buffer
		code := Run(append([]string{"account"}, args...), &out, &errb)
		out.wg.Wait()
		return code, out.String(), errb.String()
	}
	return account, func(args ...string) (int, string, string) { return runScan("", args...) }
}

// browserWriter is the terminal and the user's browser at once: when the
// command prints an address to open on 127.0.0.1, it opens it.
type browserWriter struct {
	mu  sync.Mutex
	buf bytes.Buffer
	wg  sync.WaitGroup
}

var authorizeURL = regexp.MustCompile(`http://127\.0\.0\.1:\d+/authorize\?\S+`)

func (w *browserWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if u := authorizeURL.Find(p); u != nil {
		w.wg.Add(1)
		go func() {
			defer w.wg.Done()
			if resp, err := http.Get(string(u)); err == nil {
				resp.Body.Close()
			}
		}()
	}
	return w.buf.Write(p)
}

func (w *browserWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

func useProviders(t *testing.T, f func(string) (oauth.Provider, bool)) {
	old := oauthProviders
	oauthProviders = f
	t.Cleanup(func() { oauthProviders = old })
}

func TestAccountUsageErrors(t *testing.T) {
	account, _ := accountEnv(t)
	cases := []struct {
		args []string
		want string
	}{
		{nil, "hygie account add"},
		{[]string{"add", "--name", "a"}, "--address"},
		{[]string{"add", "--name", "a", "--address", "x@y.fr", "--microsoft", "--google"}, "s'excluent"},
		{[]string{"add", "--name", "a", "--address", "x@y.fr", "--port", "993"}, "vont avec --host"},
		{[]string{"remove"}, "nom du compte"},
		{[]string{"frob"}, "action inconnue"},
	}
	for _, c := range cases {
		if code, _, errs := account("", c.args...); code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("account %v = %d, %q; want 2 and %q", c.args, code, errs, c.want)
		}
	}
	if code, out, _ := account("", "--help"); code != 0 || !strings.Contains(out, "--microsoft") {
		t.Errorf("account --help = %d, %q", code, out)
	}
}

// TestAccountPassword: add with the password on stdin (refused, then
// right), list, scan, remove; the keychain entry goes with the account.
func TestAccountPassword(t *testing.T) {
	account, scan := accountEnv(t)
	mailboxtest.StartSecretService(t)
	srv := mailboxtest.StartMemServer(t)
	srv.Admin(t).AppendAll(t, "INBOX", mailboxtest.Messages(2, 900))
	host, port := hostPort(srv.Addr)
	args := []string{"add", "--name", "cabinet", "--address", srv.User, "--host", host, "--port", port, "--pin", srv.Cert.SHA256}
	if code, _, errs := account("faux", args...); code != 1 || !strings.Contains(errs, "refusé") {
		t.Errorf("wrong password: %d, %q", code, errs)
	}
	if code, out, _ := account("", "list"); code != 0 || strings.Contains(out, "cabinet") {
		t.Errorf("account saved after a refused login: %q", out)
	}
	if code, out, errs := account(srv.Password, args...); code != 0 || !strings.Contains(out, "enregistré") {
		t.Fatalf("add = %d, %q, %q", code, out, errs)
	}
	if code, out, _ := account("", "list"); code != 0 || !strings.Contains(out, "cabinet\t"+srv.User) || !strings.Contains(out, "mot de passe") {
		t.Errorf("list = %q", out)
	}
	if code, _, errs := scan("--account", "cabinet", "--json"); code != 0 {
		t.Errorf("scan --account = %d, %q", code, errs)
	}
	if code, _, errs := account("", "remove", "cabinet"); code != 0 {
		t.Fatalf("remove = %d, %q", code, errs)
	}
	if _, err := (mailbox.SystemKeychain{}).Get("cabinet"); err == nil {
		t.Error("the password is still in the keychain after remove")
	}
	if code, _, errs := account("", "remove", "cabinet"); code != 1 || !strings.Contains(errs, "aucun compte de ce nom") {
		t.Errorf("remove twice = %d, %q", code, errs)
	}
}

// TestAccountOAuth: --microsoft prints a device code and waits, --google
// prints an address to open; the account is saved once Dovecot accepted
// the token, scan --account refreshes it, and a revoked sign-in says to
// sign in again. No refresh token ever reaches the output.
func TestAccountOAuth(t *testing.T) {
	account, scan := accountEnv(t)
	mailboxtest.StartSecretService(t)
	p := mailboxtest.StartTokenProvider(t, "praticien")
	d := mailboxtest.StartDovecotWith(t, mailboxtest.DovecotOptions{IntrospectionURL: p.IntrospectionURL()})
	d.Admin(t).AppendAll(t, "INBOX", mailboxtest.Messages(2, 900))
	useProviders(t, func(id string) (oauth.Provider, bool) {
		prov := p.Provider(id)
		prov.Device = id == oauth.MicrosoftID // Google offers no device code for mail
		return prov, true
	})
	host, port := hostPort(d.IMAPS)
	var outputs []string
	for _, c := range []struct{ name, flag, want string }{
		{"ms", "--microsoft", "saisissez le code HYG-"},
		{"google", "--google", "ouvrez cette adresse dans un navigateur de cet ordinateur"},
	} {
		code, out, errs := account("", "add", "--name", c.name, "--address", d.User, c.flag, "--host", host, "--port", port,
			"--pin", d.Cert.SHA256)
		if code != 0 || !strings.Contains(out, c.want) || !strings.Contains(out, "enregistré") {
			t.Fatalf("add %s = %d, %q, %q", c.flag, code, out, errs)
		}
		outputs = append(outputs, out, errs)
	}
	if _, out, _ := account("", "list"); !strings.Contains(out, "ms\tpraticien\t"+host+":"+port+"\tconnexion Microsoft") {
		t.Errorf("list = %q", out)
	}
	code, out, errs := scan("--account", "ms", "--json")
	if lines := jsonLines(t, out); code != 0 || len(lines) != 3 || p.Refreshes() != 1 {
		t.Errorf("scan --account ms = %d, %d lines, %d refreshes, %q; want 2 messages after one refresh",
			code, len(lines), p.Refreshes(), errs)
	}
	outputs = append(outputs, out, errs)
	p.RevokeAll()
	code, _, errs = scan("--account", "ms")
	if code != 1 || !strings.Contains(errs, "Reconnectez-vous") {
		t.Errorf("scan after revocation = %d, %q; want the sign-in-again sentence", code, errs)
	}
	outputs = append(outputs, errs)
	for _, rt := range p.RefreshTokens() {
		for _, o := range outputs {
			if strings.Contains(o, rt) {
				t.Error("a refresh token appears in the command's output")
			}
		}
	}
	if code, _, _ := account("", "remove", "ms"); code != 0 {
		t.Error("remove ms failed")
	}
	if _, err := mailbox.LoadToken(mailbox.SystemKeychain{}, "ms"); err == nil {
		t.Error("the sign-in is still in the keychain after remove")
	}
}

// TestAccountNoClientID: a build without Hygie's client ID says so in one
// sentence and saves nothing.
func TestAccountNoClientID(t *testing.T) {
	account, _ := accountEnv(t)
	useProviders(t, func(id string) (oauth.Provider, bool) {
		p, ok := oauth.ByID(id)
		p.ClientID = ""
		return p, ok
	})
	code, _, errs := account("", "add", "--name", "m", "--address", "dr@hotmail.fr", "--microsoft")
	if code != 1 || !strings.Contains(errs, "ne peut pas se connecter à Microsoft") || strings.Contains(errs, "oauth:") || strings.Count(errs, "\n") != 1 {
		t.Errorf("no client ID = %d, %q; want the one sentence", code, errs)
	}
	if code, _, errs := account("", "add", "--name", "m", "--address", "dr@hotmail.fr"); code != 1 || !strings.Contains(errs, "--microsoft") {
		t.Errorf("hotmail with a password = %d, %q; want the --microsoft hint", code, errs)
	}
}
