package ui

import (
	"slices"
	"testing"

	"hygie/mail"
	"hygie/mail/mailbox"
)

func TestGuidesForSkipsCluesAndReassurance(t *testing.T) {
	tests := []struct {
		name     string
		findings []mail.Finding
		want     []string
	}{
		{"a clue alone", []mail.Finding{{ID: "html_form", Weight: 5, Severity: "info"}}, nil},
		{"a reassuring fact", []mail.Finding{{ID: "auth_pass", Weight: -10, Severity: "info"}}, nil},
		{"a warning", []mail.Finding{{ID: "some_warning", Weight: 20, Severity: "warning"}}, []string{defaultFindingGuide}},
	}
	for _, tt := range tests {
		if got := guidesFor(tt.findings); !slices.Equal(got, tt.want) {
			t.Errorf("%s: guidesFor = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestProgressTextSaysWhenOldMessagesAreCheckedAgain(t *testing.T) {
	tests := []struct {
		p    mailbox.Progress
		want string
	}{
		{mailbox.Progress{Mailbox: "INBOX", Done: 2, Total: 5}, "Analyse de INBOX : 2 sur 5 nouveaux messages…"},
		{mailbox.Progress{Mailbox: "INBOX", Done: 2, Total: 5, Rechecks: 3}, "Analyse de INBOX : 2 sur 5 messages…"},
		{mailbox.Progress{Mailbox: "INBOX", Done: 4, Total: 5, Rechecks: 3, Rechecking: true},
			"Hygie a été mis à jour : nouvelle vérification des messages déjà vus de INBOX, 4 sur 5…"},
	}
	for _, tt := range tests {
		if got := scanProgressText(tt.p); got != tt.want {
			t.Errorf("scanProgressText(%+v) = %q, want %q", tt.p, got, tt.want)
		}
	}
}

// TestLinkLabelSaysVia names the well-known site a redirect passed
// through, beside where the link really leads.
func TestLinkLabelSaysVia(t *testing.T) {
	l := linkLabel(mail.Link{URL: "https://ameli-pro-espace.com/connexion", Text: "Accéder à mon espace amelipro", Via: "www.google.com"})
	want := "« Accéder à mon espace amelipro » mène à https://ameli-pro-espace.com/connexion (en passant par www.google.com)"
	if l.Text != want {
		t.Errorf("linkLabel = %q, want %q", l.Text, want)
	}
}
