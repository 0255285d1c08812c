package probe

import "context"

// adminAccounts reads the groups whose members may use sudo: sudo on
// Debian and Ubuntu, wheel on Fedora, admin on old Ubuntu.
func (s system) adminAccounts(ctx context.Context) Result {
	const cmd = "getent group sudo wheel admin"
	out := s.cmd(ctx, "getent", "group", "sudo", "wheel", "admin")
	// getent exits 2 when one of the groups does not exist; the others
	// are still printed.
	if !out.Ran() {
		return cmdUnknown(out, cmd)
	}
	return parseGetentGroups(out.Stdout, s.username())
}
