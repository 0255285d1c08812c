// Package incident holds what to do when the practice's computer is attacked:
// the first steps, whom to call, and a dated journal of what was done.
package incident

// Text is a message in French and English.
type Text struct {
	FR string `json:"fr"`
	EN string `json:"en"`
}

// In returns the text in lang ("en" or French by default).
func (t Text) In(lang string) string {
	if lang == "en" && t.EN != "" {
		return t.EN
	}
	return t.FR
}

// Step is one thing to do, in order, when an attack is suspected.
type Step struct {
	ID    string
	Title Text
	Why   Text
}

// Steps are the first actions, in the order to take them. They follow the
// advice of the URPS and ARS pages summarised in docs/incident.md.
var Steps = []Step{
	{"disconnect", Text{"Débrancher le câble réseau et couper le Wi-Fi, sans éteindre l'ordinateur", "Unplug the network cable and turn off Wi-Fi, without switching the computer off"},
		Text{"Cela arrête la propagation ; l'ordinateur allumé garde des traces utiles à l'enquête.", "This stops the spread; a running computer keeps traces the investigation needs."}},
	{"no_payment", Text{"Ne pas payer de rançon et ne pas répondre à l'attaquant", "Do not pay a ransom or answer the attacker"},
		Text{"Payer ne garantit pas le retour des données et finance d'autres attaques.", "Paying does not guarantee your data back and funds further attacks."}},
	{"evidence", Text{"Garder les preuves : photos de l'écran, heure, message de rançon ; ne rien effacer", "Keep evidence: photos of the screen, the time, the ransom note; delete nothing"},
		Text{"Ces éléments servent au prestataire, à la plainte et aux déclarations.", "They are needed by your IT provider, for the complaint and the notifications."}},
	{"call_help", Text{"Appeler votre prestataire informatique, ou 17Cyber pour un diagnostic", "Call your IT provider, or 17Cyber for a diagnosis"},
		Text{"17Cyber oriente vers un professionnel labellisé près de chez vous.", "17Cyber directs you to a certified professional near you."}},
	{"passwords", Text{"Depuis un appareil sain, changer les mots de passe et fermer les sessions ouvertes", "From a clean device, change passwords and close open sessions"},
		Text{"Messagerie, logiciel métier, banque, Ameli Pro, e-CPS : un attaquant peut s'en servir.", "Mailbox, practice software, bank, Ameli Pro, e-CPS: an attacker may use them."}},
	{"complaint", Text{"Porter plainte (commissariat, gendarmerie, ou en vous faisant orienter par 17Cyber)", "File a complaint (police, gendarmerie, or ask 17Cyber where to go)"},
		Text{"La plainte est souvent demandée par l'assurance et protège le cabinet.", "Insurers often ask for it, and it protects the practice."}},
	{"cnil", Text{"Si des données de patients ont pu être vues ou perdues et que cela présente un risque pour eux : notifier la CNIL sous 72 heures", "If patient data may have been seen or lost and this puts them at risk: notify the CNIL within 72 hours"},
		Text{"Le délai court à partir du moment où vous avez connaissance de la violation ; une notification peut être complétée ensuite. Toute violation, même non notifiée, se note dans votre registre.", "The deadline runs from when you become aware of the breach; a notification can be completed later. Every breach, even one not notified, goes in your internal record."}},
	{"patients", Text{"Si le risque est élevé pour les patients : les informer sans tarder", "If the risk to patients is high: inform them without delay"},
		Text{"Les données de santé sont sensibles ; en cas de doute, la CNIL dit s'il faut informer.", "Health data is sensitive; if unsure, the CNIL tells you whether to inform them."}},
	{"restore", Text{"Restaurer depuis une sauvegarde hors ligne, seulement après nettoyage", "Restore from an offline backup, only once the computer is clean"},
		Text{"Restaurer trop tôt réinfecte les données saines.", "Restoring too early reinfects the clean data."}},
}

// Contact is someone to call, with what they are for.
type Contact struct {
	ID    string
	Name  string
	When  Text
	URL   string // official https address, empty when there is none
	Phone string // empty when none is documented for a practice
}

// Contacts are the services a private practice can reach; sources are
// listed in docs/incident.md.
var Contacts = []Contact{
	{"17cyber", "17Cyber", Text{"Diagnostic, conseils et mise en relation avec un prestataire labellisé ; échange en ligne avec un policier ou un gendarme, jour et nuit.", "Diagnosis, advice and referral to a certified provider; online chat with a police officer or gendarme, day and night."}, "https://17cyber.gouv.fr", ""},
	{"cybermalveillance", "Cybermalveillance.gouv.fr", Text{"Fiches pratiques et prestataires labellisés près de chez vous.", "Practical sheets and certified providers near you."}, "https://www.cybermalveillance.gouv.fr", ""},
	{"cnil", "CNIL", Text{"Notifier une violation de données personnelles (sous 72 heures).", "Notify a personal-data breach (within 72 hours)."}, "https://www.cnil.fr/fr/notifier-une-violation-de-donnees-personnelles", ""},
	{"ecps", "Support e-CPS (ANS)", Text{"Une e-CPS utilisée à votre insu ou une validation acceptée par erreur.", "An e-CPS used without your knowledge, or an approval accepted by mistake."}, "https://wallet.esw.esante.gouv.fr/", "0 806 800 213"},
	{"signalement", "Portail de signalement (CERT Santé)", Text{"Obligatoire pour les établissements de santé et médico-sociaux, les laboratoires de biologie médicale et les centres de radiothérapie. Un cabinet libéral n'y est pas tenu : il s'adresse à 17Cyber.", "Mandatory for health and medico-social establishments, medical biology laboratories and radiotherapy centres. A private practice is not required to: it goes to 17Cyber."}, "https://signalement.social-sante.gouv.fr", ""},
	{"doctolib", "Doctolib", Text{"Transférer un faux message Doctolib à phishing@doctolib.com.", "Forward a fake Doctolib message to phishing@doctolib.com."}, "", ""},
}
