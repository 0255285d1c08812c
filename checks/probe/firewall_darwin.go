package probe

import "context"

// firewall reads the application firewall's global state; before macOS 15
// the same number sits in com.apple.alf.
func (s system) firewall(ctx context.Context) Result {
	const cmd = "socketfilterfw --getglobalstate"
	out := s.cmd(ctx, "/usr/libexec/ApplicationFirewall/socketfilterfw", "--getglobalstate")
	if out.Err == nil {
		if r := parseMacFirewall(out.Stdout, cmd); r.Status != Unknown {
			return r
		}
	}
	alf := s.cmd(ctx, "/usr/bin/defaults", "read", "/Library/Preferences/com.apple.alf", "globalstate")
	if alf.Err == nil {
		return parseMacFirewall(alf.Stdout, "com.apple.alf globalstate")
	}
	return cmdUnknown(out, cmd)
}
