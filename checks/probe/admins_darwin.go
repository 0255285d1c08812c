package probe

import "context"

// adminAccounts reads the members of macOS's admin group.
func (s system) adminAccounts(ctx context.Context) Result {
	const cmd = "dscl . -read /Groups/admin GroupMembership"
	out := s.cmd(ctx, "/usr/bin/dscl", ".", "-read", "/Groups/admin", "GroupMembership")
	if out.Err != nil {
		return cmdUnknown(out, cmd)
	}
	return parseDsclAdmin(out.Stdout, s.username())
}
