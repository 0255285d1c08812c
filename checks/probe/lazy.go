package probe

import (
	"regexp"
	"sync"
)

// lazyRegexp returns a function that compiles expr on its first call: most
// expressions read the output of another system's command, and none is
// needed before the checks run (docs/performance.md). A broken expression
// panics on that call; the parsing tests reach every one.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
