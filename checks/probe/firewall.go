package probe

import (
	"fmt"
	"strings"
)

// fwState is what one firewall back end said.
type fwState int

const (
	fwAbsent     fwState = iota // not installed
	fwOff                       // installed but not filtering incoming connections
	fwOn                        // filtering incoming connections
	fwUnreadable                // present but unreadable without admin rights, or failed
)

// fwFinding is one firewall back end's state and the facts behind it.
type fwFinding struct {
	state   fwState
	details string
	code    Code // why, for fwUnreadable; what, for fwOff
}

// firewallDecision combines what the Linux back ends said: one filtering
// is enough; otherwise an inactive one is a failure; when nothing could be
// read, say so rather than guess.
func firewallDecision(fs []fwFinding) Result {
	var off, unreadable []string
	offCode, why := CodeFirewallNone, Code("")
	for _, f := range fs {
		switch f.state {
		case fwOn:
			return pass(CodeFirewallOn, Params{}, f.details)
		case fwOff:
			off = append(off, f.details)
			if f.code == CodeFirewallAllowsAll || offCode == CodeFirewallNone {
				offCode = f.code
			}
		case fwUnreadable:
			unreadable = append(unreadable, f.details)
			if why == "" {
				why = f.code
			}
		}
	}
	switch {
	case len(off) > 0:
		return fail(offCode, Params{}, strings.Join(off, "; "))
	case len(unreadable) > 0:
		return unknown(why, Params{}, strings.Join(unreadable, "; "))
	default:
		return fail(CodeFirewallNone, Params{}, "no firewall found: neither nftables, ufw nor firewalld")
	}
}

// nftChain is one chain of an nftables ruleset as far as filtering
// incoming connections goes.
type nftChain struct {
	table, name string
	input       bool // a base chain on the input hook
	policyDrop  bool
	blockRules  int // rules ending in drop or reject
}

func (c nftChain) protects() bool { return c.input && (c.policyDrop || c.blockRules > 0) }

// parseNftRuleset reads `nft list ruleset` (or /etc/nftables.conf, same
// syntax): the firewall is on when a chain hooked on input drops by
// default or has rules that drop or reject.
func parseNftRuleset(text, source string) fwFinding {
	chains := nftChains(text)
	var inputs int
	for _, c := range chains {
		if c.protects() {
			what := fmt.Sprintf("%d drop/reject rules", c.blockRules)
			if c.policyDrop {
				what = "policy drop"
			}
			return fwFinding{state: fwOn, details: fmt.Sprintf("%s: chain %s (table %s) with %s", source, c.name, c.table, what)}
		}
		if c.input {
			inputs++
		}
	}
	if inputs > 0 {
		return fwFinding{state: fwOff, code: CodeFirewallAllowsAll, details: source + ": input chain accepts everything (policy accept, no drop/reject rule)"}
	}
	return fwFinding{state: fwOff, code: CodeFirewallOff, details: source + ": no input chain filters incoming connections"}
}

// nftChains walks the ruleset line by line, tracking which block each
// line is in; it also reads one-line chains (`chain input { …; }`).
func nftChains(text string) []nftChain {
	var chains []nftChain
	var stack []string // "table", "chain" or "other"
	var table string
	var cur *nftChain
	for _, line := range strings.Split(text, "\n") {
		line = stripComment(line)
		if line == "" {
			continue
		}
		switch {
		case strings.HasPrefix(line, "table ") && strings.HasSuffix(line, "{"):
			table = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(line, "table "), "{"))
			stack = append(stack, "table")
		case strings.HasPrefix(line, "chain ") && strings.Contains(line, "{"):
			head, body, _ := strings.Cut(line, "{")
			chains = append(chains, nftChain{table: table, name: strings.TrimSpace(strings.TrimPrefix(head, "chain "))})
			cur = &chains[len(chains)-1]
			stack = append(stack, "chain")
			if body = strings.TrimSpace(body); strings.HasSuffix(body, "}") {
				nftStatements(cur, strings.TrimSuffix(body, "}"))
				stack, cur = stack[:len(stack)-1], nil
			} else {
				nftStatements(cur, body)
			}
		case line == "}":
			if len(stack) > 0 {
				if stack[len(stack)-1] == "chain" {
					cur = nil
				}
				stack = stack[:len(stack)-1]
			}
		case strings.HasSuffix(line, "{"):
			stack = append(stack, "other") // set, map, flowtable…
		case cur != nil && len(stack) > 0 && stack[len(stack)-1] == "chain":
			nftStatements(cur, line)
		}
	}
	return chains
}

// nftStatements reads one or more `;`-separated statements of a chain.
func nftStatements(c *nftChain, text string) {
	for _, st := range strings.Split(text, ";") {
		st = strings.TrimSpace(st)
		switch {
		case st == "":
		case strings.HasPrefix(st, "type filter ") && strings.Contains(st, " hook input "):
			c.input = true
		case strings.HasPrefix(st, "type "):
		case strings.HasPrefix(st, "policy "):
			p := strings.TrimSpace(strings.TrimPrefix(st, "policy "))
			c.policyDrop = p == "drop" || p == "reject"
		case nftBlockRule().MatchString(st):
			c.blockRules++
		}
	}
}

// nftBlockRule matches a rule whose verdict drops or rejects packets.
var nftBlockRule = lazyRegexp(`(^|\s)(drop|reject)(\s|$)`)

func stripComment(line string) string {
	if i := strings.Index(line, "#"); i >= 0 && !strings.Contains(line[:i], `"`) {
		line = line[:i]
	}
	return strings.TrimSpace(line)
}

// parseFirewalldState reads `firewall-cmd --state`: "running" or "not running".
func parseFirewalldState(out Output) fwFinding {
	line := firstLine(out.Both())
	switch {
	case out.Missing():
		return fwFinding{state: fwAbsent}
	case line == "running":
		return fwFinding{state: fwOn, details: "firewall-cmd --state: running"}
	case line == "not running":
		return fwFinding{state: fwOff, code: CodeFirewallOff, details: "firewall-cmd --state: not running"}
	}
	return unreadableFinding(out, "firewall-cmd --state")
}

// unreadableFinding is a back end whose command gave nothing usable.
func unreadableFinding(out Output, command string) fwFinding {
	return fwFinding{state: fwUnreadable, details: commandDetails(out, command), code: whyCommand(out)}
}

// parseUfwStatus reads `ufw status verbose`, which only root may run.
func parseUfwStatus(text string) (fwFinding, bool) {
	status := ufwField(text, "Status:")
	switch status {
	case "active":
		def := ufwField(text, "Default:")
		if strings.Contains(def, "allow (incoming)") {
			return fwFinding{state: fwOff, code: CodeFirewallAllowsAll, details: "ufw status: active, Default: " + def}, true
		}
		return fwFinding{state: fwOn, details: "ufw status: active"}, true
	case "inactive":
		return fwFinding{state: fwOff, code: CodeFirewallOff, details: "ufw status: inactive"}, true
	}
	return fwFinding{}, false
}

func ufwField(text, key string) string {
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); strings.HasPrefix(l, key) {
			return strings.TrimSpace(strings.TrimPrefix(l, key))
		}
	}
	return ""
}

// parseUfwConf reads ufw's settings files, which anyone may read:
// /etc/ufw/ufw.conf (ENABLED=yes) and /etc/default/ufw (DEFAULT_INPUT_POLICY).
func parseUfwConf(conf, defaults string) fwFinding {
	enabled := strings.ToLower(shellVar(conf, "ENABLED"))
	policy := strings.ToUpper(shellVar(defaults, "DEFAULT_INPUT_POLICY"))
	switch {
	case enabled == "yes" && policy == "ACCEPT":
		return fwFinding{state: fwOff, code: CodeFirewallAllowsAll, details: "ufw: /etc/ufw/ufw.conf ENABLED=yes, /etc/default/ufw DEFAULT_INPUT_POLICY=ACCEPT"}
	case enabled == "yes":
		return fwFinding{state: fwOn, details: "ufw: /etc/ufw/ufw.conf ENABLED=yes"}
	case enabled == "no":
		return fwFinding{state: fwOff, code: CodeFirewallOff, details: "ufw: /etc/ufw/ufw.conf ENABLED=no"}
	}
	return fwFinding{state: fwAbsent}
}

// shellVar reads KEY=value (value possibly quoted) from a shell-style file.
func shellVar(text, key string) string {
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if v, ok := strings.CutPrefix(l, key+"="); ok {
			return strings.Trim(strings.TrimSpace(v), `"'`)
		}
	}
	return ""
}

// macFirewallState matches socketfilterfw's "(State = 1)".
var macFirewallState = lazyRegexp(`\(State = (\d)\)`)

// parseMacFirewall reads `socketfilterfw --getglobalstate` (or the number
// printed by `defaults read /Library/Preferences/com.apple.alf globalstate`
// on older macOS): 1 is on, 2 is on and blocking everything, 0 is off.
func parseMacFirewall(text, source string) Result {
	state := ""
	if m := macFirewallState().FindStringSubmatch(text); m != nil {
		state = m[1]
	} else if t := strings.TrimSpace(text); len(t) == 1 {
		state = t
	}
	details := source + ": " + firstLine(text)
	switch state {
	case "1", "2":
		return pass(CodeFirewallOn, Params{}, details)
	case "0":
		return fail(CodeFirewallOff, Params{}, details)
	}
	return unknown(CodeUnreadable, Params{}, details)
}

// winFirewall is what the Windows firewall script prints.
type winFirewall struct {
	Profiles many[winFirewallProfile]
	Products many[wscProduct]
}

type winFirewallProfile struct {
	Name                 flex
	Enabled              flex
	DefaultInboundAction flex
}

// parseWinFirewall reads the JSON of Get-NetFirewallProfile (effective
// policy) and of the Security Center's firewall products: every profile
// must be on and block unsolicited inbound connections, unless another
// registered firewall is on.
func parseWinFirewall(text string) Result {
	var fw winFirewall
	if err := decodePS(text, &fw); err != nil || len(fw.Profiles) == 0 {
		return unknown(CodeUnreadable, Params{}, "Get-NetFirewallProfile: no profile in the answer")
	}
	var off, facts []string
	for _, p := range fw.Profiles {
		name := p.Name.String()
		on, ok := p.Enabled.boolean()
		facts = append(facts, fmt.Sprintf("%s Enabled=%s DefaultInboundAction=%s", name, p.Enabled, p.DefaultInboundAction))
		if !ok || !on || strings.EqualFold(p.DefaultInboundAction.String(), "Allow") {
			off = append(off, name)
		}
	}
	details := "Get-NetFirewallProfile: " + strings.Join(facts, "; ")
	if len(off) == 0 {
		return pass(CodeFirewallOn, Params{}, details)
	}
	if p, ok := firstOn(fw.Products); ok && !isDefender(p.name()) {
		return pass(CodeFirewallOnNamed, Params{Name: p.name()}, details+"; SecurityCenter2: "+p.name()+" on")
	}
	return fail(CodeFirewallProfiles, Params{Names: off}, details)
}
