package guides

// stopwords are French (and English) words too common to help a search. They are
// dropped from the query unless nothing else is left.
var stopwords = setOf(
	"a", "ai", "as", "au", "aux", "avec", "avez", "avoir", "avons", "c", "ca", "ce",
	"ceci", "cela", "ces", "cet", "cette", "comme", "comment", "d", "dans", "de",
	"des", "dois", "doit", "du", "elle", "elles", "en", "est", "et", "etait", "ete", "etre", "faire",
	"fait", "faut", "il", "ils", "j", "je", "l", "la", "le", "les", "leur", "leurs",
	"lui", "m", "ma", "mais", "me", "mes", "moi", "mon", "n", "ne", "nos", "notre",
	"nous", "on", "ont", "ou", "par", "pas", "peut", "peux", "pour", "puis", "qu",
	"quand", "que", "quel", "quelle", "quelles", "quels", "qui", "quoi", "s", "sa",
	"sans", "se", "ses", "si", "son", "sont", "suis", "sur", "t", "ta", "te", "tes",
	"toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "y",
	// English, for the translated guides; none is a French word that
	// carries meaning.
	"about", "an", "and", "are", "be", "by", "can", "do", "does", "for", "from",
	"how", "i", "if", "in", "is", "it", "its", "my", "of", "or", "our", "should",
	"that", "the", "this", "to", "what", "when", "with", "you", "your",
)

// synonyms maps words practitioners type to words the guides use. Keys and
// values are folded (lowercase, no accents).
var synonyms = map[string][]string{
	"mail":         {"courriel", "message", "messagerie"},
	"mails":        {"courriels", "messages", "messagerie"},
	"email":        {"courriel", "message", "mail"},
	"courriel":     {"mail", "message"},
	"virus":        {"rancongiciel", "malveillant", "antivirus"},
	"pirate":       {"piratage", "attaque", "incident"},
	"piratage":     {"attaque", "incident", "pirate"},
	"hacke":        {"piratage", "attaque", "incident"},
	"arnaque":      {"hameconnage", "fraude", "escroquerie"},
	"phishing":     {"hameconnage"},
	"ransomware":   {"rancongiciel"},
	"rancon":       {"rancongiciel"},
	"backup":       {"sauvegarde", "sauvegardes"},
	"mdp":          {"mot", "passe"},
	"password":     {"passe"},
	"ordi":         {"ordinateur"},
	"pc":           {"ordinateur", "poste"},
	"cle":          {"usb"},
	"firewall":     {"pare-feu", "parefeu"},
	"2fa":          {"double", "authentification"},
	"a2f":          {"double", "authentification"},
	"vol":          {"perte", "vole"},
	"vole":         {"perte", "vol"},
	"rgpd":         {"cnil", "donnees"},
	"teleconsult":  {"teleconsultation"},
	"hebergeur":    {"hds", "hebergement"},
	"wi":           {"wifi"},
	"cyberattaque": {"attaque", "incident"},
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
