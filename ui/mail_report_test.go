package ui

import (
	"slices"
	"testing"

	"hygie/mail"
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
