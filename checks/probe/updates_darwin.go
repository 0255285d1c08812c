package probe

import "context"

// updates reads the result of macOS's own daily search for updates; only
// when there is none does it ask softwareupdate, which goes online and is
// often slower than the probe's time limit.
func (s system) updates(ctx context.Context) Result {
	prefs := s.cmd(ctx, "/usr/bin/defaults", "read", "/Library/Preferences/com.apple.SoftwareUpdate")
	if prefs.Err == nil {
		if r := parseMacUpdatePrefs(prefs.Stdout, s.now()); r.Status != Unknown {
			return r
		}
	}
	const cmd = "softwareupdate -l"
	out := s.cmd(ctx, "/usr/sbin/softwareupdate", "-l")
	if !out.Ran() {
		return cmdUnknown(out, cmd)
	}
	return parseSoftwareUpdateList(out.Both())
}
