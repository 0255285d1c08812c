package oauth

import (
	"context"
	"errors"
	"fmt"
	"time"

	"golang.org/x/oauth2"
)

// DeviceCode is what the user needs to sign in on any device: open URL and
// type Code (or open Complete, which carries the code, when not empty).
type DeviceCode struct {
	URL, Code, Complete string
	Expires             time.Time
}

// SignInDevice signs in with the device-code flow, for when no browser can
// be opened here (and for the command line): show is called once with the
// code, then SignInDevice waits until the user has finished, the code
// expired (ErrTimeout), the user refused (ErrDenied) or ctx is cancelled.
func (p Provider) SignInDevice(ctx context.Context, show func(DeviceCode)) (*oauth2.Token, error) {
	cfg, err := p.config("")
	if err != nil {
		return nil, err
	}
	if !p.Device || p.Endpoint.DeviceAuthURL == "" {
		return nil, ErrNoDevice
	}
	hctx := p.context(ctx)
	da, err := cfg.DeviceAuth(hctx)
	if err != nil {
		return nil, fmt.Errorf("ask a device code: %w", classify(err))
	}
	show(DeviceCode{URL: da.VerificationURI, Code: da.UserCode, Complete: da.VerificationURIComplete, Expires: da.Expiry})
	tok, err := cfg.DeviceAccessToken(hctx, da)
	if err != nil {
		if ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
			return nil, fmt.Errorf("%w: the device code expired", ErrTimeout)
		}
		return nil, fmt.Errorf("wait for the device code: %w", classify(err))
	}
	return tok, nil
}

// SignIn is what the account form's button does: the browser flow, and
// the device code instead when the browser cannot be opened (open is nil
// or fails) and the provider offers it; show then receives the code.
func (p Provider) SignIn(ctx context.Context, address string, open OpenURL, show func(DeviceCode)) (*oauth2.Token, error) {
	if open == nil {
		open = func(string) error { return errors.New("no browser") }
	}
	tok, err := p.SignInBrowser(ctx, address, open)
	if errors.Is(err, ErrNoBrowser) && p.Device && show != nil {
		return p.SignInDevice(ctx, show)
	}
	return tok, err
}
