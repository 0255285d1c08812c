package frequency

import "testing"

// Importing the package must not read the lists: Hygie imports it at start-up
// and most sessions never test a password.
func TestListsLoadOnFirstUse(t *testing.T) {
	if lists != nil {
		t.Fatal("the lists were read before anyone asked for them")
	}
	got := Lists()
	for _, name := range []string{"MaleNames", "FemaleNames", "Surname", "English", "Passwords"} {
		if len(got[name].List) < 1000 {
			t.Errorf("list %s has %d words", name, len(got[name].List))
		}
	}
}
