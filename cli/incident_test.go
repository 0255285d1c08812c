package cli

import (
	"bytes"
	"strings"
	"testing"
)

func TestIncidentJournalRoundTrip(t *testing.T) {
	t.Setenv("HYGIE_HOME", t.TempDir())
	var out, errb bytes.Buffer
	if code := Run([]string{"incident", "log", "--step", "disconnect", "Câble", "débranché"}, &out, &errb); code != 0 {
		t.Fatalf("incident log = %d, stderr %q", code, errb.String())
	}
	out.Reset()
	if code := Run([]string{"incident", "journal"}, &out, &errb); code != 0 {
		t.Fatalf("incident journal = %d, stderr %q", code, errb.String())
	}
	if !strings.Contains(out.String(), "Câble débranché") {
		t.Errorf("journal = %q, want the logged note", out.String())
	}
}

func TestIncidentUsage(t *testing.T) {
	t.Setenv("HYGIE_HOME", t.TempDir())
	var out, errb bytes.Buffer
	for _, args := range [][]string{{"incident", "log"}, {"incident", "frobnicate"}} {
		out.Reset()
		errb.Reset()
		if code := Run(args, &out, &errb); code != 2 || !strings.Contains(errb.String(), "Usage") || out.Len() != 0 {
			t.Errorf("Run(%v) = %d, stdout %q, stderr %q; want 2 with usage on stderr", args, code, out.String(), errb.String())
		}
	}
	out.Reset()
	if code := Run([]string{"incident"}, &out, &errb); code != 0 || !strings.Contains(out.String(), "17Cyber") {
		t.Errorf("incident = %d, %q; want the playbook with 17Cyber", code, out.String())
	}
}
