package mailbox

import "testing"

func TestPresetsAreUsable(t *testing.T) {
	seen := map[string]bool{}
	var mssante bool
	for _, p := range Presets() {
		if p.ID == "" || seen[p.ID] {
			t.Errorf("preset %q: empty or duplicate id", p.ID)
		}
		seen[p.ID] = true
		if p.Name == "" || !p.Hint.Complete() {
			t.Errorf("preset %s: name or notes missing", p.ID)
		}
		if p.Security != TLS && p.Security != StartTLS {
			t.Errorf("preset %s: security %q, want tls or starttls", p.ID, p.Security)
		}
		if p.Port <= 0 || p.Port > 65535 {
			t.Errorf("preset %s: port %d", p.ID, p.Port)
		}
		if p.Host != "" {
			if err := p.Account("x", "u@example.fr").Validate(); err != nil {
				t.Errorf("preset %s makes an invalid account: %v", p.ID, err)
			}
		}
		mssante = mssante || p.MSSante
	}
	for _, id := range []string{"orange", "free", "sfr", "laposte", "ovh", "gmail", "outlook", "icloud"} {
		if !seen[id] {
			t.Errorf("preset %s missing", id)
		}
	}
	if !mssante {
		t.Error("no MSSanté preset")
	}
	if p, _ := PresetByID("free"); p.Note("en-GB") != p.Hint.EN || p.Note("fr") != p.Hint.FR {
		t.Errorf("Note does not pick the language: %q", p.Note("en-GB"))
	}
	if p, ok := PresetByID("gmail"); !ok || !p.AppPassword || p.Account("a", "u").Preset != "gmail" {
		t.Errorf("PresetByID(gmail) = %+v, %v; want an app-password preset", p, ok)
	}
}

// TestPresetAuth: every preset says how it signs in; Outlook only with
// Microsoft, Gmail with Google or an app password.
func TestPresetAuth(t *testing.T) {
	for _, p := range Presets() {
		switch p.Auth {
		case AuthPassword:
			if p.Provider != "" {
				t.Errorf("preset %s: password preset names provider %q", p.ID, p.Provider)
			}
		case AuthOAuth2:
			a, ok := p.OAuthAccount("x", "u@example.fr")
			if !ok || a.Validate() != nil {
				t.Errorf("preset %s: OAuthAccount = %+v, %v; invalid", p.ID, a, a.Validate())
			}
		default:
			t.Errorf("preset %s: auth %q, want password or oauth2", p.ID, p.Auth)
		}
	}
	if p, _ := PresetByID("outlook"); p.Auth != AuthOAuth2 || p.Provider != "microsoft" || p.AppPassword {
		t.Errorf("outlook preset = %+v; want OAuth2 with Microsoft and no app password", p)
	}
	if p, _ := PresetByID("gmail"); p.Auth != AuthOAuth2 || p.Provider != "google" || !p.AppPassword {
		t.Errorf("gmail preset = %+v; want OAuth2 with Google, app password still possible", p)
	}
	if _, ok := Presets()[0].OAuthAccount("x", "u"); ok {
		t.Error("a password preset made an OAuth2 account")
	}
}
