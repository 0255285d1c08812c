package probe

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

// declaredCodes reads every Code constant of codes.go, so a code added
// there without wording fails the test below.
func declaredCodes(t *testing.T) map[Code]string {
	t.Helper()
	b, err := os.ReadFile("codes.go")
	if err != nil {
		t.Fatal(err)
	}
	out := map[Code]string{}
	for _, m := range regexp.MustCompile(`(Code\w+)\s+Code = "([^"]+)"`).FindAllStringSubmatch(string(b), -1) {
		out[Code(m[2])] = m[1]
	}
	if len(out) < 50 {
		t.Fatalf("found only %d codes in codes.go", len(out))
	}
	return out
}

// technical matches what belongs in Details, never in a sentence: paths,
// options, commands, package and device names.
var technical = regexp.MustCompile(`/|\\|--|\b(apt|dnf|lsblk|nft|nftables|ufw|firewalld|firewall-cmd|gsettings|kreadconfig\d?|getent|sudo|wheel|dscl|fdesetup|socketfilterfw|softwareupdate|sysadminctl|pmset|defaults|clamscan|powershell|Get-\w+|dev|vda|sda|root)\b|[A-Za-z]+=`)

var placeholder = regexp.MustCompile(`\{[a-z]+\}`)

var knownPlaceholders = map[string]bool{"{count}": true, "{security}": true, "{name}": true, "{names}": true,
	"{ago}": true, "{age}": true, "{limit}": true, "{delay}": true, "{date}": true}

func TestEveryCodeIsWordedInBothLanguages(t *testing.T) {
	declared := declaredCodes(t)
	for code, name := range declared {
		w, ok := catalogue().Reasons[code]
		if !ok {
			t.Errorf("%s (%q) has no wording in data/reasons.json", name, code)
			continue
		}
		if !w.Other.Complete() {
			t.Errorf("%s: the other form is not written in both languages: %+v", code, w.Other)
		}
		if (w.One.FR != "" || w.One.EN != "") && !w.One.Complete() {
			t.Errorf("%s: the one form is not written in both languages: %+v", code, w.One)
		}
	}
	for code := range catalogue().Reasons {
		if _, ok := declared[code]; !ok {
			t.Errorf("data/reasons.json words %q, which no constant declares", code)
		}
	}
}

func TestWordingHasNoCommandOrPath(t *testing.T) {
	for code, w := range catalogue().Reasons {
		for _, s := range []string{w.One.FR, w.One.EN, w.Other.FR, w.Other.EN} {
			if m := technical.FindString(s); m != "" {
				t.Errorf("%s: %q holds %q, which belongs in Details", code, s, m)
			}
			if strings.Contains(s, "(s)") {
				t.Errorf("%s: %q writes a plural as (s)", code, s)
			}
			for _, p := range placeholder.FindAllString(s, -1) {
				if !knownPlaceholders[p] {
					t.Errorf("%s: %q uses unknown placeholder %s", code, s, p)
				}
			}
		}
	}
}

var textCases = []struct {
	r      Result
	fr, en string
}{
	{Result{Code: CodeUpdatesPending, Params: Params{Count: 1}}, "1 mise à jour en attente.", "1 update waiting."},
	{Result{Code: CodeUpdatesPending, Params: Params{Count: 3}}, "3 mises à jour en attente.", "3 updates waiting."},
	{Result{Code: CodeUpdatesSecurity, Params: Params{Count: 132, Security: 88}},
		"132 mises à jour en attente, dont 88 de sécurité.", "132 updates waiting, including 88 for security."},
	{Result{Code: CodeDiskPlain}, "Le disque n'est pas chiffré.", "The disk is not encrypted."},
	{Result{Code: CodeFirewallNone}, "Aucun pare-feu actif.", "No firewall is active."},
	{Result{Code: CodeFirewallProfiles, Params: Params{Names: []string{"Private", "Public"}}},
		"Le pare-feu Windows ne protège pas les réseaux privé et public.", "The Windows firewall does not protect the private and public networks."},
	{Result{Code: CodeDrivesPlain, Params: Params{Names: []string{"D:"}}},
		"Le disque D: n'est pas protégé par le chiffrement BitLocker.", "Drive D: is not protected by BitLocker encryption."},
	{Result{Code: CodeBackupOld, Params: Params{Age: 9 * day, Limit: 26 * time.Hour}},
		"Dernière sauvegarde il y a 9 jours : plus ancienne que 26 h.", "Last backup 9 days ago: older than 26 h."},
	{Result{Code: CodeLockTooLate, Params: Params{Delay: 930}},
		"L'écran ne se verrouille qu'après 15 min 30 s d'inactivité, plus de 5 min.", "The screen only locks after 15 min 30 s of inactivity, more than 5 min."},
	{Result{Code: CodeUpdatesPaused, Params: Params{Date: time.Date(2024, 3, 6, 12, 0, 0, 0, time.Local)}},
		"Les mises à jour sont suspendues jusqu'au 06/03/2024.", "Updates are paused until 6 Mar 2024."},
	{Result{Code: "no.such.code"}, "Résultat enregistré par une version précédente d'Hygie : relancez la vérification.",
		"Result saved by an earlier version of Hygie: run the check again."},
}

func TestTextInBothLanguages(t *testing.T) {
	cases := append(textCases, struct {
		r      Result
		fr, en string
	}{parseWinAdmins(readTestdata(t, "windows/admin_accounts_user_is_admin.txt")),
		"Votre compte « Marie » est administrateur : gardez un compte à part pour administrer l'ordinateur.",
		"Your account “Marie” is an administrator: keep a separate account for administering the computer."})
	for _, c := range cases {
		if got := c.r.Text("fr"); got != c.fr {
			t.Errorf("%s %+v in French = %q, want %q", c.r.Code, c.r.Params, got, c.fr)
		}
		if got := c.r.Text("en-GB"); got != c.en {
			t.Errorf("%s %+v in English = %q, want %q", c.r.Code, c.r.Params, got, c.en)
		}
	}
}
