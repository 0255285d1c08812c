package probe

import "context"

// updates lists pending package updates without refreshing the package
// lists (that needs root and the network): it reports what the system's
// own last refresh found.
func (s system) updates(ctx context.Context) Result {
	if out := s.cmd(ctx, "apt", "list", "--upgradable"); !out.Missing() {
		if out.Err != nil {
			return cmdUnknown(out, "apt list --upgradable")
		}
		return parseAptUpgradable(out.Stdout)
	}
	// -C: from the cache only, so dnf neither downloads nor needs root.
	if out := s.cmd(ctx, "dnf", "-q", "-C", "check-update"); !out.Missing() {
		return parseDnfCheckUpdate(out)
	}
	return unknown(CodeUpdatesNoManager, Params{}, "neither apt nor dnf found")
}
