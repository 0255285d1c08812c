//go:build unix

package mailbox

import (
	"os"
	"syscall"
)

// fileOwner returns the user and group owning a file.
func fileOwner(st os.FileInfo) (uid, gid int, ok bool) {
	owner, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, false
	}
	return int(owner.Uid), int(owner.Gid), true
}
