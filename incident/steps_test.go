package incident

import (
	"strings"
	"testing"
)

// TestStepsAreWellFormed keeps data/steps.json whole: ids unique, every
// text written in both languages, every address official https.
func TestStepsAreWellFormed(t *testing.T) {
	if len(Steps()) == 0 || len(Contacts()) == 0 {
		t.Fatalf("data/steps.json: %d steps, %d contacts", len(Steps()), len(Contacts()))
	}
	seen := map[string]bool{}
	for _, s := range Steps() {
		if s.ID == "" || seen[s.ID] {
			t.Errorf("step id %q empty or repeated", s.ID)
		}
		seen[s.ID] = true
		if !s.Title.Complete() || !s.Why.Complete() {
			t.Errorf("step %s: a French or English text is missing", s.ID)
		}
	}
	seen = map[string]bool{}
	for _, c := range Contacts() {
		if c.ID == "" || seen[c.ID] {
			t.Errorf("contact id %q empty or repeated", c.ID)
		}
		seen[c.ID] = true
		if !c.Name.Complete() || !c.When.Complete() {
			t.Errorf("contact %s: the name or a French or English text is missing", c.ID)
		}
		if c.URL != "" && !strings.HasPrefix(c.URL, "https://") {
			t.Errorf("contact %s: address %q is not https", c.ID, c.URL)
		}
		if c.Phone != "" && c.Source == "" {
			t.Errorf("contact %s: the number %s has no source", c.ID, c.Phone)
		}
	}
}

// TestStepsOrder: the playbook starts by cutting the network and keeps the
// steps the journal refers to by id.
func TestStepsOrder(t *testing.T) {
	if Steps()[0].ID != "disconnect" {
		t.Errorf("first step is %q, want disconnect", Steps()[0].ID)
	}
	want := []string{"disconnect", "no_payment", "evidence", "call_help", "passwords", "complaint", "insurer", "cnil", "patients", "restore"}
	if len(Steps()) != len(want) {
		t.Fatalf("%d steps, want %d", len(Steps()), len(want))
	}
	for i, id := range want {
		if Steps()[i].ID != id {
			t.Errorf("step %d is %q, want %q", i+1, Steps()[i].ID, id)
		}
	}
	if got := Steps()[0].Title.In("en-GB"); !strings.HasPrefix(got, "Unplug") {
		t.Errorf("Steps()[0].Title.In(en-GB) = %q", got)
	}
}
