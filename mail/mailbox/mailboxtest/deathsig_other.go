//go:build !linux

package mailboxtest

import "os/exec"

// dieWithTest has no portable equivalent; Stop still ends the daemon.
func dieWithTest(*exec.Cmd) {}
