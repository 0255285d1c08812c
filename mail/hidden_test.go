package mail

import "testing"

func TestHiddenStyle(t *testing.T) {
	tests := []struct {
		style string
		want  bool
	}{
		{"display: none", true},
		{"font-size:0px", true},
		{"color:#ffffff; background-color:#ffffff", true},
		{"background:#FFF;color:#fff !important", true},
		{"color:#333333; background-color:#ffffff", false},
		{"background-color:#ffffff", false},
		{"opacity:0.5", false},
		{"font-size:14px", false},
	}
	for _, tt := range tests {
		if got := hiddenStyle(tt.style); got != tt.want {
			t.Errorf("hiddenStyle(%q) = %v, want %v", tt.style, got, tt.want)
		}
	}
}
