package oauth

import (
	"net/http"
	"time"

	"golang.org/x/oauth2"
)

// Hygie's own client IDs, set at build time by the Makefile:
//
//	-ldflags "-X hygie/mail/oauth.microsoftClientID=… -X hygie/mail/oauth.googleClientID=…
//	          -X hygie/mail/oauth.googleClientSecret=…"
//
// They are empty in a developer build, and then every flow returns
// ErrNoClientID. Never put another application's ID here: the user would
// consent to that application, not to Hygie.
var (
	microsoftClientID  string
	googleClientID     string
	googleClientSecret string // Google's desktop clients have one; it is not a secret (docs/mailbox.md)
)

// Provider is one OAuth2 identity provider and the IMAP access it grants.
type Provider struct {
	// ID is what an account stores: "microsoft" or "google".
	ID string
	// Name is shown to the user: "Microsoft", "Google".
	Name         string
	ClientID     string
	ClientSecret string
	Endpoint     oauth2.Endpoint
	Scopes       []string
	// Device: the provider allows the device-code flow with these scopes
	// (Google does not for https://mail.google.com/).
	Device bool
	// AuthParams are added to the authorisation URL.
	AuthParams map[string]string
	// HTTP talks to the token and device endpoints; nil means a client
	// with a 30-second time-out.
	HTTP *http.Client
	// Wait bounds how long the browser flow waits for the user to come
	// back to the loopback listener; zero means 5 minutes.
	Wait time.Duration
}

// The provider IDs an account can store.
const (
	MicrosoftID = "microsoft"
	GoogleID    = "google"
)

// Microsoft signs in Outlook.com, Hotmail, Live and Microsoft 365 accounts
// (tenant "common": personal and work accounts alike).
func Microsoft() Provider {
	return Provider{
		ID: MicrosoftID, Name: "Microsoft", ClientID: microsoftClientID,
		Endpoint: oauth2.Endpoint{
			AuthURL:       "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
			TokenURL:      "https://login.microsoftonline.com/common/oauth2/v2.0/token",
			DeviceAuthURL: "https://login.microsoftonline.com/common/oauth2/v2.0/devicecode",
			AuthStyle:     oauth2.AuthStyleInParams,
		},
		// openid and email give the id_token naming the account chosen.
		Scopes:     []string{"https://outlook.office.com/IMAP.AccessAsUser.All", "offline_access", "openid", "email"},
		Device:     true,
		AuthParams: map[string]string{"prompt": "select_account"},
	}
}

// Google signs in Gmail and Google Workspace accounts.
func Google() Provider {
	return Provider{
		ID: GoogleID, Name: "Google", ClientID: googleClientID, ClientSecret: googleClientSecret,
		Endpoint: oauth2.Endpoint{
			AuthURL:   "https://accounts.google.com/o/oauth2/v2/auth",
			TokenURL:  "https://oauth2.googleapis.com/token",
			AuthStyle: oauth2.AuthStyleInParams,
		},
		Scopes:     []string{"https://mail.google.com/", "openid", "email"},
		AuthParams: map[string]string{"access_type": "offline", "prompt": "select_account consent"},
	}
}

// ByID returns the provider an account names.
func ByID(id string) (Provider, bool) {
	switch id {
	case MicrosoftID:
		return Microsoft(), true
	case GoogleID:
		return Google(), true
	}
	return Provider{}, false
}

// Available reports whether this build can sign in with the provider:
// false in a build made without Hygie's client ID.
func (p Provider) Available() bool { return p.ClientID != "" }

// config is the oauth2 configuration for a redirect URL ("" for the device
// flow and refreshes).
func (p Provider) config(redirect string) (*oauth2.Config, error) {
	if !p.Available() {
		return nil, &NoClientIDError{Provider: p.Name}
	}
	return &oauth2.Config{ClientID: p.ClientID, ClientSecret: p.ClientSecret, Endpoint: p.Endpoint,
		Scopes: p.Scopes, RedirectURL: redirect}, nil
}

func (p Provider) httpClient() *http.Client {
	if p.HTTP != nil {
		return p.HTTP
	}
	return &http.Client{Timeout: 30 * time.Second}
}

func (p Provider) wait() time.Duration {
	if p.Wait <= 0 {
		return 5 * time.Minute
	}
	return p.Wait
}
