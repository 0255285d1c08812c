package adjacency

import "testing"

// Importing the package must not build the graphs (see frequency).
func TestGraphsBuildOnFirstUse(t *testing.T) {
	if graphMap != nil {
		t.Fatal("the graphs were built before anyone asked for them")
	}
	for _, name := range []string{"qwerty", "dvorak", "keypad", "macKeypad", "l33t"} {
		if len(Graphs()[name].Graph) == 0 {
			t.Errorf("graph %s is empty", name)
		}
	}
}
