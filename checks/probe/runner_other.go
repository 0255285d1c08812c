//go:build !windows

package probe

import "os/exec"

// hideWindow has nothing to hide outside Windows.
func hideWindow(*exec.Cmd) {}
