package mailboxtest

import (
	"os/exec"
	"syscall"
)

// dieWithTest makes the kernel stop the daemon if the test process dies
// without cleaning up (a test time-out panics past every Cleanup).
func dieWithTest(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM}
}
