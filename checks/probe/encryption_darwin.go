package probe

import "context"

// diskEncryption asks fdesetup, which any user may run for its status.
func (s system) diskEncryption(ctx context.Context) Result {
	const cmd = "fdesetup status"
	out := s.cmd(ctx, "/usr/bin/fdesetup", "status")
	if out.Err != nil {
		return cmdUnknown(out, cmd)
	}
	return parseFdesetup(out.Stdout)
}
