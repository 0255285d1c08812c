package checks

import (
	"testing"

	"hygie/checks/probe"
	"hygie/guides"
)

// guideIDs are the guide ids agreed with the guides package.
var guideIDs = map[string]bool{
	"hygiene-essentiels": true, "bonnes-pratiques-cpme": true, "memento-ans-liberaux": true,
	"livret-cyber-urps-mk": true, "mssante": true, "mots-de-passe": true, "double-authentification": true,
	"hameconnage": true, "fraude-virement": true, "sauvegardes": true, "rancongiciel": true,
	"mises-a-jour-antivirus": true, "pare-feu": true, "chiffrement-disque": true, "verrouillage-usb": true,
	"wifi-acces-distance": true, "comptes-et-droits": true, "rgpd-cabinet": true,
	"plan-reponse-incident": true, "objets-connectes-telesante": true, "choisir-prestataire": true,
}

var probeIDs = map[string]bool{
	probe.Firewall: true, probe.Updates: true, probe.DiskEncryption: true, probe.ScreenLock: true,
	probe.Antivirus: true, probe.AdminAccounts: true, probe.Backup: true,
}

func TestCatalogueIsWellFormed(t *testing.T) {
	if len(catalogue) == 0 {
		t.Fatal("data/catalogue.json holds no item")
	}
	seen := map[string]bool{}
	for _, it := range Catalogue() {
		if it.ID == "" || seen[it.ID] {
			t.Errorf("item id %q empty or repeated", it.ID)
		}
		seen[it.ID] = true
		if !it.title.Complete() || !it.why.Complete() {
			t.Errorf("%s: a French or English text is missing", it.ID)
		}
		if !guideIDs[it.Guide] {
			t.Errorf("%s: guide %q is not an agreed guide id", it.ID, it.Guide)
		}
		if it.Probe != "" && !probeIDs[it.Probe] {
			t.Errorf("%s: probe %q is not a probe id", it.ID, it.Probe)
		}
		if it.Freq.Window() == 0 && it.Freq != Once {
			t.Errorf("%s: frequency %q is not known", it.ID, it.Freq)
		}
	}
}

// TestCatalogueCoversTheIssue lists the items the checklist must have.
func TestCatalogueCoversTheIssue(t *testing.T) {
	want := map[string]Frequency{
		"lock-session": Daily, "no-unexpected-attachment": Daily, "backup-last-night": Daily,
		"health-data-mssante": Daily, "system-updates": Weekly, "practice-software-updates": Weekly,
		"antivirus-up-to-date": Weekly, "restore-test": Monthly, "review-accounts": Monthly,
		"review-admin-accounts": Monthly, "password-manager": Once, "2fa-mailbox": Once,
		"2fa-practice-software": Once, "2fa-amelipro": Once, "2fa-bank": Once, "2fa-doctolib": Once,
		"firewall-on": Once, "disk-encryption-on": Once, "incident-plan": Yearly, "staff-trained": Yearly,
	}
	for id, f := range want {
		it, ok := Find(id)
		if !ok {
			t.Errorf("Find(%q) missing", id)
			continue
		}
		if it.Freq != f {
			t.Errorf("%s: frequency %s, want %s", id, it.Freq, f)
		}
	}
	for id := range probeIDs {
		if len(ForProbe(id)) == 0 {
			t.Errorf("no item is verified by probe %s", id)
		}
	}
}

func TestItemLanguage(t *testing.T) {
	it, _ := Find("firewall-on")
	if it.Title("en") != it.title.EN || it.Title("en-GB") != it.title.EN || it.Title("fr") != it.title.FR || it.Why("") != it.why.FR {
		t.Errorf("Title/Why do not pick the language")
	}
	if _, ok := Find("nope"); ok {
		t.Errorf("Find(nope) found something")
	}
}

// TestGuidesExist: every "how to do it" link opens a guide of the library.
func TestGuidesExist(t *testing.T) {
	lib, err := guides.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range Catalogue() {
		if _, ok := lib.Get(it.Guide); !ok {
			t.Errorf("%s: guide %q is not in the library", it.ID, it.Guide)
		}
	}
}
