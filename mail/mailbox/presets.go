package mailbox

import (
	_ "embed"
	"encoding/json"
	"fmt"

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
	// MSSante: a mailbox of the MSSanté health trust space.
	MSSante bool `json:"mssante"`
	// Hint tells the user what to type, in French and English; Note
	// picks the language.
	Hint i18n.Text `json:"hint"`
}

//go:embed presets.json
var presetsJSON []byte

// presets is parsed once at start-up; a broken file is a build mistake
// that the tests catch.
var presets = mustParsePresets(presetsJSON)

func mustParsePresets(data []byte) []Preset {
	var ps []Preset
	if err := json.Unmarshal(data, &ps); err != nil {
		panic(fmt.Sprintf("mailbox: presets.json: %v", err))
	}
	return ps
}

// Presets lists the provider presets in display order.
func Presets() []Preset {
	return append([]Preset(nil), presets...)
}

// PresetByID returns the preset with id.
func PresetByID(id string) (Preset, bool) {
	for _, p := range presets {
		if p.ID == id {
			return p, true
		}
	}
	return Preset{}, false
}

// Note is the preset's advice in lang (i18n.Lang: English or French).
func (p Preset) Note(lang string) string { return p.Hint.In(lang) }

// Account returns an account filled from the preset, scanning INBOX.
func (p Preset) Account(name, username string) Account {
	return Account{Name: name, Host: p.Host, Port: p.Port, Security: p.Security, Username: username, Preset: p.ID}
}
