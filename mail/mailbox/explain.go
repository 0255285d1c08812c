package mailbox

import (
	"context"
	"errors"

	"hygie/i18n"
)

// Where is where a failure's sentence is read. The next step it gives
// names what the reader has at hand: the Messagerie screen's « Modifier »
// and « Analyser » buttons, the account form's fields and « Tester la
// connexion », or the flags of `hygie scan`.
type Where int

const (
	// InApp is Hygie's Messagerie screen (account list, « Modifier »,
	// « Analyser »).
	InApp Where = iota
	// InCLI is the command line, which speaks French.
	InCLI
	// InForm is the account form, with its fields, « Tester la
	// connexion » and « Enregistrer »; a kind without a sentence of its
	// own there says the screen's.
	InForm
)

// explanation is what one kind of failure means and what to do next, as
// the window, the account form and the command line say it. An empty text
// means that place has no sentence of its own for the kind and says the
// general one (the form: the screen's).
type explanation struct {
	err  error
	app  i18n.Text
	cli  i18n.Text // French only
	form i18n.Text
}

// explanations is the one table of mailbox failures; the first kind err
// matches wins.
var explanations = []explanation{
	{context.Canceled,
		i18n.Text{FR: "Analyse interrompue. Les messages déjà analysés sont conservés ; la prochaine analyse reprendra là où elle s'est arrêtée.",
			EN: "Scan interrupted. Messages already analysed are kept; the next scan will resume where this one stopped."},
		i18n.Text{FR: "analyse interrompue ; ce qui était analysé est conservé et la prochaine analyse reprendra là."},
		i18n.Text{}},
	{ErrBadCert,
		i18n.Text{FR: "Le certificat du serveur n'est pas reconnu : Hygie ne s'y est pas connecté. Vérifiez le nom du serveur avec « Modifier », ou, s'il vient bien de votre fournisseur, choisissez « Faire confiance à ce certificat » dans la fenêtre qui s'ouvre.",
			EN: "The server's certificate is not recognised: Hygie did not connect. Check the server name with \"Edit\", or, if it really comes from your provider, choose \"Trust this certificate\" in the window that opens."},
		i18n.Text{}, // the command line shows the certificate itself
		i18n.Text{FR: "Le certificat du serveur n'est pas reconnu : Hygie ne s'y est pas connecté. Vérifiez le serveur IMAP ci-dessous, ou, si le certificat vient bien de votre fournisseur, comparez son empreinte puis choisissez « Faire confiance à ce certificat ».",
			EN: "The server's certificate is not recognised: Hygie did not connect. Check the IMAP server below, or, if the certificate really comes from your provider, compare its fingerprint and choose \"Trust this certificate\"."}},
	{ErrAuth,
		i18n.Text{FR: "Identifiant ou mot de passe refusé par le serveur. Vérifiez-les avec « Modifier » ; certains fournisseurs (Gmail, iCloud…) exigent un mot de passe d'application.",
			EN: "The server refused the user name or password. Check them with \"Edit\"; some providers (Gmail, iCloud…) require an app password."},
		i18n.Text{FR: "identifiant ou mot de passe refusé par le serveur (certains fournisseurs exigent un mot de passe d'application)."},
		i18n.Text{FR: "Identifiant ou mot de passe refusé par le serveur. Corrigez-les ci-dessous puis « Tester la connexion » ; certains fournisseurs (Gmail, iCloud…) exigent un mot de passe d'application.",
			EN: "The server refused the user name or password. Correct them below, then \"Test the connection\"; some providers (Gmail, iCloud…) require an app password."}},
	// Before ErrRefused and ErrTimeout, which it also matches.
	{ErrServerAway,
		i18n.Text{FR: "Le serveur de messagerie, qui répondait tout à l'heure, ne répond plus pour le moment. Vos réglages ne sont pas en cause : réessayez dans un moment avec « Analyser ».",
			EN: "The mail server, which was answering a while ago, is not answering for now. Your settings are not the cause: try again in a moment with \"Scan\"."},
		i18n.Text{FR: "le serveur, qui répondait tout à l'heure, ne répond plus pour le moment : réessayez dans un moment."},
		i18n.Text{FR: "Le serveur de messagerie, qui répondait tout à l'heure, ne répond plus pour le moment. Vos réglages ne sont pas en cause : réessayez dans un moment avec « Tester la connexion ».",
			EN: "The mail server, which was answering a while ago, is not answering for now. Your settings are not the cause: try again in a moment with \"Test the connection\"."}},
	{ErrRefused,
		i18n.Text{FR: "Le serveur refuse la connexion. Vérifiez le nom du serveur et le port avec « Modifier ».",
			EN: "The server refuses the connection. Check the server name and port with \"Edit\"."},
		i18n.Text{FR: "le serveur refuse la connexion : vérifiez le nom du serveur et le port."},
		i18n.Text{FR: "Le serveur refuse la connexion. Vérifiez le serveur IMAP et le port ci-dessous, puis « Tester la connexion ».",
			EN: "The server refuses the connection. Check the IMAP server and port below, then \"Test the connection\"."}},
	{ErrHostNotFound,
		i18n.Text{FR: "Ce nom de serveur est introuvable. Vérifiez son orthographe avec « Modifier » et que l'ordinateur est connecté à Internet.",
			EN: "This server name cannot be found. Check its spelling with \"Edit\" and that the computer is connected to the Internet."},
		i18n.Text{FR: "ce nom de serveur n'existe pas : vérifiez son orthographe (ex. imap.orange.fr) et la connexion Internet."},
		i18n.Text{FR: "Ce nom de serveur est introuvable. Vérifiez l'orthographe du serveur IMAP ci-dessous et que l'ordinateur est connecté à Internet.",
			EN: "This server name cannot be found. Check the spelling of the IMAP server below and that the computer is connected to the Internet."}},
	{ErrTLS,
		i18n.Text{FR: "La connexion sécurisée n'a pas pu s'établir. Vérifiez le port et le type de sécurité (TLS ou STARTTLS) avec « Modifier ».",
			EN: "The secure connection could not be established. Check the port and the security type (TLS or STARTTLS) with \"Edit\"."},
		i18n.Text{FR: "la connexion sécurisée n'a pas pu s'établir : vérifiez le port et le choix TLS / STARTTLS."},
		i18n.Text{FR: "La connexion sécurisée n'a pas pu s'établir. Vérifiez le port et la sécurité (TLS ou STARTTLS) ci-dessous.",
			EN: "The secure connection could not be established. Check the port and the security (TLS or STARTTLS) below."}},
	{ErrDropped,
		i18n.Text{FR: "Le serveur a coupé la connexion en cours d'analyse. Les messages déjà analysés sont conservés ; relancez l'analyse avec « Analyser ».",
			EN: "The server closed the connection during the scan. Messages already analysed are kept; run the scan again with \"Scan\"."},
		i18n.Text{FR: "le serveur a coupé la connexion en cours de route ; ce qui était analysé est conservé, relancez l'analyse."},
		i18n.Text{FR: "Le serveur a coupé la connexion. Réessayez avec « Tester la connexion ».",
			EN: "The server closed the connection. Try again with \"Test the connection\"."}},
	{ErrTimeout,
		i18n.Text{FR: "Le serveur ne répond pas assez vite. Les messages déjà analysés sont conservés ; réessayez plus tard avec « Analyser ».",
			EN: "The server is too slow to answer. Messages already analysed are kept; try again later with \"Scan\"."},
		i18n.Text{FR: "le serveur ne répond pas assez vite ; ce qui était analysé est conservé, réessayez plus tard."},
		i18n.Text{FR: "Le serveur ne répond pas. Vérifiez le serveur IMAP et le port ci-dessous, puis « Tester la connexion ».",
			EN: "The server does not answer. Check the IMAP server and port below, then \"Test the connection\"."}},
	{ErrMailboxNotFound,
		i18n.Text{FR: "Un des dossiers à analyser n'existe pas sur le serveur. Corrigez la liste des dossiers avec « Modifier ».",
			EN: "One of the folders to scan does not exist on the server. Fix the folder list with \"Edit\"."},
		i18n.Text{FR: "ce dossier n'existe pas sur le serveur : vérifiez --mailbox (ex. INBOX)."},
		i18n.Text{FR: "Un des dossiers à analyser n'existe pas sur le serveur. Corrigez « Dossiers à analyser » ci-dessous (par exemple INBOX).",
			EN: "One of the folders to scan does not exist on the server. Fix \"Folders to scan\" below (for example INBOX)."}},
	{ErrPlaintextRefused,
		i18n.Text{FR: "Connexion non chiffrée refusée : choisissez TLS ou STARTTLS avec « Modifier ».",
			EN: "Unencrypted connection refused: choose TLS or STARTTLS with \"Edit\"."},
		i18n.Text{FR: "connexion non chiffrée refusée : utilisez TLS (port 993) ou --starttls (port 143)."},
		i18n.Text{FR: "Connexion non chiffrée refusée : choisissez TLS ou STARTTLS dans « Sécurité ».",
			EN: "Unencrypted connection refused: choose TLS or STARTTLS under \"Security\"."}},
	{ErrInvalidAccount,
		i18n.Text{FR: "Les réglages du compte sont incomplets : renseignez au moins le serveur et l'identifiant avec « Modifier ».",
			EN: "The account settings are incomplete: fill in at least the server and the user name with \"Edit\"."},
		i18n.Text{FR: "réglages du compte incomplets : vérifiez le serveur, le port et l'identifiant."},
		i18n.Text{FR: "Les réglages du compte sont incomplets : renseignez au moins le serveur IMAP, un port en chiffres et l'identifiant.",
			EN: "The account settings are incomplete: fill in at least the IMAP server, a numeric port and the user name."}},
	{ErrServer,
		i18n.Text{FR: "Le serveur de messagerie a signalé une erreur. Les messages déjà analysés sont conservés ; réessayez plus tard avec « Analyser ».",
			EN: "The mail server reported an error. Messages already analysed are kept; try again later with \"Scan\"."},
		i18n.Text{FR: "le serveur a signalé une erreur ; ce qui était analysé est conservé, réessayez plus tard."},
		i18n.Text{FR: "Le serveur de messagerie a signalé une erreur. Réessayez plus tard avec « Tester la connexion ».",
			EN: "The mail server reported an error. Try again later with \"Test the connection\"."}},
	{ErrKeychainUnavailable,
		i18n.Text{FR: "Le trousseau de mots de passe du système n'est pas disponible sur cet ordinateur. Hygie vous demandera donc le mot de passe à chaque démarrage et le gardera seulement en mémoire, sans jamais l'écrire sur le disque.",
			EN: "The system's password keychain is not available on this computer. Hygie will therefore ask for the password each time it starts and keep it in memory only, never writing it to disk."},
		i18n.Text{FR: "le trousseau du système est indisponible : donnez le mot de passe avec --password-stdin."},
		i18n.Text{}},
	// The window lists the saved accounts and asks for a missing password,
	// so only the command line meets these two.
	{ErrNoAccount, i18n.Text{},
		i18n.Text{FR: "aucun compte de ce nom dans Hygie : ajoutez-le dans Messagerie, ou utilisez --host et --user."},
		i18n.Text{}},
	{ErrNoPassword, i18n.Text{},
		i18n.Text{FR: "aucun mot de passe enregistré pour ce compte : donnez-le avec --password-stdin."},
		i18n.Text{}},
}

// otherFailure is said when err is none of the kinds above.
var otherFailure = explanation{
	app: i18n.Text{FR: "L'analyse n'a pas abouti. Les messages déjà analysés sont conservés ; réessayez dans un moment.",
		EN: "The scan did not complete. Messages already analysed are kept; try again in a moment."},
	cli: i18n.Text{FR: "l'analyse a échoué ; ce qui était déjà analysé est conservé."},
	form: i18n.Text{FR: "Le test de connexion n'a pas abouti ; réessayez dans un moment.",
		EN: "The connection test did not complete; try again in a moment."},
}

// Explain turns a failure of a scan, a connection test or an account into
// one sentence with the next step, in the words of where it is read. A
// failure of another kind gets the general sentence: a caller that knows
// better (the window, for the database's errors) asks first.
func Explain(err error, where Where) i18n.Text {
	for _, e := range explanations {
		if t := e.in(where); t.FR != "" && errors.Is(err, e.err) {
			return t
		}
	}
	return otherFailure.in(where)
}

func (e explanation) in(where Where) i18n.Text {
	switch where {
	case InCLI:
		return e.cli
	case InForm:
		if e.form.FR != "" {
			return e.form
		}
	}
	return e.app
}
