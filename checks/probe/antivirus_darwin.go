package probe

import (
	"context"
	"path/filepath"
	"strings"
	"time"
)

// xprotectBundles are where macOS keeps XProtect: the second is where
// macOS 15 installs its updates, the last is before macOS 11.
var xprotectBundles = []string{
	"/Library/Apple/System/Library/CoreServices/XProtect.bundle",
	"/private/var/protected/xprotect/XProtect.bundle",
	"/System/Library/CoreServices/XProtect.bundle",
}

// antivirus reports XProtect's version and when it was last updated,
// taking the newest of the installed copies.
func (s system) antivirus(ctx context.Context) Result {
	version, updated := "", time.Time{}
	for _, b := range xprotectBundles {
		info := filepath.Join(b, "Contents", "Info")
		out := s.cmd(ctx, "/usr/bin/defaults", "read", info, "CFBundleShortVersionString")
		v := strings.TrimSpace(out.Stdout)
		if out.Err != nil || v == "" || !xprotectNewer(v, version) {
			continue
		}
		version, updated = v, time.Time{}
		if st, err := s.stat(info + ".plist"); err == nil {
			updated = st.ModTime()
		}
	}
	return xprotectVerdict(version, updated, s.now())
}
