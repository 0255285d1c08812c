package mailbox

import "testing"

func TestFingerprintForms(t *testing.T) {
	cases := []struct{ in, norm, shown string }{
		{"AB:CD:01", "abcd01", "AB:CD:01"},
		{" ab cd 01 ", "abcd01", "AB:CD:01"},
		{"ab-cd-01", "abcd01", "AB:CD:01"},
		{"", "", ""},
	}
	for _, c := range cases {
		if got := NormalizeFingerprint(c.in); got != c.norm {
			t.Errorf("NormalizeFingerprint(%q) = %q, want %q", c.in, got, c.norm)
		}
		if got := FormatFingerprint(c.in); got != c.shown {
			t.Errorf("FormatFingerprint(%q) = %q, want %q", c.in, got, c.shown)
		}
	}
}
