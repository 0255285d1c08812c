//go:build unix

package store

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// runAsNobody runs TestOpenReportsReadOnlyFolder again as user nobody,
// for whom dir is read-only even though the tests run as root.
func runAsNobody(t *testing.T, base, dir string) {
	t.Helper()
	bin := filepath.Join(base, "store.test")
	self, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, self, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-test.run=^TestOpenReportsReadOnlyFolder$", "-test.count=1")
	cmd.Env = append(os.Environ(), "HYGIE_TEST_RO_DIR="+dir, "HOME="+base)
	cmd.Dir = base
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("as nobody: %v\n%s", err, out)
	}
}
