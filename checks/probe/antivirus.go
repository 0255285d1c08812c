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

// whyNoLinuxAV is said plainly: Linux desktops ship no antivirus and none
// is expected, so its absence is not a failure.
const whyNoLinuxAV = "Aucun antivirus n'est attendu sous Linux : vérifiez auprès de votre prestataire."

// parseClamVersion reads `clamscan --version` or `clamdscan --version`:
// "ClamAV 1.0.5/27190/Tue Feb 20 08:23:45 2024" (engine/database/date).
func parseClamVersion(text string, now time.Time) Result {
	line := firstLine(text)
	parts := strings.SplitN(strings.TrimPrefix(line, "ClamAV "), "/", 3)
	if !strings.HasPrefix(line, "ClamAV ") {
		return unknown("clamscan --version : "+line, whyNoLinuxAV)
	}
	if len(parts) < 3 {
		return fail("ClamAV " + parts[0] + " est installé mais n'a pas de base de signatures")
	}
	date, err := time.Parse(time.ANSIC, strings.TrimSpace(parts[2]))
	if err != nil {
		return unknown("clamscan --version : "+line, "Hygie n'a pas compris la date des signatures de ClamAV.")
	}
	age := now.Sub(date)
	ev := fmt.Sprintf("ClamAV %s : signatures du %s (%s)", parts[0], date.Format("02/01/2006"), agoFR(age))
	if age > maxSignatureAge {
		return fail(ev + " : elles ne se mettent plus à jour")
	}
	return pass(ev)
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
		return unknown("Antivirus : réponse illisible", "Hygie n'a pas pu lire l'état de l'antivirus.")
	}
	for _, p := range a.Products {
		if p.on() && !p.outdated() && !isDefender(p.name()) {
			return pass("« " + p.name() + " » actif et à jour (Centre de sécurité Windows)")
		}
	}
	if d := a.Defender; d != nil && d.active() {
		days, ok := d.AntivirusSignatureAge.integer()
		ev := "Microsoft Defender : protection en temps réel active"
		switch {
		case !ok:
			return pass(ev)
		case time.Duration(days)*24*time.Hour > maxSignatureAge:
			return fail(fmt.Sprintf("%s, mais signatures vieilles de %s", ev, daysFR(int(days))))
		}
		return pass(fmt.Sprintf("%s, signatures de moins de %s", ev, daysFR(int(days)+1)))
	}
	for _, p := range a.Products {
		if p.on() {
			return fail("« " + p.name() + " » est actif mais ses signatures ne sont pas à jour")
		}
	}
	if a.Defender != nil {
		return fail("Microsoft Defender : protection en temps réel désactivée, et aucun autre antivirus actif")
	}
	if len(a.Products) > 0 {
		return fail("Aucun antivirus actif (Centre de sécurité Windows : " + a.Products[0].name() + " désactivé)")
	}
	return unknown("Get-MpComputerStatus : "+clip(a.DefenderError.String(), 120), "Windows n'a pas indiqué l'état de son antivirus.")
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
		return unknown("XProtect introuvable", "Hygie n'a pas trouvé XProtect, l'antivirus intégré de macOS.")
	}
	ev := "XProtect (antivirus intégré de macOS) version " + version
	if updated.IsZero() {
		return pass(ev)
	}
	age := now.Sub(updated)
	ev += ", mis à jour " + agoFR(age)
	if age > maxXProtectAge {
		return fail(ev + " : activez « Installer les fichiers de données de sécurité » dans les mises à jour")
	}
	return pass(ev)
}
