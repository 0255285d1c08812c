package probe

import (
	"context"
	"strings"
)

// firewall asks each Linux firewall back end in turn. nft and ufw only
// answer root; as a normal user, their settings files still tell whether
// they are switched on.
func (s system) firewall(ctx context.Context) Result {
	return firewallDecision([]fwFinding{
		s.nftFinding(ctx),
		parseFirewalldState(s.cmd(ctx, "firewall-cmd", "--state")),
		s.ufwFinding(ctx),
	})
}

func (s system) nftFinding(ctx context.Context) fwFinding {
	const cmd = "nft list ruleset"
	out := s.cmd(ctx, "nft", "list", "ruleset")
	switch {
	case out.Missing():
		return fwFinding{state: fwAbsent}
	case out.Err == nil:
		return parseNftRuleset(out.Stdout, cmd)
	}
	// Not root: the nftables service loads /etc/nftables.conf, readable by all.
	if svc := s.cmd(ctx, "systemctl", "is-active", "nftables"); firstLine(svc.Stdout) == "active" {
		if b, err := s.readFile("/etc/nftables.conf"); err == nil {
			if f := parseNftRuleset(string(b), "/etc/nftables.conf (nftables service active)"); f.state == fwOn {
				return f
			}
		}
	}
	return unreadableFinding(out, cmd)
}

func (s system) ufwFinding(ctx context.Context) fwFinding {
	out := s.cmd(ctx, "ufw", "status", "verbose")
	if out.Missing() {
		return fwFinding{state: fwAbsent}
	}
	if out.Err == nil {
		if f, ok := parseUfwStatus(out.Stdout); ok {
			return f
		}
	}
	conf, err := s.readFile("/etc/ufw/ufw.conf")
	if err != nil {
		return unreadableFinding(out, "ufw status")
	}
	defaults, _ := s.readFile("/etc/default/ufw")
	f := parseUfwConf(string(conf), string(defaults))
	if f.state == fwAbsent && !strings.Contains(string(conf), "ENABLED") {
		return unreadableFinding(out, "ufw status")
	}
	return f
}
