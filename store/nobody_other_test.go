//go:build !unix

package store

import "testing"

// runAsNobody is reached only as root (os.Geteuid() == 0), which has no
// meaning outside Unix.
func runAsNobody(t *testing.T, _, _ string) {
	t.Helper()
	t.Fatal("running as another user needs a Unix system")
}
