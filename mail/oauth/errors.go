package oauth

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"

	"golang.org/x/oauth2"
)

// Errors the UI and the command line recognise with errors.Is; Explain
// gives the sentence to show for each. None of them carries a token.
var (
	// ErrNoClientID: this build has no client ID for the provider
	// (a developer build); it cannot sign in there at all.
	ErrNoClientID = errors.New("oauth: this build has no client ID for the provider")
	// ErrRevoked: the refresh token was revoked or expired (invalid_grant).
	ErrRevoked = errors.New("oauth: sign-in expired or revoked")
	// ErrConsent: the user or the organisation withdrew or never gave the
	// consent (consent_required, interaction_required).
	ErrConsent = errors.New("oauth: consent missing or withdrawn")
	// ErrWrongAccount: the account chosen in the browser is not the
	// address being added; the error is also a *WrongAccountError.
	ErrWrongAccount = errors.New("oauth: another account was chosen in the browser")
	// ErrTimeout: the user did not finish in the browser in time (or
	// closed it), or the device code expired.
	ErrTimeout = errors.New("oauth: sign-in not finished in time")
	// ErrDenied: the user refused in the browser (access_denied).
	ErrDenied = errors.New("oauth: sign-in refused in the browser")
	// ErrUnreachable: the provider could not be reached or failed.
	ErrUnreachable = errors.New("oauth: provider unreachable")
	// ErrNoBrowser: the browser could not be opened; offer the device code.
	ErrNoBrowser = errors.New("oauth: the browser could not be opened")
	// ErrNoDevice: the provider does not offer the device-code flow for mail.
	ErrNoDevice = errors.New("oauth: the provider offers no device code for mail access")
	// ErrProvider: the provider answered with an error we cannot classify.
	ErrProvider = errors.New("oauth: the provider refused the request")
)

// NoClientIDError names the provider this build cannot sign in to.
type NoClientIDError struct{ Provider string }

func (e *NoClientIDError) Error() string {
	return "oauth: this build has no client ID for " + e.Provider
}

// Unwrap makes errors.Is(err, ErrNoClientID) true.
func (e *NoClientIDError) Unwrap() error { return ErrNoClientID }

// WrongAccountError names the account the user chose instead.
type WrongAccountError struct {
	Want, Got string
}

func (e *WrongAccountError) Error() string {
	return fmt.Sprintf("oauth: signed in as %s, not %s", e.Got, e.Want)
}

// Unwrap makes errors.Is(err, ErrWrongAccount) true.
func (e *WrongAccountError) Unwrap() error { return ErrWrongAccount }

// classify turns what golang.org/x/oauth2 or the network returned into a
// sentinel. Only the provider's error code and description are kept: the
// request (which held the refresh token) is never part of the text.
func classify(err error) error {
	var re *oauth2.RetrieveError
	var ne net.Error
	var ue *url.Error
	switch {
	case err == nil:
		return nil
	case errors.Is(err, context.Canceled):
		return err
	case errors.As(err, &re):
		return classifyCode(re.ErrorCode, re.ErrorDescription, re.Response != nil && re.Response.StatusCode >= 500)
	case errors.As(err, &ne), errors.As(err, &ue), errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("%w: %v", ErrUnreachable, err)
	}
	return err
}

// classifyCode maps an RFC 6749 error code (token endpoint or redirect).
func classifyCode(code, desc string, serverFault bool) error {
	detail := strings.TrimSpace(code + " " + firstLine(desc))
	switch {
	// Microsoft reports a missing consent as invalid_grant AADSTS65001.
	case code == "consent_required" || code == "interaction_required" || strings.Contains(desc, "AADSTS65001"):
		return fmt.Errorf("%w: %s", ErrConsent, detail)
	case code == "invalid_grant":
		return fmt.Errorf("%w: %s", ErrRevoked, detail)
	case code == "access_denied" || code == "authorization_declined": // the latter: Microsoft's device flow
		return fmt.Errorf("%w: %s", ErrDenied, detail)
	case code == "expired_token":
		return fmt.Errorf("%w: %s", ErrTimeout, detail)
	case serverFault || code == "temporarily_unavailable" || code == "server_error":
		return fmt.Errorf("%w: %s", ErrUnreachable, detail)
	}
	return fmt.Errorf("%w: %s", ErrProvider, detail)
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 200 {
		s = s[:200]
	}
	return s
}
