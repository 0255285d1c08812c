package mailbox

import (
	"bytes"
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"hygie/mail/mailbox/mailboxtest"
	"hygie/mail/oauth"
)

// One token provider and one Dovecot asking it serve the OAuth2 tests;
// each test starts with oauthServer, which resets the provider. This
// Dovecot offers only OAUTHBEARER; TestXOAUTH2Login starts one offering
// only XOAUTH2, so each mechanism is proven on its own.
var (
	oauthOnce     sync.Once
	oauthProvider *mailboxtest.TokenProvider
	oauthDovecot  *mailboxtest.Dovecot
	oauthErr      error
)

func oauthServer(t *testing.T) (*mailboxtest.TokenProvider, *mailboxtest.Dovecot) {
	t.Helper()
	oauthOnce.Do(func() {
		oauthProvider = mailboxtest.NewTokenProvider("praticien")
		oauthDovecot, oauthErr = mailboxtest.NewDovecotWith(mailboxtest.DovecotOptions{
			IntrospectionURL: oauthProvider.IntrospectionURL(), Mechanisms: "oauthbearer"})
	})
	if oauthErr != nil {
		t.Fatal(oauthErr)
	}
	oauthProvider.Reset(oauthDovecot.User)
	return oauthProvider, oauthDovecot
}

func stopOAuthDovecot() {
	if oauthDovecot != nil {
		oauthDovecot.Stop()
	}
	if oauthProvider != nil {
		oauthProvider.Close()
	}
}

// oauthAccount is an OAuth2 account on d, with the test provider's id.
func oauthAccount(d *mailboxtest.Dovecot, boxes ...string) Account {
	a := accountFor(d.IMAPS, d.User, boxes...)
	a.Auth, a.Provider = AuthOAuth2, oauth.MicrosoftID
	return a
}

// browser plays the user's browser: it follows the authorisation URL to
// the provider, which signs in at once and redirects to the loopback
// listener with the code and state.
func browser(t *testing.T) oauth.OpenURL {
	return func(u string) error {
		go func() {
			resp, err := http.Get(u)
			if err != nil {
				t.Errorf("browser: %v", err)
				return
			}
			resp.Body.Close()
		}()
		return nil
	}
}

// windowsKeychain refuses entries over 2,560 bytes, as Windows' Credential
// Manager does through go-keyring.
type windowsKeychain struct{ MemoryKeychain }

func (k *windowsKeychain) Set(account, secret string) error {
	if len(secret) > 2560 {
		return errors.New("data passed to Set was too big")
	}
	return k.MemoryKeychain.Set(account, secret)
}

func TestBearerMechanism(t *testing.T) {
	cases := []struct {
		caps []string
		want string
	}{
		{[]string{"AUTH=XOAUTH2", "AUTH=OAUTHBEARER"}, mechOAuthBearer},
		{[]string{"AUTH=XOAUTH2", "AUTH=PLAIN"}, mechXOAUTH2},
		{[]string{"AUTH=PLAIN"}, ""},
	}
	for _, c := range cases {
		caps := imapCaps(c.caps...)
		if got := bearerMechanism(caps); got != c.want {
			t.Errorf("bearerMechanism(%v) = %q, want %q", c.caps, got, c.want)
		}
	}
}

// TestOAuthBearerLogin: a real OAUTHBEARER login against Dovecot, whose
// token check asks the test provider; a bad token and another user's
// token are refused.
func TestOAuthBearerLogin(t *testing.T) {
	p, d := oauthServer(t)
	opts := Options{RootCAs: d.Cert.Pool()}
	acct := oauthAccount(d)
	if err := CheckLogin(context.Background(), acct, p.Mint(d.User).AccessToken, opts); err != nil {
		t.Fatalf("OAUTHBEARER login: %v\n%s", err, d.Log())
	}
	checkRefused(t, "bad token", CheckLogin(context.Background(), acct, "not-a-token", opts))
	checkRefused(t, "other user's token", CheckLogin(context.Background(), acct, p.Mint("autre").AccessToken, opts))
}

func TestXOAUTH2Login(t *testing.T) {
	p := mailboxtest.StartTokenProvider(t, "praticien")
	d := mailboxtest.StartDovecotWith(t, mailboxtest.DovecotOptions{IntrospectionURL: p.IntrospectionURL(), Mechanisms: "xoauth2"})
	opts := Options{RootCAs: d.Cert.Pool()}
	acct := oauthAccount(d)
	if err := CheckLogin(context.Background(), acct, p.Mint(d.User).AccessToken, opts); err != nil {
		t.Fatalf("XOAUTH2 login: %v\n%s", err, d.Log())
	}
	checkRefused(t, "bad token", CheckLogin(context.Background(), acct, "not-a-token", opts))
	// The password still works for a password account on the same server.
	if err := CheckLogin(context.Background(), accountFor(d.IMAPS, d.User), d.Password, opts); err != nil {
		t.Errorf("password login next to OAuth2: %v", err)
	}
}

func checkRefused(t *testing.T, what string, err error) {
	t.Helper()
	if !errors.Is(err, ErrAuth) || !errors.Is(err, ErrTokenRefused) {
		t.Errorf("%s: %v, want ErrAuth and ErrTokenRefused", what, err)
	}
}

// TestOAuthSignInScanRefresh goes the whole way: sign in through the
// "browser", save the account (refresh token chunked in a keychain with
// Windows' size limit), scan, then refresh a short-lived access token and
// persist the rotated refresh token.
func TestOAuthSignInScanRefresh(t *testing.T) {
	p, d := oauthServer(t)
	a := d.Admin(t)
	box := newBox(t, a)
	a.AppendAll(t, box, mailboxtest.Messages(3, 800))
	sc, st, _ := dovecotScanner(t, d, Options{})
	kc := &windowsKeychain{}
	acct := oauthAccount(d, box)
	tok, err := p.Provider(oauth.MicrosoftID).SignInBrowser(context.Background(), d.User, browser(t))
	if err != nil {
		t.Fatalf("SignInBrowser: %v", err)
	}
	if len(tok.RefreshToken) < 3000 {
		t.Fatalf("refresh token of %d bytes: the test wants a real-size one", len(tok.RefreshToken))
	}
	if err := st.SaveOAuthAccount(context.Background(), kc, acct, tok, Options{RootCAs: d.Cert.Pool()}); err != nil {
		t.Fatalf("SaveOAuthAccount: %v", err)
	}
	if got, err := LoadToken(kc, acct.Name); err != nil || got != tok.RefreshToken {
		t.Fatalf("LoadToken = %d bytes, %v; want the refresh token back", len(got), err)
	}
	saved, err := st.Account(acct.Name)
	if err != nil || !saved.UsesOAuth2() || saved.Provider != oauth.MicrosoftID {
		t.Fatalf("saved account = %+v, %v", saved, err)
	}
	p.SetAccessLifetime(30 * time.Second) // under the one-minute margin: refreshed at each use
	p.SetRotate(true)
	tokens := NewTokens(kc, p.Providers)
	for i := range 2 {
		secret, err := tokens.Secret(saved)
		if err != nil {
			t.Fatalf("Secret %d: %v", i, err)
		}
		sum, _, err := scanAll(t, sc, saved, secret)
		if err != nil || sum.Scanned != 3 {
			t.Fatalf("scan %d = %+v, %v; want 3 messages", i, sum, err)
		}
	}
	if p.Refreshes() != 2 {
		t.Errorf("%d refreshes, want 2 (access tokens expiring within the minute)", p.Refreshes())
	}
	rotated, _ := LoadToken(kc, acct.Name)
	if live := p.RefreshTokens(); len(live) != 1 || rotated != live[0] || rotated == tok.RefreshToken {
		t.Errorf("keychain holds %d bytes, not the rotated refresh token", len(rotated))
	}
	p.SetAccessLifetime(time.Hour)
	tokens = NewTokens(kc, p.Providers)
	tokens.Secret(saved)
	tokens.Secret(saved)
	if p.Refreshes() != 3 {
		t.Errorf("%d refreshes, want 3: a valid access token is reused from memory", p.Refreshes())
	}
}

// TestOAuthRefreshFailures: each way a saved sign-in stops working gives
// its sentinel, and the account and its cache stay as they were.
func TestOAuthRefreshFailures(t *testing.T) {
	p, d := oauthServer(t)
	_, st, _ := dovecotScanner(t, d, Options{})
	kc := &MemoryKeychain{}
	acct := oauthAccount(d)
	if err := st.SaveOAuthAccount(context.Background(), kc, acct, p.Mint(d.User), Options{RootCAs: d.Cert.Pool()}); err != nil {
		t.Fatal(err)
	}
	saved, _ := st.Account(acct.Name)
	down := p.Provider(oauth.MicrosoftID)
	down.Endpoint.TokenURL = mailboxtest.ClosedURL(t) + "/token"
	cases := []struct {
		name    string
		prepare func()
		prov    func(string) (oauth.Provider, bool)
		want    error
	}{
		{"consent withdrawn", func() { p.FailRefresh("interaction_required") }, p.Providers, oauth.ErrConsent},
		{"consent missing", func() { p.FailRefresh("consent_required") }, p.Providers, oauth.ErrConsent},
		{"provider unreachable", func() { p.FailRefresh("") }, func(string) (oauth.Provider, bool) { return down, true }, oauth.ErrUnreachable},
		{"revoked", p.RevokeAll, p.Providers, oauth.ErrRevoked},
	}
	for _, c := range cases {
		c.prepare()
		_, err := NewTokens(kc, c.prov).Secret(saved)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: Secret = %v, want %v", c.name, err, c.want)
		}
		if _, ok := oauth.Explain(err, "fr"); !ok {
			t.Errorf("%s: no French sentence for %v", c.name, err)
		}
		if _, err := st.Account(acct.Name); err != nil {
			t.Errorf("%s: account gone: %v", c.name, err)
		}
		if _, err := LoadToken(kc, acct.Name); err != nil {
			t.Errorf("%s: keychain entry gone: %v", c.name, err)
		}
	}
}

// TestOAuthWrongAccount: the user picked another account in the browser;
// the IMAP server refuses and the id_token tells who it was. Nothing is
// saved.
func TestOAuthWrongAccount(t *testing.T) {
	p, d := oauthServer(t)
	_, st, _ := dovecotScanner(t, d, Options{})
	kc := &MemoryKeychain{}
	p.SetUser("autre@example.fr")
	tok, err := p.Provider(oauth.MicrosoftID).SignInBrowser(context.Background(), d.User, browser(t))
	if err != nil {
		t.Fatal(err)
	}
	err = st.SaveOAuthAccount(context.Background(), kc, oauthAccount(d), tok, Options{RootCAs: d.Cert.Pool()})
	var wrong *oauth.WrongAccountError
	if !errors.Is(err, oauth.ErrWrongAccount) || !errors.As(err, &wrong) || wrong.Got != "autre@example.fr" {
		t.Fatalf("SaveOAuthAccount = %v, want ErrWrongAccount naming autre@example.fr", err)
	}
	if _, err := st.Account("cabinet"); !errors.Is(err, ErrNoAccount) {
		t.Errorf("account saved after a wrong sign-in: %v", err)
	}
	if _, err := LoadToken(kc, "cabinet"); !errors.Is(err, ErrNoToken) {
		t.Errorf("token saved after a wrong sign-in: %v", err)
	}
}

// TestOAuthDeviceSignIn: the device-code flow, then the account is saved
// and removing it deletes its keychain entries.
func TestOAuthDeviceSignIn(t *testing.T) {
	p, d := oauthServer(t)
	_, st, _ := dovecotScanner(t, d, Options{})
	kc := &windowsKeychain{}
	var shown oauth.DeviceCode
	tok, err := p.Provider(oauth.MicrosoftID).SignInDevice(context.Background(), func(c oauth.DeviceCode) { shown = c })
	if err != nil || shown.Code == "" || !strings.HasPrefix(shown.URL, "http://127.0.0.1") {
		t.Fatalf("SignInDevice = %v, code %+v", err, shown)
	}
	acct := oauthAccount(d)
	if err := st.SaveOAuthAccount(context.Background(), kc, acct, tok, Options{RootCAs: d.Cert.Pool()}); err != nil {
		t.Fatal(err)
	}
	if err := st.RemoveAccount(kc, acct.Name); err != nil {
		t.Fatalf("RemoveAccount: %v", err)
	}
	kc.mu.Lock()
	left := len(kc.pw)
	kc.mu.Unlock()
	if left != 0 {
		t.Errorf("%d keychain entries left after removing the account", left)
	}
}

func imapCaps(names ...string) imap.CapSet {
	caps := imap.CapSet{}
	for _, n := range names {
		caps[imap.Cap(n)] = struct{}{}
	}
	return caps
}

// TestRefreshTokenNeverWritten signs in, scans, has a refresh fail, then
// looks for every refresh token the provider issued in the data folder,
// the log and the error texts (as TestPasswordNeverWritten does for the
// password).
func TestRefreshTokenNeverWritten(t *testing.T) {
	p, d := oauthServer(t)
	var logs bytes.Buffer
	log.SetOutput(&logs)
	defer log.SetOutput(os.Stderr)
	sc, st, dir := dovecotScanner(t, d, Options{})
	kc := &MemoryKeychain{}
	acct := oauthAccount(d)
	tok, err := p.Provider(oauth.MicrosoftID).SignInBrowser(context.Background(), d.User, browser(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveOAuthAccount(context.Background(), kc, acct, tok, Options{RootCAs: d.Cert.Pool()}); err != nil {
		t.Fatal(err)
	}
	p.SetRotate(true)
	tokens := NewTokens(kc, p.Providers)
	secret, err := tokens.Secret(acct)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := scanAll(t, sc, acct, secret); err != nil {
		t.Fatal(err)
	}
	_, _, errScan := scanAll(t, sc, acct, "expired-"+secret)
	p.FailRefresh("invalid_grant")
	_, errRefresh := NewTokens(kc, p.Providers).Secret(acct)
	if errScan == nil || errRefresh == nil {
		t.Fatalf("failing scan and refresh = %v, %v; want errors", errScan, errRefresh)
	}
	log.Printf("scan error: %v; refresh error: %v", errScan, errRefresh) // what the UI logs
	secrets := append(p.RefreshTokens(), tok.RefreshToken)
	for _, s := range secrets {
		if strings.Contains(errScan.Error()+errRefresh.Error(), s) {
			t.Error("an error text contains a refresh token")
		}
	}
	assertNeverWritten(t, st, dir, logs.String(), "a refresh token", secrets...)
	assertNeverWritten(t, st, dir, logs.String(), "the access token", secret)
}

// TestOAuthOnPasswordOnlyServer: a server offering neither mechanism
// refuses an OAuth2 account with ErrTokenRefused, before any token is sent.
func TestOAuthOnPasswordOnlyServer(t *testing.T) {
	d := sharedDovecot(t)
	err := CheckLogin(context.Background(), oauthAccount(d), "at-whatever", Options{RootCAs: d.Cert.Pool()})
	if !errors.Is(err, ErrTokenRefused) || !strings.Contains(err.Error(), "neither") {
		t.Errorf("CheckLogin on a password-only server = %v, want ErrTokenRefused", err)
	}
}
