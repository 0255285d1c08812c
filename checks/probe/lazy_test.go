package probe

import (
	"regexp"
	"testing"
)

// TestTablesLoad reads the reasons and compiles every expression loaded on
// first use, those of the other systems' probes included, so that a broken
// one fails here on any system.
func TestTablesLoad(t *testing.T) {
	loads := map[string]func(){"catalogue": func() { catalogue() }}
	for name, re := range map[string]func() *regexp.Regexp{
		"fdePercent": fdePercent, "macScreenLock": macScreenLock,
		"pmsetDisplaySleep": pmsetDisplaySleep, "nftBlockRule": nftBlockRule,
		"macFirewallState": macFirewallState, "plistKey": plistKey,
		"plistDisplay": plistDisplay,
	} {
		loads[name] = func() { re() }
	}
	for name, load := range loads {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s: %v", name, r)
				}
			}()
			load()
		}()
	}
}
