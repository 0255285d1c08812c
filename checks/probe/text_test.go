package probe

import (
	"fmt"
	"testing"
)

var evidenceCases = []struct {
	name string
	out  Output
	want string
}{
	{"apt warning only", Output{Stderr: "\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n", Code: -1, Err: fmt.Errorf("apt: %w", ErrTimeout)}, "apt list --upgradable"},
	{"apt warning then stdout", Output{Stderr: "WARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n", Stdout: "Listing...\n"}, "apt list --upgradable: Listing..."},
	{"real error kept", Output{Stderr: "WARNING: apt does not have a stable CLI interface. Use with caution in scripts.\nE: Could not open lock file\n"}, "apt list --upgradable: E: Could not open lock file"},
}

func TestEvidenceOfSkipsNoise(t *testing.T) {
	for _, c := range evidenceCases {
		if got := evidenceOf(c.out, "apt list --upgradable"); got != c.want {
			t.Errorf("evidenceOf(%s) = %q, want %q", c.name, got, c.want)
		}
	}
}
