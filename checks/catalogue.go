// Package checks holds the practice's hygiene checklist: the catalogue of
// actions (as data), the ticks kept per calendar day in the database, the
// two-factor authentication inventory, the history and the hygiene score.
// It has no user interface: ui and cli present what it computes.
package checks

import "hygie/checks/probe"

// Frequency says how often an item must be done to stay up to date.
type Frequency string

// The frequencies of the catalogue, as printed by `hygie checks list --json`.
const (
	Daily   Frequency = "daily"
	Weekly  Frequency = "weekly"
	Monthly Frequency = "monthly"
	Yearly  Frequency = "yearly"
	Once    Frequency = "once"
)

// Window is the number of calendar days a tick keeps the item up to date,
// the tick's day included; 0 means forever (Once).
func (f Frequency) Window() int {
	switch f {
	case Daily:
		return 1
	case Weekly:
		return 7
	case Monthly:
		return 30
	case Yearly:
		return 365
	}
	return 0
}

// Item is one hygiene action of the catalogue. Texts come in French and
// English; the user interface picks one with Title and Why.
type Item struct {
	ID      string
	Freq    Frequency
	TitleFR string
	TitleEN string
	WhyFR   string // why it matters, one line
	WhyEN   string
	Guide   string // id of the guide that explains how to do it
	Probe   string // id of the probe that can verify it, "" when none can
}

// Title is the item's text in lang ("en" or anything else for French).
func (it Item) Title(lang string) string {
	if lang == "en" {
		return it.TitleEN
	}
	return it.TitleFR
}

// Why is the one-line reason in lang ("en" or anything else for French).
func (it Item) Why(lang string) string {
	if lang == "en" {
		return it.WhyEN
	}
	return it.WhyFR
}

// Automatic reports whether a probe can verify the item.
func (it Item) Automatic() bool { return it.Probe != "" }

// Catalogue returns the hygiene items, daily first. The slice is a copy.
func Catalogue() []Item {
	return append([]Item(nil), catalogue...)
}

// Find returns the catalogue item with id.
func Find(id string) (Item, bool) {
	for _, it := range catalogue {
		if it.ID == id {
			return it, true
		}
	}
	return Item{}, false
}

// ForProbe returns the items a probe verifies.
func ForProbe(probeID string) []Item {
	var out []Item
	for _, it := range catalogue {
		if it.Probe == probeID {
			out = append(out, it)
		}
	}
	return out
}

// catalogue: sources are the ANSSI hygiene guide (measures 5, 10, 13, 17,
// 29, 31, 34, 37, 40), the ANSSI/CPME good practices and the CNIL 2022
// password recommendation; see docs/hygiene.md.
var catalogue = []Item{
	{ID: "lock-session", Freq: Daily, Guide: "verrouillage-usb",
		TitleFR: "Verrouiller la session en quittant le poste", TitleEN: "Lock the session when leaving the desk",
		WhyFR: "Un poste ouvert laisse les dossiers patients à la portée du premier venu.", WhyEN: "An unlocked computer leaves patient records open to anyone passing by."},
	{ID: "no-unexpected-attachment", Freq: Daily, Guide: "hameconnage",
		TitleFR: "N'ouvrir aucune pièce jointe inattendue", TitleEN: "Open no unexpected attachment",
		WhyFR: "La plupart des rançongiciels entrent par une pièce jointe piégée.", WhyEN: "Most ransomware gets in through a booby-trapped attachment."},
	{ID: "backup-last-night", Freq: Daily, Guide: "sauvegardes", Probe: probe.Backup,
		TitleFR: "Vérifier que la sauvegarde de la nuit a réussi", TitleEN: "Check that last night's backup succeeded",
		WhyFR: "Sans sauvegarde récente, une panne ou une attaque efface des jours de travail.", WhyEN: "Without a recent backup, a failure or an attack wipes out days of work."},
	{ID: "health-data-mssante", Freq: Daily, Guide: "mssante",
		TitleFR: "N'envoyer les données de santé que par MSSanté", TitleEN: "Send health data only through MSSanté",
		WhyFR: "Une messagerie ordinaire n'est pas faite pour les données de santé.", WhyEN: "Ordinary e-mail is not meant for health data."},
	{ID: "system-updates", Freq: Weekly, Guide: "mises-a-jour-antivirus", Probe: probe.Updates,
		TitleFR: "Installer les mises à jour du système", TitleEN: "Install the system updates",
		WhyFR: "Les attaques visent d'abord les failles déjà corrigées mais pas installées.", WhyEN: "Attacks aim first at flaws already fixed but not installed."},
	{ID: "practice-software-updates", Freq: Weekly, Guide: "mises-a-jour-antivirus",
		TitleFR: "Installer les mises à jour du logiciel métier", TitleEN: "Install the practice-software updates",
		WhyFR: "Le logiciel métier contient les dossiers patients : ses failles comptent autant.", WhyEN: "The practice software holds patient records: its flaws matter as much."},
	{ID: "antivirus-up-to-date", Freq: Weekly, Guide: "mises-a-jour-antivirus", Probe: probe.Antivirus,
		TitleFR: "Vérifier que l'antivirus est actif et à jour", TitleEN: "Check that the antivirus is on and up to date",
		WhyFR: "Un antivirus éteint ou périmé ne reconnaît pas les menaces récentes.", WhyEN: "An antivirus that is off or outdated misses recent threats."},
	{ID: "restore-test", Freq: Monthly, Guide: "sauvegardes",
		TitleFR: "Tester la restauration d'une sauvegarde", TitleEN: "Test restoring a backup",
		WhyFR: "Une sauvegarde jamais restaurée est une sauvegarde dont on ignore si elle marche.", WhyEN: "A backup never restored is a backup nobody knows works."},
	{ID: "review-accounts", Freq: Monthly, Guide: "comptes-et-droits",
		TitleFR: "Revoir les comptes et les droits d'accès", TitleEN: "Review accounts and access rights",
		WhyFR: "Un ancien remplaçant ou stagiaire ne doit plus accéder aux dossiers.", WhyEN: "A former locum or trainee must no longer reach the records."},
	{ID: "review-admin-accounts", Freq: Monthly, Guide: "comptes-et-droits", Probe: probe.AdminAccounts,
		TitleFR: "Revoir les comptes administrateurs", TitleEN: "Review the administrator accounts",
		WhyFR: "Un compte administrateur de trop donne tout pouvoir à qui s'en empare.", WhyEN: "One admin account too many gives full power to whoever takes it."},
	{ID: "screen-auto-lock", Freq: Once, Guide: "verrouillage-usb", Probe: probe.ScreenLock,
		TitleFR: "Régler le verrouillage automatique de l'écran (5 minutes au plus)", TitleEN: "Set the screen to lock by itself (5 minutes at most)",
		WhyFR: "Il rattrape les oublis de verrouillage.", WhyEN: "It makes up for a forgotten lock."},
	{ID: "password-manager", Freq: Once, Guide: "mots-de-passe",
		TitleFR: "Utiliser un gestionnaire de mots de passe", TitleEN: "Use a password manager",
		WhyFR: "Il permet un mot de passe long et différent pour chaque compte.", WhyEN: "It allows a long, different password for every account."},
	{ID: "2fa-mailbox", Freq: Once, Guide: "double-authentification",
		TitleFR: "Activer la double authentification sur la messagerie", TitleEN: "Turn on two-factor authentication for the mailbox",
		WhyFR: "La messagerie permet de réinitialiser tous les autres comptes.", WhyEN: "The mailbox can reset every other account."},
	{ID: "2fa-practice-software", Freq: Once, Guide: "double-authentification",
		TitleFR: "Activer la double authentification sur le logiciel métier", TitleEN: "Turn on two-factor authentication for the practice software",
		WhyFR: "Un mot de passe volé ne suffit plus pour lire les dossiers patients.", WhyEN: "A stolen password is no longer enough to read patient records."},
	{ID: "2fa-amelipro", Freq: Once, Guide: "double-authentification",
		TitleFR: "Se connecter à Ameli Pro avec la carte CPS ou l'e-CPS", TitleEN: "Sign in to Ameli Pro with the CPS card or e-CPS",
		WhyFR: "Ameli Pro donne accès aux remboursements et aux données des patients.", WhyEN: "Ameli Pro gives access to payments and patients' data."},
	{ID: "2fa-bank", Freq: Once, Guide: "double-authentification",
		TitleFR: "Activer la double authentification sur la banque du cabinet", TitleEN: "Turn on two-factor authentication for the practice's bank",
		WhyFR: "Les fraudes au virement visent d'abord les comptes mal protégés.", WhyEN: "Transfer fraud aims first at poorly protected accounts."},
	{ID: "2fa-doctolib", Freq: Once, Guide: "double-authentification",
		TitleFR: "Activer la double authentification sur Doctolib", TitleEN: "Turn on two-factor authentication for Doctolib",
		WhyFR: "L'agenda contient les noms et motifs de consultation des patients.", WhyEN: "The diary holds patients' names and reasons for visits."},
	{ID: "firewall-on", Freq: Once, Guide: "pare-feu", Probe: probe.Firewall,
		TitleFR: "Activer le pare-feu de l'ordinateur", TitleEN: "Turn on the computer's firewall",
		WhyFR: "Il bloque les connexions non sollicitées venues du réseau.", WhyEN: "It blocks unsolicited connections from the network."},
	{ID: "disk-encryption-on", Freq: Once, Guide: "chiffrement-disque", Probe: probe.DiskEncryption,
		TitleFR: "Chiffrer le disque de l'ordinateur", TitleEN: "Encrypt the computer's disk",
		WhyFR: "Un ordinateur volé ne livre alors aucun dossier patient.", WhyEN: "A stolen computer then gives away no patient record."},
	{ID: "incident-plan", Freq: Yearly, Guide: "plan-reponse-incident",
		TitleFR: "Imprimer le plan de réponse à incident et le connaître", TitleEN: "Print the incident response plan and know it",
		WhyFR: "Le jour d'une attaque, l'ordinateur n'est peut-être plus utilisable.", WhyEN: "On the day of an attack, the computer may be unusable."},
	{ID: "staff-trained", Freq: Yearly, Guide: "hygiene-essentiels",
		TitleFR: "Former l'équipe (secrétariat, remplaçants) aux bons gestes", TitleEN: "Train the team (secretary, locums) in good habits",
		WhyFR: "Chaque personne qui utilise le poste peut ouvrir la porte à une attaque.", WhyEN: "Anyone who uses the computer can open the door to an attack."},
}
