package mailbox

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"

	"hygie/i18n"
)

// Preset holds a provider's usual IMAP settings; the user can override
// every field of the account made from it.
type Preset struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Host     string   `json:"host"`
	Port     int      `json:"port"`
	Security Security `json:"security"`
	// Username says what the provider expects as user name ("address":
	// the full e-mail address).
	Username string `json:"username"`
	// AppPassword: the provider refuses the usual password over IMAP and
	// wants an application password.
	AppPassword bool `json:"app_password"`
	// Auth is how the provider's accounts sign in: "password", or "oauth2"
	// with Provider ("microsoft", "google"); an OAuth2 preset with
	// AppPassword also takes an application password.
	Auth     AuthKind `json:"auth"`
	Provider string   `json:"provider"`
	// Domains are the address domains the provider serves (…@orange.fr),
	// MX the mail-exchanger host suffixes of custom domains it hosts: see
	// discover.go.
	Domains []string `json:"domains"`
	MX      []string `json:"mx"`
	// MSSante: a mailbox of the MSSanté health trust space.
	MSSante bool `json:"mssante"`
	// Hint tells the user what to type, in French and English; Note
	// picks the language.
	Hint i18n.Text `json:"hint"`
}

//go:embed presets.json
var presetsJSON []byte

// presets is parsed once, on the first use (the dashboard does not need
// it, docs/performance.md); a broken file is a build mistake that the
// tests catch.
var presets = sync.OnceValue(func() []Preset { return mustParsePresets(presetsJSON) })

func mustParsePresets(data []byte) []Preset {
	var ps []Preset
	if err := json.Unmarshal(data, &ps); err != nil {
		panic(fmt.Sprintf("mailbox: presets.json: %v", err))
	}
	return ps
}

// Presets lists the provider presets in display order.
func Presets() []Preset {
	return append([]Preset(nil), presets()...)
}

// PresetByID returns the preset with id.
func PresetByID(id string) (Preset, bool) {
	for _, p := range presets() {
		if p.ID == id {
			return p, true
		}
	}
	return Preset{}, false
}

// Note is the preset's advice in lang (i18n.Lang: English or French).
func (p Preset) Note(lang string) string { return p.Hint.In(lang) }

// Account returns a password account filled from the preset, scanning INBOX.
func (p Preset) Account(name, username string) Account {
	return Account{Name: name, Host: p.Host, Port: p.Port, Security: p.Security, Username: username, Preset: p.ID}
}

// OAuthAccount is the account signing in with the preset's provider, and
// false for a preset whose accounts use a password.
func (p Preset) OAuthAccount(name, address string) (Account, bool) {
	if p.Auth != AuthOAuth2 {
		return Account{}, false
	}
	a := p.Account(name, address)
	a.Auth, a.Provider = AuthOAuth2, p.Provider
	return a, true
}
