package probe

import "context"

// diskEncryption looks for a dm-crypt mapping under / and /home. lsblk
// needs no root; cryptsetup would.
func (s system) diskEncryption(ctx context.Context) Result {
	const cmd = "lsblk -J"
	out := s.cmd(ctx, "lsblk", "-J", "-o", "NAME,PATH,TYPE,FSTYPE,MOUNTPOINTS")
	if out.Ran() && out.Err != nil {
		// util-linux before 2.37 has no MOUNTPOINTS column.
		out = s.cmd(ctx, "lsblk", "-J", "-o", "NAME,PATH,TYPE,FSTYPE,MOUNTPOINT")
	}
	if out.Err != nil {
		return cmdUnknown(out, cmd)
	}
	mounts, _ := s.readFile("/proc/mounts")
	return parseLsblk(out.Stdout, string(mounts))
}
