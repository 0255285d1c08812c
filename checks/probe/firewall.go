package probe

import (
	"fmt"
	"regexp"
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

// fwFinding is one firewall back end's state and the evidence for it.
type fwFinding struct {
	state    fwState
	evidence string
	why      string // for fwUnreadable
}

// firewallDecision combines what the Linux back ends said: one filtering
// is enough; otherwise an inactive one is a failure; when nothing could be
// read, say so rather than guess.
func firewallDecision(fs []fwFinding) Result {
	var off, unreadable []string
	why := ""
	for _, f := range fs {
		switch f.state {
		case fwOn:
			return pass(f.evidence)
		case fwOff:
			off = append(off, f.evidence)
		case fwUnreadable:
			unreadable = append(unreadable, f.evidence)
			if why == "" {
				why = f.why
			}
		}
	}
	switch {
	case len(off) > 0:
		return fail(strings.Join(off, " ; "))
	case len(unreadable) > 0:
		return unknown(strings.Join(unreadable, " ; "), why)
	default:
		return fail("Aucun pare-feu trouvé : ni nftables, ni ufw, ni firewalld")
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
			what := fmt.Sprintf("%d règle(s) de blocage", c.blockRules)
			if c.policyDrop {
				what = "politique drop"
			}
			return fwFinding{state: fwOn, evidence: fmt.Sprintf("%s : chaîne %s (table %s) avec %s", source, c.name, c.table, what)}
		}
		if c.input {
			inputs++
		}
	}
	if inputs > 0 {
		return fwFinding{state: fwOff, evidence: source + " : les connexions entrantes sont toutes acceptées (politique accept, aucune règle de blocage)"}
	}
	return fwFinding{state: fwOff, evidence: source + " : aucune règle ne filtre les connexions entrantes"}
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
		case nftBlockRule.MatchString(st):
			c.blockRules++
		}
	}
}

// nftBlockRule matches a rule whose verdict drops or rejects packets.
var nftBlockRule = regexp.MustCompile(`(^|\s)(drop|reject)(\s|$)`)

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
		return fwFinding{state: fwOn, evidence: "firewall-cmd --state : running"}
	case line == "not running":
		return fwFinding{state: fwOff, evidence: "firewalld : arrêté (firewall-cmd --state : not running)"}
	}
	return fwFinding{state: fwUnreadable, evidence: evidenceOf(out, "firewall-cmd --state"), why: whyCommand(out, "firewall-cmd --state")}
}

// parseUfwStatus reads `ufw status verbose`, which only root may run.
func parseUfwStatus(text string) (fwFinding, bool) {
	status := ufwField(text, "Status:")
	switch status {
	case "active":
		def := ufwField(text, "Default:")
		if strings.Contains(def, "allow (incoming)") {
			return fwFinding{state: fwOff, evidence: "ufw status : actif mais accepte toutes les connexions entrantes (" + def + ")"}, true
		}
		return fwFinding{state: fwOn, evidence: "ufw status : active"}, true
	case "inactive":
		return fwFinding{state: fwOff, evidence: "ufw : inactif (ufw status : inactive)"}, true
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
		return fwFinding{state: fwOff, evidence: "ufw : activé mais accepte toutes les connexions entrantes (/etc/default/ufw : DEFAULT_INPUT_POLICY=ACCEPT)"}
	case enabled == "yes":
		return fwFinding{state: fwOn, evidence: "ufw : activé (/etc/ufw/ufw.conf : ENABLED=yes)"}
	case enabled == "no":
		return fwFinding{state: fwOff, evidence: "ufw : inactif (/etc/ufw/ufw.conf : ENABLED=no)"}
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
var macFirewallState = regexp.MustCompile(`\(State = (\d)\)`)

// parseMacFirewall reads `socketfilterfw --getglobalstate` (or the number
// printed by `defaults read /Library/Preferences/com.apple.alf globalstate`
// on older macOS): 1 is on, 2 is on and blocking everything, 0 is off.
func parseMacFirewall(text, source string) Result {
	state := ""
	if m := macFirewallState.FindStringSubmatch(text); m != nil {
		state = m[1]
	} else if t := strings.TrimSpace(text); len(t) == 1 {
		state = t
	}
	line := firstLine(text)
	switch state {
	case "1", "2":
		return pass(source + " : " + line)
	case "0":
		return fail("Pare-feu de macOS désactivé (" + source + " : " + line + ")")
	}
	return unknown(source+" : "+line, "Hygie n'a pas reconnu l'état du pare-feu de macOS.")
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

// profileFR names Windows' network profiles as French Windows does.
var profileFR = map[string]string{"domain": "domaine", "private": "privé", "public": "public"}

// parseWinFirewall reads the JSON of Get-NetFirewallProfile (effective
// policy) and of the Security Center's firewall products: every profile
// must be on and block unsolicited inbound connections, unless another
// registered firewall is on.
func parseWinFirewall(text string) Result {
	var fw winFirewall
	if err := decodePS(text, &fw); err != nil || len(fw.Profiles) == 0 {
		return unknown("Get-NetFirewallProfile : réponse illisible", "Hygie n'a pas pu lire l'état du pare-feu Windows.")
	}
	var off, names []string
	for _, p := range fw.Profiles {
		name := profileFR[strings.ToLower(p.Name.String())]
		if name == "" {
			name = p.Name.String()
		}
		names = append(names, name)
		on, ok := p.Enabled.boolean()
		switch {
		case !ok || !on:
			off = append(off, name+" (désactivé)")
		case strings.EqualFold(p.DefaultInboundAction.String(), "Allow"):
			off = append(off, name+" (laisse tout entrer)")
		}
	}
	if len(off) == 0 {
		return pass("Get-NetFirewallProfile : pare-feu Windows actif pour les profils " + listFR(names, 5))
	}
	if p, ok := firstOn(fw.Products); ok && !isDefender(p.name()) {
		return pass("Pare-feu « " + p.name() + " » actif (Centre de sécurité Windows)")
	}
	return fail("Get-NetFirewallProfile : pare-feu Windows inactif pour le profil " + listFR(off, 5))
}
