package mail

import "testing"

// TestWordLists keeps the plain lists of data/wording.json usable: none
// empty, no repeat, every entry written as the folded text it is matched
// against (they are read as they are).
func TestWordLists(t *testing.T) {
	for name, list := range map[string][]string{
		"health_words": words().Health, "not_health": words().NotHealth, "billing_words": words().Billing,
		"generic_greetings": words().Greetings, "action_words": words().Actions, "lure_affixes": words().LureAffixes,
	} {
		if len(list) == 0 {
			t.Errorf("data/wording.json: %s is empty", name)
		}
		seen := map[string]bool{}
		for _, w := range list {
			if seen[w] {
				t.Errorf("%s: %q is listed twice", name, w)
			}
			seen[w] = true
			if f := fold(w, len(w)+1); f != w {
				t.Errorf("%s: %q is not folded, write %q", name, w, f)
			}
		}
	}
}
