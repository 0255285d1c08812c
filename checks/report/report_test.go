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

// TestReportTextWithPdftotext reads the rendered PDF back as text.
func TestReportTextWithPdftotext(t *testing.T) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) not installed; TestReportRawText still checks the content")
	}
	var buf bytes.Buffer
	if err := Write(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "rapport.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
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

// TestReportRawText needs no tool: the uncompressed pages hold each line
// as a cp1252 string.
func TestReportRawText(t *testing.T) {
	var buf bytes.Buffer
	if err := write(&buf, sample(), false); err != nil {
		t.Fatal(err)
	}
	raw := buf.String()
	if !strings.HasPrefix(raw, "%PDF-") {
		t.Fatalf("not a PDF: %q", raw[:20])
	}
	for _, w := range []string{"Hygiène informatique du cabinet", "Cabinet de kinésithérapie des Tilleuls", "Praticien : Élise Martin", "Verrouiller la session en quittant le poste", "Banque du cabinet", "Les 90 derniers jours"} {
		if !strings.Contains(raw, cp1252(w)) {
			t.Errorf("raw PDF lacks %q", w)
		}
	}
	if strings.Contains(raw, "Hygiène") {
		t.Errorf("raw PDF holds UTF-8 text: accents were not translated to cp1252")
	}
}

func TestEmptyReport(t *testing.T) {
	var buf bytes.Buffer
	d := Data{Generated: generated, Records: checks.Records{}}
	if err := Write(&buf, d); err != nil || buf.Len() < 1000 {
		t.Fatalf("empty report: %d bytes, %v", buf.Len(), err)
	}
	buf.Reset()
	if err := write(&buf, d, false); err != nil || strings.Contains(buf.String(), "Praticien") {
		t.Errorf("report without names mentions a practitioner (%v)", err)
	}
}

// cp1252 encodes the Latin-1 part of s as single bytes, like the report.
func cp1252(s string) string {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r))
	}
	return string(b)
}

// TestReportNamesTheDiagnosticShare: once a diagnostic counts in the
// score, the report says so next to the formula.
func TestReportNamesTheDiagnosticShare(t *testing.T) {
	d := sample()
	share := 0.6
	d.Records.Diagnostic = &share
	var buf bytes.Buffer
	if err := write(&buf, d, false); err != nil {
		t.Fatal(err)
	}
	if want := cp1252("Diagnostic du cabinet enregistré \\(60 %"); !strings.Contains(buf.String(), want) {
		t.Errorf("report does not name the diagnostic's share")
	}
}
