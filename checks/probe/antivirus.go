package probe

import (
	"fmt"
	"strings"
	"time"
)

// maxSignatureAge is how old antivirus signatures may be: they are
// published several times a day, so a week means updates are broken.
const maxSignatureAge = 7 * 24 * time.Hour

// maxXProtectAge is how long XProtect may go without an update: Apple
// publishes one every few weeks.
const maxXProtectAge = 60 * 24 * time.Hour

// parseClamVersion reads `clamscan --version` or `clamdscan --version`:
// "ClamAV 1.0.5/27190/Tue Feb 20 08:23:45 2024" (engine/database/date).
func parseClamVersion(text string, now time.Time) Result {
	line := firstLine(text)
	details := "clamscan --version: " + line
	parts := strings.SplitN(strings.TrimPrefix(line, "ClamAV "), "/", 3)
	p := Params{Name: "ClamAV"}
	if !strings.HasPrefix(line, "ClamAV ") {
		// Linux desktops ship no antivirus and none is expected, so an
		// unreadable one is said plainly rather than failed.
		return unknown(CodeAVNoneLinux, Params{}, details)
	}
	if len(parts) < 3 {
		return fail(CodeAVNoSignatures, p, details)
	}
	date, err := time.Parse(time.ANSIC, strings.TrimSpace(parts[2]))
	if err != nil {
		return unknown(CodeUnreadable, Params{}, details)
	}
	p.Age = now.Sub(date)
	if p.Age > maxSignatureAge {
		return fail(CodeAVStale, p, details)
	}
	return pass(CodeAVFresh, p, details)
}

// winAntivirus is what the antivirus script prints.
type winAntivirus struct {
	Defender      *winDefender
	DefenderError flex
	Products      many[wscProduct]
}

// winDefender holds the fields of Get-MpComputerStatus we use.
type winDefender struct {
	AMServiceEnabled          flex
	AntivirusEnabled          flex
	RealTimeProtectionEnabled flex
	AntivirusSignatureAge     flex // days
	AMRunningMode             flex // "Normal", "Passive Mode", "EDR Block Mode"…
}

// active reports whether Defender is the antivirus actually protecting.
func (d winDefender) active() bool {
	svc, _ := d.AMServiceEnabled.boolean()
	av, _ := d.AntivirusEnabled.boolean()
	rt, _ := d.RealTimeProtectionEnabled.boolean()
	mode := d.AMRunningMode.String()
	return svc && av && rt && (mode == "" || mode == "Normal")
}

// parseWinAntivirus passes when some antivirus is on with fresh
// signatures: a third-party product per the Security Center, or Defender
// per Get-MpComputerStatus.
func parseWinAntivirus(text string) Result {
	var a winAntivirus
	if err := decodePS(text, &a); err != nil {
		return unknown(CodeUnreadable, Params{}, "antivirus script: "+err.Error())
	}
	details := a.details()
	for _, p := range a.Products {
		if p.on() && !p.outdated() && !isDefender(p.name()) {
			return pass(CodeAVActive, Params{Name: p.name()}, details)
		}
	}
	const defender = "Microsoft Defender"
	if d := a.Defender; d != nil && d.active() {
		days, ok := d.AntivirusSignatureAge.integer()
		age := time.Duration(days) * 24 * time.Hour
		switch {
		case !ok:
			return pass(CodeAVActive, Params{Name: defender}, details)
		case age > maxSignatureAge:
			return fail(CodeAVStale, Params{Name: defender, Age: age}, details)
		}
		return pass(CodeAVActive, Params{Name: defender}, details)
	}
	for _, p := range a.Products {
		if p.on() {
			return fail(CodeAVOutdated, Params{Name: p.name()}, details)
		}
	}
	if a.Defender != nil || len(a.Products) > 0 {
		return fail(CodeAVOff, Params{}, details)
	}
	return unknown(CodeAVNoStatus, Params{}, "Get-MpComputerStatus: "+clip(a.DefenderError.String(), 120))
}

// details lists what Windows said of Defender and of each registered
// product.
func (a winAntivirus) details() string {
	var facts []string
	if d := a.Defender; d != nil {
		facts = append(facts, fmt.Sprintf("Get-MpComputerStatus: AMServiceEnabled=%s AntivirusEnabled=%s RealTimeProtectionEnabled=%s AntivirusSignatureAge=%s AMRunningMode=%s",
			d.AMServiceEnabled, d.AntivirusEnabled, d.RealTimeProtectionEnabled, d.AntivirusSignatureAge, d.AMRunningMode))
	}
	for _, p := range a.Products {
		facts = append(facts, fmt.Sprintf("SecurityCenter2: %s productState=%s", p.name(), p.ProductState))
	}
	return strings.Join(facts, "; ")
}

// xprotectNewer reports whether XProtect version a is newer than b (plain
// integers such as "5287"), so the newer of two installed copies is kept.
func xprotectNewer(a, b string) bool {
	if len(a) != len(b) {
		return len(a) > len(b)
	}
	return a > b
}

// xprotectVerdict decides from XProtect's version and the date its
// bundle was last written. XProtect is built into macOS and cannot be
// turned off; what matters is that Apple's updates reach it.
func xprotectVerdict(version string, updated, now time.Time) Result {
	if version == "" {
		return unknown(CodeXProtectMissing, Params{}, "XProtect.bundle: not found")
	}
	details := "XProtect " + version
	if updated.IsZero() {
		return pass(CodeXProtectOK, Params{}, details)
	}
	p := Params{Age: now.Sub(updated)}
	details += ", Info.plist modified " + updated.UTC().Format(time.RFC3339)
	if p.Age > maxXProtectAge {
		return fail(CodeXProtectStale, p, details)
	}
	return pass(CodeXProtectOK, p, details)
}
