// Package policy drafts and prints the practice's security policy
// (« Politique de sécurité du cabinet »): who is responsible, the rules the
// practice follows, drafted from the self-assessment's answers, and whom to
// call in an incident. The practitioner edits the draft before export;
// each export gets the next version number, kept in the database. Plain
// Go: the window and the command line both use it.
package policy

import (
	"strings"
	"time"

	"hygie/checks/diagnostic"
)

// Contacts are the practice's details from Réglages.
type Contacts struct {
	Practice        string
	Practitioner    string
	ITName          string
	ITPhone         string
	InsurerName     string
	InsurerPhone    string
	InsurerContract string
}

// Rule is one heading of the policy and its text, editable before export.
type Rule struct {
	Key   string
	Title string
	Text  string
}

// Policy is what the PDF prints.
type Policy struct {
	Contacts
	Responsible string // who answers for the practice's security
	Rules       []Rule
	Version     int
	Date        time.Time
}

// topic is a heading with the rule the practice commits to and the
// questions whose gaps it lists as still to do.
type topic struct {
	key, title, rule string
	questions        []string
}

// topics are the policy's headings, in the order printed; the texts are
// French, as the document is kept for a French insurer or auditor.
var topics = []topic{
	{"accounts", "Comptes et accès", "Chaque personne du cabinet a son propre compte, sans droits d'administrateur pour le travail courant. Personne ne travaille sur la session d'un autre. Les comptes d'un remplaçant, d'un stagiaire ou d'un salarié qui part sont fermés le jour de son départ.",
		[]string{"acc-personal", "acc-no-shared-session", "acc-admin-separate", "acc-leavers"}},
	{"passwords", "Mots de passe et double authentification", "Les mots de passe sont longs, différents pour chaque service et rangés dans un gestionnaire de mots de passe. La double authentification est activée sur la messagerie, la banque, le logiciel métier et les services de santé en ligne.",
		[]string{"acc-passwords", "acc-2fa", "mail-2fa"}},
	{"updates", "Mises à jour et protection des postes", "Les mises à jour du système et des logiciels s'installent automatiquement. Chaque ordinateur a un antivirus actif et son pare-feu activé ; aucun ne fonctionne avec un système qui ne reçoit plus de mises à jour.",
		[]string{"ws-updates", "ws-end-of-support", "ws-antivirus", "ws-firewall"}},
	{"backups", "Sauvegardes et rotation", "Les données du cabinet sont sauvegardées automatiquement chaque jour, chiffrées. Une copie est débranchée ou hors du cabinet et change à tour de rôle (au moins deux supports). Une restauration est essayée tous les six mois.",
		[]string{"bak-frequency", "bak-encrypted", "bak-offline", "bak-restore-tested"}},
	{"mail", "Messagerie et MSSanté", "Les données de santé ne partent que par une messagerie sécurisée de santé (MSSanté). Un message inattendu qui demande un clic, une pièce jointe ou un paiement est vérifié avant toute action ; un changement de coordonnées bancaires est confirmé par téléphone à un numéro connu.",
		[]string{"mail-mssante", "mail-phishing-check", "aw-fraud-transfer"}},
	{"usb", "Clés USB et appareils personnels", "Aucune clé USB inconnue n'est branchée sur un ordinateur du cabinet. Les portables sont chiffrés et l'écran se verrouille seul après quelques minutes. Un appareil personnel n'accède pas aux données des patients sans l'accord du responsable.",
		[]string{"ws-usb", "ws-encryption", "ws-screen-lock"}},
	{"devices", "Objets connectés et dispositifs médicaux", "Les appareils connectés du cabinet sont listés, leurs mots de passe d'origine changés, leurs mises à jour suivies, et ils sont sur un réseau séparé de celui des ordinateurs.",
		[]string{"dev-inventory", "dev-default-passwords", "dev-updates", "dev-network-separation"}},
	{"providers", "Prestataires", "Les données de santé hébergées en ligne le sont chez un hébergeur certifié HDS. Le contrat du prestataire informatique dit ce qu'il fait et en combien de temps. Le numéro à appeler en cas de panne ou d'attaque est affiché au cabinet.",
		[]string{"prov-hds", "prov-contract", "prov-who-to-call"}},
}

// Draft is the policy Hygie proposes from the answers of the latest
// assessment (nil before any): each rule, followed by what the answers
// show is still to put in place. Version and Date are set at export.
func Draft(cat *diagnostic.Catalogue, answers map[string]diagnostic.Answer, c Contacts) Policy {
	p := Policy{Contacts: c, Responsible: c.Practitioner}
	for _, t := range topics {
		p.Rules = append(p.Rules, Rule{Key: t.key, Title: t.title, Text: ruleText(cat, t, answers)})
	}
	return p
}

func ruleText(cat *diagnostic.Catalogue, t topic, answers map[string]diagnostic.Answer) string {
	var todo []string
	for _, id := range t.questions {
		q, ok := cat.Question(id)
		a, answered := answers[id]
		if !ok || !answered || a.Value == diagnostic.Yes || a.Value == diagnostic.NA {
			continue
		}
		todo = append(todo, "– "+q.Action.FR)
	}
	if len(todo) == 0 {
		return t.rule
	}
	return t.rule + "\n\nEncore à mettre en place :\n" + strings.Join(todo, "\n")
}
