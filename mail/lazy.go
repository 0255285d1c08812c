package mail

import (
	"regexp"
	"sync"
)

// lazyRegexp returns a function that compiles expr on its first call, so
// that the engine's expressions cost nothing until a message is analysed
// (docs/performance.md). A broken expression panics on that call; the
// tests of the checks that use it reach it.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
