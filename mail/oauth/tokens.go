package oauth

import (
	"context"
	"fmt"
	"sync"
	"time"

	"golang.org/x/oauth2"
)

// TokenSource returns access tokens for a saved refresh token. An access
// token lives in memory only and is refreshed a minute before it expires;
// when the provider rotates the refresh token, save receives the new one
// (to put back in the keychain) before the access token is handed out.
// Its errors are this package's sentinels (ErrRevoked, ErrConsent,
// ErrUnreachable…).
func (p Provider) TokenSource(refresh string, save func(refresh string) error) (oauth2.TokenSource, error) {
	cfg, err := p.config("")
	if err != nil {
		return nil, err
	}
	r := &refresher{p: p, cfg: cfg, refresh: refresh, save: save}
	return oauth2.ReuseTokenSourceWithExpiry(nil, r, time.Minute), nil
}

// refresher makes one refresh request per call; ReuseTokenSource calls it
// only when the access token in memory is about to expire.
type refresher struct {
	p    Provider
	cfg  *oauth2.Config
	save func(string) error

	mu      sync.Mutex
	refresh string
}

func (r *refresher) Token() (*oauth2.Token, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	ctx := r.p.context(context.Background())
	tok, err := r.cfg.TokenSource(ctx, &oauth2.Token{RefreshToken: r.refresh}).Token()
	if err != nil {
		return nil, fmt.Errorf("refresh the access token: %w", classify(err))
	}
	if tok.RefreshToken != "" && tok.RefreshToken != r.refresh {
		// The old one may be dead already: keep the new one in memory even
		// when saving fails, and try saving again on the next refresh.
		r.refresh = tok.RefreshToken
		if r.save != nil {
			if err := r.save(tok.RefreshToken); err != nil {
				return nil, fmt.Errorf("save the new refresh token: %w", err)
			}
		}
	}
	return tok, nil
}
