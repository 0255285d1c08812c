package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"hygie/checks"
	"hygie/checks/probe"
)

var generated = time.Date(2026, 11, 22, 18, 45, 0, 0, time.Local)

func sample() Data {
	today := checks.DayOf(generated)
	r := checks.Records{NA: map[string]checks.NotApplicable{}, Probes: map[string]probe.Result{}}
	for k := 0; k < 10; k++ {
		r.Ticks = append(r.Ticks, checks.Tick{Item: "lock-session", Day: checks.AddDays(today, -k), At: generated, Source: checks.Manual})
	}
	r.Ticks = append(r.Ticks, checks.Tick{Item: "firewall-on", Day: today, At: generated, Source: checks.Automatic, Evidence: "ufw status: active"})
	r.Probes[probe.Firewall] = probe.Result{ID: probe.Firewall, Status: probe.Pass, Code: probe.CodeFirewallOn, Details: "ufw status: active", At: generated}
	r.Probes[probe.Backup] = probe.Result{ID: probe.Backup, Status: probe.Fail, Code: probe.CodeBackupOld,
		Params: probe.Params{Age: 72 * time.Hour, Limit: 26 * time.Hour}, Details: "newest entry: 2026-11-19/cabinet.db", At: generated}
	r.Probes[probe.ScreenLock] = probe.Result{ID: probe.ScreenLock, Status: probe.Unknown, Code: probe.CodeLockNoDesktop,
		Details: "XDG_CURRENT_DESKTOP is empty", At: generated}
	r.NA["2fa-doctolib"] = checks.NotApplicable{Item: "2fa-doctolib", Reason: "Le cabinet n'utilise pas Doctolib", Since: today}
	r.Accounts = []checks.Account{
		{Name: "Banque du cabinet", Kind: checks.KindBank, Enabled: true, Method: checks.MethodSMS},
		{Name: "Messagerie Orange", Kind: checks.KindMail},
	}
	return Data{Generated: generated, Practice: "Cabinet de kinésithérapie des Tilleuls", Practitioner: "Élise Martin", Records: r}
}

// wantText must appear in the report; accents included, to prove the
// cp1252 translation works.
var wantText = []string{
	"Hygiène informatique du cabinet",
	"Cabinet de kinésithérapie des Tilleuls",
	"Praticien : Élise Martin",
	"22 novembre 2026",
	"Score d'hygiène : ",
	"Verrouiller la session en quittant le poste",
	"Vérifié automatiquement le 22/11/2026 : Le pare-feu est actif.",
	"Détails : ufw status: active",
	"Vérification automatique en échec le 22/11/2026 : Dernière sauvegarde il y a 3 jours : plus ancienne que 26 h.",
	"Détails : newest entry: 2026-11-19/cabinet.db",
	"Non vérifiable automatiquement : Hygie ne voit pas de session graphique",
	"Non applicable : Le cabinet n'utilise pas Doctolib",
	"Les 90 derniers jours",
	"Messagerie Orange — messagerie — double authentification désactivée",
	"Banque du cabinet",
}

// reportText renders d and reads it back with pdftotext, spaces folded.
func reportText(t *testing.T, d Data) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatal("pdftotext (poppler-utils) is not installed: `make test` installs it")
	}
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "%PDF-") {
		t.Fatalf("not a PDF: %q", buf.String()[:20])
	}
	path := filepath.Join(t.TempDir(), "rapport.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// TestReportTextWithPdftotext reads the rendered PDF back as text.
func TestReportTextWithPdftotext(t *testing.T) {
	text := reportText(t, sample())
	for _, w := range wantText {
		if !strings.Contains(text, w) {
			t.Errorf("report text lacks %q\n%s", w, text)
		}
	}
	score := sample().Records.Score(checks.DayOf(generated)).Total
	if !strings.Contains(text, "Score d'hygiène : "+strconv.Itoa(score)+" / 100") {
		t.Errorf("report does not show the score %d", score)
	}
}

// TestReportPrintsEverySign: the report's fonts are embedded UTF-8 fonts
// (pdfdoc), so a practice name with signs outside Latin-1 prints as typed;
// the core fonts it used before turned them into « ? ».
func TestReportPrintsEverySign(t *testing.T) {
	d := sample()
	d.Practice = "Cabinet Œuvre — kiné → 2026"
	if text := reportText(t, d); !strings.Contains(text, "Cabinet Œuvre — kiné → 2026") {
		t.Errorf("report text lacks the practice's name as typed:\n%s", text)
	}
}

func TestEmptyReport(t *testing.T) {
	var buf bytes.Buffer
	d := Data{Generated: generated, Records: checks.Records{}}
	if err := Write(&buf, d); err != nil || buf.Len() < 1000 {
		t.Fatalf("empty report: %d bytes, %v", buf.Len(), err)
	}
	if text := reportText(t, d); strings.Contains(text, "Praticien") {
		t.Errorf("report without names mentions a practitioner:\n%s", text)
	}
}

// TestReportNamesTheDiagnosticShare: once a diagnostic counts in the
// score, the report says so next to the formula.
func TestReportNamesTheDiagnosticShare(t *testing.T) {
	d := sample()
	share := 0.6
	d.Records.Diagnostic = &share
	if want := "Diagnostic du cabinet enregistré (60 %"; !strings.Contains(reportText(t, d), want) {
		t.Errorf("report does not name the diagnostic's share")
	}
}
