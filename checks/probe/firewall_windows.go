package probe

import "context"

func (s system) firewall(ctx context.Context) Result {
	return s.psProbe(ctx, "Get-NetFirewallProfile", psFirewall, parseWinFirewall)
}
