package mailboxtest

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"hygie/mail/oauth"
)

// TokenProvider is a small OAuth2 provider on 127.0.0.1 for the tests: an
// authorisation endpoint that signs in at once (no login page) and
// redirects with a code, a token endpoint (authorisation code with PKCE,
// refresh, device code), a device endpoint and the introspection endpoint
// Dovecot asks (RECIPES §8). Its refresh tokens are 3,000+ bytes, the size
// real Microsoft tokens can reach.
type TokenProvider struct {
	URL      string
	ClientID string

	srv *httptest.Server
	mu  sync.Mutex
	// user is who the "browser" signs in as; deviceUser who approves
	// device codes (empty: never approved).
	user, deviceUser string
	accessLifetime   time.Duration
	rotate           bool   // a new refresh token on each refresh
	refreshError     string // every refresh fails with this RFC 6749 code
	authError        string // the authorisation endpoint redirects with this error
	codes            map[string]grant
	access           map[string]string // access token → user
	refresh          map[string]string // refresh token → user
	devices          map[string]*deviceGrant
	refreshes        int
	exchanges        int
}

type grant struct{ user, challenge, redirect string }

type deviceGrant struct {
	user  string
	polls int
}

// StartTokenProvider starts a provider whose browser and device users are
// user; it stops with the test.
func StartTokenProvider(tb testing.TB, user string) *TokenProvider {
	tb.Helper()
	p := NewTokenProvider(user)
	tb.Cleanup(p.Close)
	return p
}

// NewTokenProvider starts a provider shared by several tests; Reset puts
// it back as new between them and Close stops it.
func NewTokenProvider(user string) *TokenProvider {
	p := &TokenProvider{ClientID: "hygie-test-client"}
	p.Reset(user)
	mux := http.NewServeMux()
	mux.HandleFunc("/authorize", p.authorize)
	mux.HandleFunc("/token", p.token)
	mux.HandleFunc("/device", p.device)
	mux.HandleFunc("/introspect", p.introspect)
	p.srv = httptest.NewServer(mux)
	p.URL = p.srv.URL
	return p
}

// Close stops the provider.
func (p *TokenProvider) Close() { p.srv.Close() }

// Reset forgets every token and setting; user signs in from now on.
func (p *TokenProvider) Reset(user string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.user, p.deviceUser, p.accessLifetime = user, user, time.Hour
	p.rotate, p.refreshError, p.authError, p.refreshes, p.exchanges = false, "", "", 0, 0
	p.codes, p.access, p.refresh, p.devices = map[string]grant{}, map[string]string{}, map[string]string{}, map[string]*deviceGrant{}
}

// Provider is an oauth.Provider pointing at this server, with the given
// id so that accounts can name it.
func (p *TokenProvider) Provider(id string) oauth.Provider {
	return oauth.Provider{
		ID: id, Name: "Test", ClientID: p.ClientID,
		Endpoint: oauth2.Endpoint{AuthURL: p.URL + "/authorize", TokenURL: p.URL + "/token",
			DeviceAuthURL: p.URL + "/device", AuthStyle: oauth2.AuthStyleInParams},
		Scopes: []string{"imap", "offline_access", "openid", "email"}, Device: true,
	}
}

// Providers answers for every provider id, as mailbox.NewTokens wants.
func (p *TokenProvider) Providers(id string) (oauth.Provider, bool) { return p.Provider(id), true }

// IntrospectionURL is what Dovecot's oauth2 passdb asks.
func (p *TokenProvider) IntrospectionURL() string { return p.URL + "/introspect" }

// SetUser changes who signs in in the browser and by device code ("" for
// device codes nobody approves).
func (p *TokenProvider) SetUser(u string) {
	p.mu.Lock()
	p.user, p.deviceUser = u, u
	p.mu.Unlock()
}

// SetAccessLifetime changes the lifetime of the next access tokens.
func (p *TokenProvider) SetAccessLifetime(d time.Duration) {
	p.mu.Lock()
	p.accessLifetime = d
	p.mu.Unlock()
}

// SetRotate makes each refresh issue a new refresh token and retire the old.
func (p *TokenProvider) SetRotate(on bool) {
	p.mu.Lock()
	p.rotate = on
	p.mu.Unlock()
}

// FailRefresh makes every refresh fail with code ("invalid_grant",
// "interaction_required"…); "" restores them.
func (p *TokenProvider) FailRefresh(code string) {
	p.mu.Lock()
	p.refreshError = code
	p.mu.Unlock()
}

// FailAuthorize makes the authorisation endpoint redirect with code
// ("access_denied", "consent_required"); "" restores it.
func (p *TokenProvider) FailAuthorize(code string) {
	p.mu.Lock()
	p.authError = code
	p.mu.Unlock()
}

// RevokeAll revokes every access and refresh token (the user withdrew
// Hygie's access): Dovecot then refuses the access tokens at once.
func (p *TokenProvider) RevokeAll() {
	p.mu.Lock()
	clear(p.access)
	clear(p.refresh)
	p.mu.Unlock()
}

// Refreshes counts the successful refreshes so far.
func (p *TokenProvider) Refreshes() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.refreshes
}

// Exchanges counts the codes exchanged for tokens so far.
func (p *TokenProvider) Exchanges() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.exchanges
}

// RefreshTokens lists the live refresh tokens (for leak checks).
func (p *TokenProvider) RefreshTokens() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for t := range p.refresh {
		out = append(out, t)
	}
	return out
}

// Mint issues tokens for user without any flow, as a finished sign-in.
func (p *TokenProvider) Mint(user string) *oauth2.Token {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.issueLocked(user, "").WithExtra(map[string]any{"id_token": IDToken(user)})
}

func (p *TokenProvider) issueLocked(user, oldRefresh string) *oauth2.Token {
	at := "at-" + randHex(24)
	p.access[at] = user
	rt := oldRefresh
	if rt == "" || p.rotate {
		delete(p.refresh, oldRefresh)
		rt = "rt-" + randHex(1550) // 3,103 bytes
		p.refresh[rt] = user
	}
	return &oauth2.Token{AccessToken: at, RefreshToken: rt, TokenType: "Bearer", Expiry: time.Now().Add(p.accessLifetime)}
}

func (p *TokenProvider) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	redirect, err := url.Parse(q.Get("redirect_uri"))
	if err != nil || redirect.Scheme != "http" || redirect.Hostname() != "127.0.0.1" {
		http.Error(w, "redirect_uri must be http://127.0.0.1:PORT", http.StatusBadRequest)
		return
	}
	if q.Get("client_id") != p.ClientID || q.Get("code_challenge_method") != "S256" || q.Get("code_challenge") == "" {
		http.Error(w, "client_id and an S256 code_challenge are required", http.StatusBadRequest)
		return
	}
	p.mu.Lock()
	back := url.Values{"state": {q.Get("state")}}
	if p.authError != "" {
		back.Set("error", p.authError)
	} else {
		code := "code-" + randHex(16)
		p.codes[code] = grant{user: p.user, challenge: q.Get("code_challenge"), redirect: redirect.String()}
		back.Set("code", code)
	}
	p.mu.Unlock()
	redirect.RawQuery = back.Encode()
	http.Redirect(w, r, redirect.String(), http.StatusFound)
}

func (p *TokenProvider) token(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	f := r.PostForm
	if f.Get("client_id") != p.ClientID {
		tokenError(w, "invalid_client", http.StatusUnauthorized)
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	user, old, code := "", "", ""
	switch f.Get("grant_type") {
	case "authorization_code":
		user, code = p.exchangeLocked(f)
	case "refresh_token":
		old = f.Get("refresh_token")
		user = p.refresh[old]
		if p.refreshError != "" || user == "" {
			user, code = "", or(p.refreshError, "invalid_grant")
		} else {
			p.refreshes++
		}
	case "urn:ietf:params:oauth:grant-type:device_code":
		user, code = p.pollLocked(f.Get("device_code"))
	default:
		code = "unsupported_grant_type"
	}
	if code != "" {
		tokenError(w, code, http.StatusBadRequest)
		return
	}
	t := p.issueLocked(user, old)
	writeJSON(w, map[string]any{"access_token": t.AccessToken, "refresh_token": t.RefreshToken, "token_type": "Bearer",
		"expires_in": int(time.Until(t.Expiry).Seconds()), "id_token": IDToken(user)})
}

// exchangeLocked checks the code, its PKCE verifier and redirect URI.
func (p *TokenProvider) exchangeLocked(f url.Values) (user, errCode string) {
	g, ok := p.codes[f.Get("code")]
	delete(p.codes, f.Get("code")) // a code serves once
	sum := sha256.Sum256([]byte(f.Get("code_verifier")))
	if !ok || base64.RawURLEncoding.EncodeToString(sum[:]) != g.challenge || f.Get("redirect_uri") != g.redirect {
		return "", "invalid_grant"
	}
	p.exchanges++
	return g.user, ""
}

// pollLocked answers authorization_pending once, then the approval.
func (p *TokenProvider) pollLocked(dc string) (user, errCode string) {
	d, ok := p.devices[dc]
	switch {
	case !ok:
		return "", "expired_token"
	case d.user == "" || d.polls == 0:
		d.polls++
		return "", "authorization_pending"
	}
	delete(p.devices, dc)
	return d.user, ""
}

func (p *TokenProvider) device(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	dc := "dc-" + randHex(16)
	p.devices[dc] = &deviceGrant{user: p.deviceUser}
	p.mu.Unlock()
	writeJSON(w, map[string]any{"device_code": dc, "user_code": "HYG-" + strings.ToUpper(randHex(3)),
		"verification_uri": p.URL + "/devicelogin", "expires_in": 60, "interval": 1})
}

// introspect answers Dovecot (introspection_mode = post).
func (p *TokenProvider) introspect(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	p.mu.Lock()
	user, ok := p.access[r.PostForm.Get("token")]
	p.mu.Unlock()
	if !ok {
		writeJSON(w, map[string]any{"active": false})
		return
	}
	writeJSON(w, map[string]any{"active": true, "username": user, "scope": "imap"})
}

// IDToken is an unsigned id_token naming user, enough for Hygie's check.
func IDToken(user string) string {
	enc := base64.RawURLEncoding
	claims, _ := json.Marshal(map[string]string{"email": user, "preferred_username": user})
	return enc.EncodeToString([]byte(`{"alg":"none"}`)) + "." + enc.EncodeToString(claims) + ".sig"
}

func tokenError(w http.ResponseWriter, code string, status int) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": code, "error_description": "test provider: " + code})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

func randHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// ClosedURL is an http://127.0.0.1 address where nothing listens: a
// provider that cannot be reached.
func ClosedURL(tb testing.TB) string {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return fmt.Sprintf("http://%s", addr)
}
