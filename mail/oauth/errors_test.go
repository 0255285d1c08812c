package oauth

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/oauth2"
)

var codeCases = []struct {
	code, desc string
	want       error
}{
	{"invalid_grant", "AADSTS70008: The refresh token has expired", ErrRevoked},
	{"invalid_grant", "AADSTS65001: The user or administrator has not consented", ErrConsent},
	{"interaction_required", "", ErrConsent},
	{"consent_required", "", ErrConsent},
	{"access_denied", "the user declined", ErrDenied},
	{"authorization_declined", "", ErrDenied},
	{"expired_token", "", ErrTimeout},
	{"temporarily_unavailable", "", ErrUnreachable},
	{"invalid_client", "", ErrProvider},
	{"", "", ErrProvider},
}

func TestClassifyCode(t *testing.T) {
	for _, c := range codeCases {
		if got := classifyCode(c.code, c.desc, false); !errors.Is(got, c.want) {
			t.Errorf("classifyCode(%q, %q) = %v, want %v", c.code, c.desc, got, c.want)
		}
	}
	if got := classify(&oauth2.RetrieveError{ErrorCode: "invalid_grant", Body: []byte("refresh_token=secret")}); strings.Contains(got.Error(), "secret") {
		t.Errorf("classify kept the response body: %v", got)
	}
}

// TestMessages: every sentinel has a sentence in both languages, and the
// no-client-ID one names the provider.
func TestMessages(t *testing.T) {
	for _, e := range []error{ErrNoClientID, ErrRevoked, ErrConsent, ErrWrongAccount, ErrTimeout, ErrDenied,
		ErrUnreachable, ErrNoBrowser, ErrNoDevice, ErrProvider} {
		fr, ok := Explain(e, "fr")
		en, _ := Explain(e, "en")
		if !ok || fr == "" || en == "" || fr == en {
			t.Errorf("Explain(%v) = %q / %q, %v; want a French and an English sentence", e, fr, en, ok)
		}
	}
	for _, m := range Messages {
		if !m.Text.Complete() {
			t.Errorf("message for %v is not bilingual", m.Err)
		}
	}
	_, err := Microsoft().config("")
	if fr, _ := Explain(err, "fr"); microsoftClientID == "" && !strings.Contains(fr, "se connecter à Microsoft") {
		t.Errorf("no-client-ID sentence = %q, want it to name Microsoft", fr)
	}
	if _, ok := Explain(errors.New("other"), "fr"); ok {
		t.Error("Explain claims an unrelated error")
	}
}

func TestIdentities(t *testing.T) {
	tok := (&oauth2.Token{}).WithExtra(map[string]any{
		// {"email":"Dr.Martin@Hotmail.fr","preferred_username":"dr.martin@hotmail.fr"}
		"id_token": "e30.eyJlbWFpbCI6IkRyLk1hcnRpbkBIb3RtYWlsLmZyIiwicHJlZmVycmVkX3VzZXJuYW1lIjoiZHIubWFydGluQGhvdG1haWwuZnIifQ.x"})
	if err := CheckIdentity(tok, "dr.martin@hotmail.fr"); err != nil {
		t.Errorf("CheckIdentity(same address) = %v", err)
	}
	if err := CheckIdentity(tok, "cabinet@hotmail.fr"); !errors.Is(err, ErrWrongAccount) {
		t.Errorf("CheckIdentity(other address) = %v, want ErrWrongAccount", err)
	}
	for _, raw := range []string{"", "a.b", "a.!!!.c", "a.bm90IGpzb24.c"} {
		tok := (&oauth2.Token{}).WithExtra(map[string]any{"id_token": raw})
		if ids := Identities(tok); len(ids) != 0 || CheckIdentity(tok, "x@y.fr") != nil {
			t.Errorf("Identities(%q) = %v; want none and no verdict", raw, ids)
		}
	}
}

func TestNoClientID(t *testing.T) {
	p := Google()
	p.ClientID = ""
	if _, err := p.SignInBrowser(t.Context(), "a@gmail.com", func(string) error { t.Error("browser opened"); return nil }); !errors.Is(err, ErrNoClientID) {
		t.Errorf("SignInBrowser without client ID = %v", err)
	}
	if _, err := p.SignInDevice(t.Context(), func(DeviceCode) {}); !errors.Is(err, ErrNoClientID) {
		t.Errorf("SignInDevice without client ID = %v", err)
	}
	if _, err := p.TokenSource("rt", nil); !errors.Is(err, ErrNoClientID) {
		t.Errorf("TokenSource without client ID = %v", err)
	}
	p.ClientID = "x"
	if _, err := p.SignInDevice(t.Context(), func(DeviceCode) {}); !errors.Is(err, ErrNoDevice) {
		t.Errorf("Google device flow = %v, want ErrNoDevice", err)
	}
}
