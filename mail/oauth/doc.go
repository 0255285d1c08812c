// Package oauth signs the user in to Microsoft (Outlook.com, Hotmail,
// Live, Microsoft 365) and Google (Gmail, Google Workspace) so that Hygie
// can read their mailbox over IMAP without a password. It is plain Go: no
// Fyne, no keychain, no IMAP (hygie/mail/mailbox does the login and keeps
// the refresh token).
//
// Two flows, both OAuth2 public-client flows with Hygie's own client IDs
// (set at build time, see provider.go; empty in a developer build, and
// then every flow returns ErrNoClientID):
//
//   - SignInBrowser: authorisation code with PKCE (S256) in the system
//     browser, redirected to a listener on 127.0.0.1 on a random port. The
//     caller passes how to open the browser (OpenURL): the window passes
//     fyne's App.OpenURL, the command line prints the URL. It waits up to
//     5 minutes (Provider.Wait) and stops when ctx is cancelled.
//   - SignInDevice: the device-code flow, for when no browser can be opened
//     (and for the command line): show receives the URL and code to display.
//     Microsoft offers it; Google does not for the Gmail scope (ErrNoDevice).
//
// Then TokenSource turns the saved refresh token into access tokens kept in
// memory and refreshed a minute before they expire, handing a rotated
// refresh token back to be saved.
//
// # For the account form (the UI contract)
//
// The form never talks to a provider itself; it calls, in order:
//
//  1. mailbox.Discoverer.Discover(ctx, address): the provider and settings
//     from the address alone (Discovery.Auth, Discovery.Provider).
//  2. When Discovery.Auth is mailbox.AuthOAuth2, it shows « Se connecter avec
//     Microsoft » or « Se connecter avec Google » (Provider.Name). If
//     !Provider.Available() (oauth.ByID(id)), it shows instead the sentence
//     Explain(&NoClientIDError{Provider: p.Name}, lang) and offers the
//     password fields only for providers that take an app password
//     (Preset.AppPassword).
//  3. On the button: tok, err := p.SignIn(ctx, address, open, show) in a
//     goroutine, with a « Annuler » button cancelling ctx; open wraps
//     fyne's App.OpenURL. When the browser cannot be opened and the
//     provider offers it (Microsoft), SignIn switches to the device code
//     and calls show once: display DeviceCode.URL and DeviceCode.Code.
//  4. Then store.SaveOAuthAccount(ctx, keychain, disc.Account(name), tok,
//     opts): it logs in once, and saves the refresh token and the account
//     only if that worked (nothing is half-saved).
//
// Every error is explained by mailbox.ExplainAuth(err, lang) (which covers
// this package's sentinels through Explain): ErrNoClientID, ErrRevoked,
// ErrConsent, ErrWrongAccount, ErrTimeout, ErrDenied, ErrUnreachable,
// ErrNoBrowser, ErrNoDevice, ErrProvider, and mailbox's ErrTokenRefused,
// ErrNoToken, ErrNoRefreshToken. The sentences name the next step
// (« Reconnectez-vous »): the form's « Se reconnecter » button runs steps 3
// and 4 again for the same account, which keeps its cache.
package oauth
