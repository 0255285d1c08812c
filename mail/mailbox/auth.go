package mailbox

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"

	"github.com/emersion/go-imap/v2"
	"golang.org/x/oauth2"

	"hygie/mail/oauth"
)

// AuthKind is how Hygie logs in to an account's server.
type AuthKind string

// The ways to log in. The zero value means AuthPassword.
const (
	// AuthPassword: LOGIN with the password kept in the keychain.
	AuthPassword AuthKind = "password"
	// AuthOAuth2: SASL XOAUTH2 or OAUTHBEARER with an access token from
	// the account's Provider; the refresh token is kept in the keychain.
	AuthOAuth2 AuthKind = "oauth2"
)

var (
	// ErrTokenRefused: the server refused the OAuth2 token (it is also
	// ErrAuth). Sign in again; if it goes on, IMAP may be off in the
	// account's settings.
	ErrTokenRefused = errors.New("mailbox: the server refused the sign-in token")
	// ErrNoToken: the keychain holds no sign-in for this OAuth2 account.
	ErrNoToken = errors.New("mailbox: no sign-in saved for this account")
	// ErrNoRefreshToken: the provider gave no refresh token, so Hygie
	// could not scan again without a new sign-in; nothing is saved.
	ErrNoRefreshToken = errors.New("mailbox: the provider gave no refresh token")
)

func (a Account) authKind() AuthKind {
	if a.Auth == "" {
		return AuthPassword
	}
	return a.Auth
}

// UsesOAuth2 reports whether the account signs in with a provider.
func (a Account) UsesOAuth2() bool { return a.Auth == AuthOAuth2 }

func (a Account) validateAuth() error {
	switch a.authKind() {
	case AuthPassword:
		return nil
	case AuthOAuth2:
		if _, ok := oauth.ByID(a.Provider); !ok {
			return fmt.Errorf("account %s: unknown sign-in provider %q: %w", a.Name, a.Provider, ErrInvalidAccount)
		}
		return nil
	}
	return fmt.Errorf("account %s: unknown login kind %q: %w", a.Name, a.Auth, ErrInvalidAccount)
}

// loginOAuth2 authenticates with the access token, preferring OAUTHBEARER
// (the standard) to XOAUTH2 when the server offers both.
func (s *session) loginOAuth2(token string) error {
	defer s.waiting()()
	mech := bearerMechanism(s.client.Caps())
	if mech == "" {
		return fmt.Errorf("%w: %w: the server offers neither OAUTHBEARER nor XOAUTH2", ErrAuth, ErrTokenRefused)
	}
	port, _ := strconv.Atoi(portOf(s.acct))
	c := &bearerClient{mech: mech, user: s.acct.Username, token: token, host: s.acct.Host, port: port}
	err := s.client.Authenticate(c)
	if ie, ok := imapStatus(err); ok {
		// The server's text and its JSON status: never the token.
		return fmt.Errorf("%w: %w: %s %s (%s)", ErrAuth, ErrTokenRefused, mech, ie.Text, c.status)
	}
	return s.classify(err)
}

func portOf(a Account) string {
	if a.Port != 0 {
		return strconv.Itoa(a.Port)
	}
	return strconv.Itoa(DefaultPort(a.Security))
}

func bearerMechanism(caps imap.CapSet) string {
	for _, m := range []string{mechOAuthBearer, mechXOAUTH2} {
		if caps.Has(imap.AuthCap(m)) {
			return m
		}
	}
	return ""
}

// SaveOAuthAccount saves an account that signs in with OAuth2, from the
// token a sign-in (oauth.Provider.SignInBrowser or SignInDevice) just
// gave. It logs in once with the access token and opens each mailbox
// read-only; only then does it put the refresh token in the keychain and
// the account in the database. On any failure nothing is saved (a
// re-sign-in of an existing account keeps its cache). When the server
// refuses the token and the token names another account, the error is an
// oauth.ErrWrongAccount.
func (s *Store) SaveOAuthAccount(ctx context.Context, kc Keychain, acct Account, tok *oauth2.Token, opts Options) error {
	acct.Auth = AuthOAuth2
	if err := acct.Validate(); err != nil {
		return err
	}
	if tok.RefreshToken == "" {
		return fmt.Errorf("account %s: %w", acct.Name, ErrNoRefreshToken)
	}
	if err := CheckLogin(ctx, acct, tok.AccessToken, opts); err != nil {
		if errors.Is(err, ErrAuth) {
			if werr := oauth.CheckIdentity(tok, acct.Username); werr != nil {
				return fmt.Errorf("sign in %s: %w", acct.Name, werr)
			}
		}
		return err
	}
	if err := SaveToken(kc, acct.Name, tok.RefreshToken); err != nil {
		return err
	}
	if err := s.SaveAccount(acct); err != nil {
		DeleteToken(kc, acct.Name)
		return err
	}
	return nil
}

// RemoveAccount forgets the account, its cache and its keychain entries
// (password or sign-in). Nothing is revoked at the provider: the user can
// withdraw Hygie's access in their account's settings.
func (s *Store) RemoveAccount(kc Keychain, name string) error {
	if err := s.DeleteAccount(name); err != nil {
		return err
	}
	return DeleteSecrets(kc, name)
}

// Tokens hands out what Scan needs to log in to saved accounts: the
// password, or for an OAuth2 account an access token kept in memory and
// refreshed before it expires (a rotated refresh token goes back to the
// keychain). One Tokens serves a whole session.
type Tokens struct {
	kc        Keychain
	providers func(id string) (oauth.Provider, bool)

	mu   sync.Mutex
	srcs map[string]oauth2.TokenSource
}

// NewTokens reads secrets from kc; providers finds an account's provider
// (nil means oauth.ByID, Hygie's real providers).
func NewTokens(kc Keychain, providers func(id string) (oauth.Provider, bool)) *Tokens {
	if providers == nil {
		providers = oauth.ByID
	}
	return &Tokens{kc: kc, providers: providers, srcs: map[string]oauth2.TokenSource{}}
}

// Secret returns the password of a password account, or a valid access
// token of an OAuth2 account. Errors: ErrNoPassword, ErrNoToken,
// ErrKeychainUnavailable, and oauth's ErrRevoked, ErrConsent,
// ErrUnreachable, ErrNoClientID.
func (t *Tokens) Secret(acct Account) (string, error) {
	if !acct.UsesOAuth2() {
		return t.kc.Get(acct.Name)
	}
	src, err := t.source(acct)
	if err != nil {
		return "", err
	}
	tok, err := src.Token()
	if err != nil {
		return "", fmt.Errorf("account %s: %w", acct.Name, err)
	}
	return tok.AccessToken, nil
}

// Forget drops the access token in memory, after a new sign-in or removal.
func (t *Tokens) Forget(name string) {
	t.mu.Lock()
	delete(t.srcs, name)
	t.mu.Unlock()
}

func (t *Tokens) source(acct Account) (oauth2.TokenSource, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if src, ok := t.srcs[acct.Name]; ok {
		return src, nil
	}
	p, ok := t.providers(acct.Provider)
	if !ok {
		return nil, fmt.Errorf("account %s: unknown sign-in provider %q: %w", acct.Name, acct.Provider, ErrInvalidAccount)
	}
	refresh, err := LoadToken(t.kc, acct.Name)
	if err != nil {
		return nil, err
	}
	src, err := p.TokenSource(refresh, func(r string) error { return SaveToken(t.kc, acct.Name, r) })
	if err != nil {
		return nil, fmt.Errorf("account %s: %w", acct.Name, err)
	}
	t.srcs[acct.Name] = src
	return src, nil
}
