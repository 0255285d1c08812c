//go:build !unix

package mailbox

import "os"

// fileOwner reports no owner: files have no Unix owner to copy here.
func fileOwner(os.FileInfo) (uid, gid int, ok bool) { return 0, 0, false }
