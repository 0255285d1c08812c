package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"golang.org/x/oauth2"

	"hygie/mail/mailbox"
	"hygie/mail/oauth"
)

const accountUsage = `Usage :
  hygie account add --name NOM --address ADRESSE [--microsoft | --google]
                    [--host SERVEUR [--port P] [--starttls] [--pin EMPREINTE]] [--user IDENTIFIANT]
                    [--mailbox DOSSIER]…
  hygie account list
  hygie account remove NOM

Enregistre les boîtes aux lettres qu'Hygie analyse (hygie scan --account NOM).

  add   L'adresse suffit le plus souvent : Hygie en déduit le serveur
        (fournisseurs connus, puis le domaine de l'adresse). Avec
        --microsoft (Outlook.com, Hotmail, Live, Microsoft 365), Hygie affiche
        une adresse et un code à saisir dans un navigateur, sur n'importe quel
        appareil ; avec --google (Gmail, Google Workspace), une adresse à
        ouvrir dans un navigateur de cet ordinateur. Sans l'une ou l'autre, le
        mot de passe est lu sur l'entrée standard (jamais en argument).
        Le compte n'est enregistré qu'une fois la connexion réussie ; la même
        commande sert à se reconnecter.
  list  liste les comptes enregistrés
  remove
        oublie le compte, ses analyses et ses secrets du trousseau (rien
        n'est révoqué chez le fournisseur)

  --host, --port, --starttls, --pin, --user, --mailbox : comme pour hygie scan,
  quand le serveur ne se déduit pas de l'adresse.
`

// oauthProviders finds a sign-in provider by id; tests point it at a
// local provider.
var oauthProviders = oauth.ByID

type accountOptions struct {
	name, address, host, user, pin string
	port                           int
	starttls, microsoft, google    bool
	mailboxes                      stringList
}

// runAccount implements `hygie account add|list|remove`.
func runAccount(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, accountUsage)
		return 2
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, accountUsage)
		return 0
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var err error
	switch args[0] {
	case "add":
		o, perr := parseAccountAdd(args[1:])
		if code, done := parseOutcome("account add", accountUsage, perr, stdout, stderr); done {
			return code
		}
		err = accountAdd(ctx, o, stdout)
	case "list":
		err = accountList(stdout)
	case "remove":
		if len(args) != 2 {
			fmt.Fprintf(stderr, "hygie account remove : indiquez le nom du compte, et lui seul.\n\n%s", accountUsage)
			return 2
		}
		err = accountRemove(args[1], stdout)
	default:
		fmt.Fprintf(stderr, "hygie account : action inconnue « %s ».\n\n%s", args[0], accountUsage)
		return 2
	}
	if err != nil {
		fmt.Fprintf(stderr, "hygie account : %s\n", accountErrorFR(err))
		return 1
	}
	return 0
}

func parseAccountAdd(args []string) (accountOptions, error) {
	var o accountOptions
	fs := flag.NewFlagSet("account add", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.name, "name", "", "")
	fs.StringVar(&o.address, "address", "", "")
	fs.StringVar(&o.host, "host", "", "")
	fs.IntVar(&o.port, "port", 0, "")
	fs.BoolVar(&o.starttls, "starttls", false, "")
	fs.StringVar(&o.pin, "pin", "", "")
	fs.StringVar(&o.user, "user", "", "")
	fs.Var(&o.mailboxes, "mailbox", "")
	fs.BoolVar(&o.microsoft, "microsoft", false, "")
	fs.BoolVar(&o.google, "google", false, "")
	if err := fs.Parse(args); err != nil {
		return o, flagErrorFR(err)
	}
	switch {
	case fs.NArg() > 0:
		return o, fmt.Errorf("argument inattendu « %s »", fs.Arg(0))
	case strings.TrimSpace(o.name) == "" || strings.TrimSpace(o.address) == "":
		return o, errors.New("indiquez --name NOM et --address ADRESSE")
	case o.microsoft && o.google:
		return o, errors.New("--microsoft et --google s'excluent")
	case o.host == "" && (o.port != 0 || o.starttls || o.pin != ""):
		return o, errors.New("--port, --starttls et --pin vont avec --host")
	case o.port < 0 || o.port > 65535:
		return o, fmt.Errorf("--port %d n'est pas un port valide", o.port)
	}
	return o, nil
}

// providerID is the sign-in the flags ask for, "" for a password.
func (o accountOptions) providerID() string {
	switch {
	case o.microsoft:
		return oauth.MicrosoftID
	case o.google:
		return oauth.GoogleID
	}
	return ""
}

// accountAdd finds the settings, signs in or reads the password, and saves
// the account once a login worked.
func accountAdd(ctx context.Context, o accountOptions, stdout io.Writer) error {
	st, closeDB, err := openMailboxStore()
	if err != nil {
		return err
	}
	defer closeDB()
	acct, disc, err := accountSettings(ctx, o)
	if err != nil {
		return err
	}
	kc := mailbox.SystemKeychain{}
	opts := mailbox.Options{}
	if id := o.providerID(); id != "" {
		acct.Auth, acct.Provider = mailbox.AuthOAuth2, id
		tok, err := signIn(ctx, id, o.address, stdout)
		if err != nil {
			return err
		}
		if err := st.SaveOAuthAccount(ctx, kc, acct, tok, opts); err != nil {
			return err
		}
	} else {
		if disc.Auth == mailbox.AuthOAuth2 && !disc.Preset.AppPassword {
			return fmt.Errorf("%w: %s", errNeedsSignIn, disc.Provider)
		}
		if err := addWithPassword(ctx, st, kc, acct, opts); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "Compte « %s » enregistré (%s, serveur %s). Analyse : hygie scan --account %s\n",
		acct.Name, acct.Username, acct.Addr(), acct.Name)
	return nil
}

var errNeedsSignIn = errors.New("this address signs in with its provider")

// accountSettings builds the account from --host, or else from what the
// address tells (or the provider's preset with --microsoft / --google).
func accountSettings(ctx context.Context, o accountOptions) (mailbox.Account, mailbox.Discovery, error) {
	user := o.user
	if user == "" {
		user = strings.TrimSpace(o.address)
	}
	if o.host != "" {
		a := mailbox.Account{Name: o.name, Host: o.host, Port: o.port, Security: mailbox.TLS, Username: user,
			Mailboxes: o.mailboxes, PinnedSHA256: o.pin}
		if o.starttls {
			a.Security = mailbox.StartTLS
		}
		return a, mailbox.Discovery{}, nil
	}
	var disc mailbox.Discovery
	presets := map[string]string{oauth.MicrosoftID: "outlook", oauth.GoogleID: "gmail"}
	if p, ok := mailbox.PresetByID(presets[o.providerID()]); ok {
		disc = mailbox.Discovery{Preset: p, Host: p.Host, Port: p.Port, Security: p.Security, Username: user}
	} else {
		dctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		var err error
		if disc, err = (&mailbox.Discoverer{}).Discover(dctx, o.address); err != nil {
			return mailbox.Account{}, disc, err
		}
	}
	a := disc.Account(o.name)
	a.Auth, a.Provider, a.Mailboxes = "", "", o.mailboxes
	if o.user != "" {
		a.Username = o.user
	}
	return a, disc, nil
}

// signIn runs the provider's flow for a terminal: the device code where
// the provider offers it (Microsoft), else the address to open in a
// browser of this computer (Google).
func signIn(ctx context.Context, id, address string, stdout io.Writer) (*oauth2.Token, error) {
	p, ok := oauthProviders(id)
	if !ok {
		return nil, fmt.Errorf("unknown provider %s", id)
	}
	if p.Device {
		return p.SignInDevice(ctx, func(c oauth.DeviceCode) {
			fmt.Fprintf(stdout, "Connexion à %s : ouvrez %s dans un navigateur (sur n'importe quel appareil) et saisissez le code %s.\n"+
				"Hygie attend que vous ayez terminé…\n", p.Name, c.URL, c.Code)
		})
	}
	return p.SignInBrowser(ctx, address, func(u string) error {
		fmt.Fprintf(stdout, "Connexion à %s : ouvrez cette adresse dans un navigateur de cet ordinateur :\n  %s\n"+
			"Hygie attend votre retour (5 minutes au plus)…\n", p.Name, u)
		return nil
	})
}

// addWithPassword reads the password on stdin, logs in, then saves.
func addWithPassword(ctx context.Context, st *mailbox.Store, kc mailbox.Keychain, acct mailbox.Account, opts mailbox.Options) error {
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("read password: %w", err)
	}
	pw := strings.TrimRight(line, "\r\n")
	if pw == "" {
		return errEmptyPassword
	}
	if err := mailbox.CheckLogin(ctx, acct, pw, opts); err != nil {
		return err
	}
	if err := kc.Set(acct.Name, pw); err != nil {
		return err
	}
	if err := st.SaveAccount(acct); err != nil {
		kc.Delete(acct.Name)
		return err
	}
	return nil
}

func accountList(stdout io.Writer) error {
	st, closeDB, err := openMailboxStore()
	if err != nil {
		return err
	}
	defer closeDB()
	accts, err := st.Accounts()
	if err != nil {
		return err
	}
	if len(accts) == 0 {
		fmt.Fprintln(stdout, "Aucun compte enregistré : hygie account add --name NOM --address ADRESSE")
	}
	for _, a := range accts {
		auth := "mot de passe"
		if p, ok := oauth.ByID(a.Provider); ok && a.UsesOAuth2() {
			auth = "connexion " + p.Name
		}
		fmt.Fprintf(stdout, "%s\t%s\t%s\t%s\n", a.Name, a.Username, a.Addr(), auth)
	}
	return nil
}

func accountRemove(name string, stdout io.Writer) error {
	st, closeDB, err := openMailboxStore()
	if err != nil {
		return err
	}
	defer closeDB()
	if _, err := st.Account(name); err != nil {
		return err
	}
	if err := st.RemoveAccount(mailbox.SystemKeychain{}, name); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Compte « %s » supprimé, avec ses analyses et ses secrets du trousseau.\n", name)
	return nil
}

func openMailboxStore() (*mailbox.Store, func(), error) {
	db, err := openStore()
	if err != nil {
		return nil, nil, err
	}
	st, err := mailbox.Open(db)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return st, func() { db.Close() }, nil
}

// accountErrorFR explains a failed account command in one French sentence
// with a next step; the technical detail follows, never a secret.
func accountErrorFR(err error) string {
	switch {
	case errors.Is(err, errNeedsSignIn):
		return "cette adresse se connecte avec son fournisseur, pas avec un mot de passe : relancez avec --microsoft ou --google."
	case errors.Is(err, mailbox.ErrNotDiscovered), errors.Is(err, mailbox.ErrDiscoveryFailed):
		return "Hygie ne trouve pas les réglages de cette adresse : donnez le serveur avec --host (et --port, --starttls si besoin). (" +
			err.Error() + ")"
	case errors.Is(err, oauth.ErrNoClientID):
		s, _ := mailbox.ExplainAuth(err, "fr")
		return s
	}
	if s, ok := mailbox.ExplainAuth(err, "fr"); ok {
		return s + " (" + err.Error() + ")"
	}
	return scanErrorFR(err)
}
