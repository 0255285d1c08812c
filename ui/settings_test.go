package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
)

// The privacy promise names the one outside service a user may switch on,
// so "nothing is sent" is never contradicted by the password tester.
func TestPrivacyCardNamesTheBreachService(t *testing.T) {
	card := privacyCard().(*widget.Card)
	text := card.Content.(*widget.Label).Text
	for _, want := range []string{"Have I Been Pwned", "5 caractères", "jamais le mot de passe"} {
		if !strings.Contains(text, want) {
			t.Errorf("privacy card %q does not say %q", text, want)
		}
	}
}
