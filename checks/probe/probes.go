//go:build linux || windows || darwin

package probe

// platformProbes lists the probes of this OS; each method is defined in
// the <probe>_<os>.go file of the same name.
func platformProbes(s system) []Probe {
	return []Probe{
		probeFunc{Firewall, s.firewall},
		probeFunc{Updates, s.updates},
		probeFunc{DiskEncryption, s.diskEncryption},
		probeFunc{ScreenLock, s.screenLock},
		probeFunc{Antivirus, s.antivirus},
		probeFunc{AdminAccounts, s.adminAccounts},
	}
}
