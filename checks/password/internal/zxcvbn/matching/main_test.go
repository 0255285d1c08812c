package matching

import (
	"os"
	"testing"
)

// The upstream tests call the matchers directly, which expect the lists that
// Omnimatch loads on first use.
func TestMain(m *testing.M) {
	loadOnce.Do(loadFrequencyList)
	os.Exit(m.Run())
}
