package mailbox

import (
	"context"
	"errors"

	"hygie/i18n"
)

// Where is where a failure's sentence is read. The next step it gives
// names what the reader has at hand: the window's « Modifier » button, or
// the flags of `hygie scan`.
type Where int

const (
	// InApp is Hygie's window.
	InApp Where = iota
	// InCLI is the command line, which speaks French.
	InCLI
)

// explanation is what one kind of failure means and what to do next, as
// the window and the command line say it. An empty text means that place
// has no sentence of its own for the kind and says the general one.
type explanation struct {
	err error
	app i18n.Text
	cli i18n.Text // French only
}

// explanations is the one table of mailbox failures; the first kind err
// matches wins.
var explanations = []explanation{
	{context.Canceled,
		i18n.Text{FR: "Analyse interrompue. Les messages déjà analysés sont conservés ; la prochaine analyse reprendra là où elle s'est arrêtée.",
			EN: "Scan interrupted. Messages already analysed are kept; the next scan will resume where this one stopped."},
		i18n.Text{FR: "analyse interrompue ; ce qui était analysé est conservé et la prochaine analyse reprendra là."}},
	{ErrBadCert,
		i18n.Text{FR: "Le certificat du serveur n'est pas reconnu : Hygie ne s'y est pas connecté. Vérifiez le nom du serveur, ou approuvez le certificat s'il vient bien de votre fournisseur.",
			EN: "The server's certificate is not recognised: Hygie did not connect. Check the server name, or trust the certificate if it really comes from your provider."},
		i18n.Text{}}, // the command line shows the certificate itself
	{ErrAuth,
		i18n.Text{FR: "Identifiant ou mot de passe refusé par le serveur. Vérifiez-les avec « Modifier » ; certains fournisseurs (Gmail, iCloud…) exigent un mot de passe d'application.",
			EN: "The server refused the user name or password. Check them with \"Edit\"; some providers (Gmail, iCloud…) require an app password."},
		i18n.Text{FR: "identifiant ou mot de passe refusé par le serveur (certains fournisseurs exigent un mot de passe d'application)."}},
	{ErrRefused,
		i18n.Text{FR: "Le serveur refuse la connexion. Vérifiez le nom du serveur et le port avec « Modifier ».",
			EN: "The server refuses the connection. Check the server name and port with \"Edit\"."},
		i18n.Text{FR: "le serveur refuse la connexion : vérifiez le nom du serveur et le port."}},
	{ErrHostNotFound,
		i18n.Text{FR: "Ce nom de serveur est introuvable. Vérifiez son orthographe avec « Modifier » et que l'ordinateur est connecté à Internet.",
			EN: "This server name cannot be found. Check its spelling with \"Edit\" and that the computer is connected to the Internet."},
		i18n.Text{FR: "ce nom de serveur n'existe pas : vérifiez son orthographe (ex. imap.orange.fr) et la connexion Internet."}},
	{ErrTLS,
		i18n.Text{FR: "La connexion sécurisée n'a pas pu s'établir. Vérifiez le port et le type de sécurité (TLS ou STARTTLS) avec « Modifier ».",
			EN: "The secure connection could not be established. Check the port and the security type (TLS or STARTTLS) with \"Edit\"."},
		i18n.Text{FR: "la connexion sécurisée n'a pas pu s'établir : vérifiez le port et le choix TLS / STARTTLS."}},
	{ErrDropped,
		i18n.Text{FR: "Le serveur a coupé la connexion en cours d'analyse. Les messages déjà analysés sont conservés ; relancez l'analyse pour continuer.",
			EN: "The server closed the connection during the scan. Messages already analysed are kept; run the scan again to continue."},
		i18n.Text{FR: "le serveur a coupé la connexion en cours de route ; ce qui était analysé est conservé, relancez l'analyse."}},
	{ErrTimeout,
		i18n.Text{FR: "Le serveur ne répond pas assez vite. Les messages déjà analysés sont conservés ; réessayez plus tard.",
			EN: "The server is too slow to answer. Messages already analysed are kept; try again later."},
		i18n.Text{FR: "le serveur ne répond pas assez vite ; ce qui était analysé est conservé, réessayez plus tard."}},
	{ErrMailboxNotFound,
		i18n.Text{FR: "Un des dossiers à analyser n'existe pas sur le serveur. Corrigez la liste des dossiers avec « Modifier ».",
			EN: "One of the folders to scan does not exist on the server. Fix the folder list with \"Edit\"."},
		i18n.Text{FR: "ce dossier n'existe pas sur le serveur : vérifiez --mailbox (ex. INBOX)."}},
	{ErrPlaintextRefused,
		i18n.Text{FR: "Connexion non chiffrée refusée : choisissez TLS ou STARTTLS.",
			EN: "Unencrypted connection refused: choose TLS or STARTTLS."},
		i18n.Text{FR: "connexion non chiffrée refusée : utilisez TLS (port 993) ou --starttls (port 143)."}},
	{ErrInvalidAccount,
		i18n.Text{FR: "Les réglages du compte sont incomplets : renseignez au moins le serveur et l'identifiant.",
			EN: "The account settings are incomplete: fill in at least the server and the user name."},
		i18n.Text{FR: "réglages du compte incomplets : vérifiez le serveur, le port et l'identifiant."}},
	{ErrServer,
		i18n.Text{FR: "Le serveur de messagerie a signalé une erreur. Les messages déjà analysés sont conservés ; réessayez plus tard.",
			EN: "The mail server reported an error. Messages already analysed are kept; try again later."},
		i18n.Text{FR: "le serveur a signalé une erreur ; ce qui était analysé est conservé, réessayez plus tard."}},
	{ErrKeychainUnavailable,
		i18n.Text{FR: "Le trousseau de mots de passe du système n'est pas disponible sur cet ordinateur. Hygie vous demandera donc le mot de passe à chaque démarrage et le gardera seulement en mémoire, sans jamais l'écrire sur le disque.",
			EN: "The system's password keychain is not available on this computer. Hygie will therefore ask for the password each time it starts and keep it in memory only, never writing it to disk."},
		i18n.Text{FR: "le trousseau du système est indisponible : donnez le mot de passe avec --password-stdin."}},
	// The window lists the saved accounts and asks for a missing password,
	// so only the command line meets these two.
	{ErrNoAccount, i18n.Text{},
		i18n.Text{FR: "aucun compte de ce nom dans Hygie : ajoutez-le dans Messagerie, ou utilisez --host et --user."}},
	{ErrNoPassword, i18n.Text{},
		i18n.Text{FR: "aucun mot de passe enregistré pour ce compte : donnez-le avec --password-stdin."}},
}

// otherFailure is said when err is none of the kinds above.
var otherFailure = explanation{
	app: i18n.Text{FR: "L'analyse n'a pas abouti. Les messages déjà analysés sont conservés ; réessayez dans un moment.",
		EN: "The scan did not complete. Messages already analysed are kept; try again in a moment."},
	cli: i18n.Text{FR: "l'analyse a échoué ; ce qui était déjà analysé est conservé."},
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
	if where == InCLI {
		return e.cli
	}
	return e.app
}
