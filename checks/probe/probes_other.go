//go:build !linux && !windows && !darwin

package probe

import "context"

// platformProbes on an OS Hygie does not know only says so.
func platformProbes(system) []Probe {
	var ps []Probe
	for _, id := range IDs()[:6] {
		ps = append(ps, probeFunc{id, func(context.Context) Result {
			return unknown(CodeUnsupportedOS, Params{}, "no probe for this OS")
		}})
	}
	return ps
}
