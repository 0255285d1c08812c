package cli

import (
	"bufio"
	"context"
	"crypto/x509"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"strings"
	"time"

	"hygie/mail"
	"hygie/mail/mailbox"
)

const scanUsage = `Usage :
  hygie scan --host SERVEUR [--port P] [--starttls] --user IDENTIFIANT --password-stdin
             [--mailbox DOSSIER]… [--ca-file PEM] [--pin EMPREINTE] [--json] [--all]
  hygie scan --account NOM [--password-stdin] [--json] [--all]

Analyse une boîte aux lettres IMAP en lecture seule : rien n'est modifié sur
le serveur (aucun message marqué comme lu, déplacé ni effacé). Seuls les
messages arrivés depuis la dernière analyse sont téléchargés.

  --host SERVEUR      serveur IMAP (ex. imap.orange.fr)
  --port P            port (défaut 993, ou 143 avec --starttls)
  --starttls          connexion STARTTLS au lieu de TLS direct
  --user IDENTIFIANT  identifiant de la boîte
  --password-stdin    lit le mot de passe sur l'entrée standard (jamais en
                      argument : il resterait dans l'historique)
  --mailbox DOSSIER   dossier à analyser, répétable (défaut INBOX)
  --ca-file PEM       autorité de certification à accepter en plus
  --pin EMPREINTE     accepte le certificat de ce serveur d'après son
                      empreinte SHA-256 (certificat auto-signé)
  --plaintext         connexion non chiffrée, seulement vers cet ordinateur
  --account NOM       compte enregistré dans Hygie (mot de passe ou connexion
                      Microsoft / Google dans le trousseau du système)
  --json              une ligne JSON par message analysé (mailbox, uid,
                      message_id, subject, from, channel, verdict, score,
                      findings) ; pour un message illisible, error au
                      lieu du verdict ; puis {"summary":{…}}
  --all               affiche tous les messages connus, pas seulement les nouveaux
  --lang fr|en        langue des explications (défaut fr)
  --timeout DURÉE     attente maximale d'une réponse du serveur (défaut 30s)
  --refresh-trust-list
                      télécharge d'abord la liste des domaines MSSanté publiée
                      par l'ANS et la garde pour les analyses suivantes (seul
                      accès à Internet hors du serveur de messagerie)

Code de sortie : 0 si l'analyse est allée au bout, 1 en cas d'échec (ce qui
était déjà analysé est conservé), 2 en cas d'erreur d'utilisation.
`

// stdin is where --password-stdin reads; tests replace it.
var stdin io.Reader = os.Stdin

// scanOptions are the parsed flags of `hygie scan`.
type scanOptions struct {
	account       string
	host          string
	port          int
	starttls      bool
	plaintext     bool
	user          string
	passwordStdin bool
	mailboxes     stringList
	caFile        string
	pin           string
	json          bool
	all           bool
	lang          string
	timeout       time.Duration
	refreshTrust  bool
}

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// scanRecord is one line of `hygie scan --json`: the fields of
// `hygie inspect --json` with mailbox and uid instead of file.
type scanRecord struct {
	Mailbox string `json:"mailbox"`
	UID     uint32 `json:"uid"`
	verdictFields
}

// scanErrorRecord is the line of `hygie scan --json` for a message the
// engine could not analyse: like inspect's error line, with what the
// server's envelope tells about the message.
type scanErrorRecord struct {
	Mailbox   string `json:"mailbox"`
	UID       uint32 `json:"uid"`
	MessageID string `json:"message_id"`
	Subject   string `json:"subject"`
	From      string `json:"from"`
	Error     string `json:"error"`
}

// runScan implements `hygie scan`.
func runScan(args []string, stdout, stderr io.Writer) int {
	o, err := parseScan(args)
	if code, done := parseOutcome("scan", scanUsage, err, stdout, stderr); done {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := scan(ctx, o, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "hygie scan : %s\n", scanErrorFR(err))
		return 1
	}
	return 0
}

func parseScan(args []string) (scanOptions, error) {
	var o scanOptions
	fs := flag.NewFlagSet("scan", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // our own French usage is printed instead
	fs.StringVar(&o.account, "account", "", "")
	fs.StringVar(&o.host, "host", "", "")
	fs.IntVar(&o.port, "port", 0, "")
	fs.BoolVar(&o.starttls, "starttls", false, "")
	fs.BoolVar(&o.plaintext, "plaintext", false, "")
	fs.StringVar(&o.user, "user", "", "")
	fs.BoolVar(&o.passwordStdin, "password-stdin", false, "")
	fs.Var(&o.mailboxes, "mailbox", "")
	fs.StringVar(&o.caFile, "ca-file", "", "")
	fs.StringVar(&o.pin, "pin", "", "")
	fs.BoolVar(&o.json, "json", false, "")
	fs.BoolVar(&o.all, "all", false, "")
	fs.StringVar(&o.lang, "lang", "fr", "")
	fs.DurationVar(&o.timeout, "timeout", 30*time.Second, "")
	fs.BoolVar(&o.refreshTrust, "refresh-trust-list", false, "")
	if err := fs.Parse(args); err != nil {
		return o, flagErrorFR(err)
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("argument inattendu « %s »", fs.Arg(0))
	}
	return o, checkScanOptions(o)
}

func checkScanOptions(o scanOptions) error {
	adHoc := o.host != "" || o.user != "" || o.port != 0 || o.starttls || o.plaintext || len(o.mailboxes) > 0 ||
		o.caFile != "" || o.pin != ""
	switch {
	case o.account != "" && adHoc:
		return errors.New("--account ne se combine pas avec --host, --user, --port, --mailbox… (réglages du compte enregistré)")
	case o.account == "" && (o.host == "" || o.user == ""):
		return errors.New("indiquez --account NOM, ou bien --host et --user")
	case o.account == "" && !o.passwordStdin:
		return errors.New("avec --host, donnez le mot de passe par --password-stdin (jamais en argument)")
	case o.starttls && o.plaintext:
		return errors.New("--starttls et --plaintext s'excluent")
	case o.port < 0 || o.port > 65535:
		return fmt.Errorf("--port %d n'est pas un port valide", o.port)
	case o.lang != "fr" && o.lang != "en":
		return fmt.Errorf("--lang accepte fr ou en, pas « %s »", o.lang)
	case o.timeout <= 0:
		return errors.New("--timeout doit être une durée positive (ex. 30s)")
	}
	return nil
}

// scan resolves the account and password, runs the scan and prints it.
func scan(ctx context.Context, o scanOptions, stdout, stderr io.Writer) error {
	db, err := openStore()
	if err != nil {
		return err
	}
	defer db.Close()
	st, err := mailbox.Open(db)
	if err != nil {
		return err
	}
	if o.refreshTrust {
		refreshTrustList(ctx, st, stderr)
	}
	acct, err := scanAccount(st, o)
	if err != nil {
		return err
	}
	pw, err := scanPassword(o, acct)
	if err != nil {
		return err
	}
	opts := mailbox.Options{Timeout: o.timeout}
	if opts.RootCAs, err = loadCAFile(o.caFile); err != nil {
		return err
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	p := &scanPrinter{out: out, json: o.json, lang: o.lang}
	sc := mailbox.NewScanner(st, mail.NewAnalyzer(mail.Options{Lang: o.lang}), opts)
	hooks := mailbox.Hooks{}
	if !o.all {
		hooks.Message = p.message
	}
	sum, err := sc.Scan(ctx, acct, pw, hooks)
	if err != nil {
		return err
	}
	if o.all {
		if err := p.cached(st, acct); err != nil {
			return err
		}
	}
	p.summary(sum)
	return nil
}

// trustListURL is where --refresh-trust-list downloads; tests replace it.
var trustListURL = mailbox.TrustListURL

// refreshTrustList downloads the ANS list on the user's request. A failure
// is said and the scan goes on with the list saved before, if any.
func refreshTrustList(ctx context.Context, st *mailbox.Store, stderr io.Writer) {
	list, err := st.RefreshTrustList(ctx, &http.Client{}, trustListURL)
	if err != nil {
		fmt.Fprintf(stderr, "hygie scan : la liste des domaines MSSanté n'a pas pu être mise à jour ; "+
			"l'analyse continue avec la liste précédente s'il y en a une. (%v)\n", err)
		return
	}
	fmt.Fprintf(stderr, "hygie scan : liste des domaines MSSanté mise à jour (%d domaines).\n", list.Len())
}

// scanAccount is the saved account, or one made from the flags; the latter
// is named user@host:port so that its cache serves the next run too.
func scanAccount(st *mailbox.Store, o scanOptions) (mailbox.Account, error) {
	if o.account != "" {
		return st.Account(o.account)
	}
	a := mailbox.Account{Host: o.host, Port: o.port, Security: mailbox.TLS, Username: o.user,
		Mailboxes: o.mailboxes, PinnedSHA256: o.pin}
	switch {
	case o.starttls:
		a.Security = mailbox.StartTLS
	case o.plaintext:
		a.Security, a.AllowPlaintext = mailbox.Plain, true
	}
	a.Name = o.user + "@" + a.Addr()
	return a, a.Validate()
}

// scanPassword reads stdin when asked, else the system keychain; an
// account signing in with Microsoft or Google gets a fresh access token.
func scanPassword(o scanOptions, a mailbox.Account) (string, error) {
	if a.UsesOAuth2() {
		return mailbox.NewTokens(mailbox.SystemKeychain{}, oauthProviders).Secret(a)
	}
	if o.passwordStdin {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", fmt.Errorf("read password: %w", err)
		}
		if pw := strings.TrimRight(line, "\r\n"); pw != "" {
			return pw, nil
		}
		return "", errEmptyPassword
	}
	return mailbox.SystemKeychain{}.Get(a.Name)
}

var errEmptyPassword = errors.New("empty password on standard input")

func loadCAFile(path string) (*x509.CertPool, error) {
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errBadCAFile, err)
	}
	pool, err := x509.SystemCertPool()
	if err != nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(data) {
		return nil, fmt.Errorf("%w: no PEM certificate in %s", errBadCAFile, path)
	}
	return pool, nil
}

var errBadCAFile = errors.New("unusable --ca-file")

// scanPrinter writes analysed messages as JSON lines or as French text.
type scanPrinter struct {
	out  *bufio.Writer
	json bool
	lang string
}

// message prints one analysed message; as text, only those to look at.
func (p *scanPrinter) message(m mailbox.Message) {
	r := m.Report
	if m.AnalysisError != "" {
		p.failed(m)
		return
	}
	if p.json {
		b, _ := json.Marshal(scanRecord{Mailbox: m.Mailbox, UID: m.UID, verdictFields: newVerdictFields(r, p.lang)})
		p.out.Write(b)
		p.out.WriteByte('\n')
		return
	}
	if m.Flagged() {
		writeReport(p.out, fmt.Sprintf("%s, message %d", m.Mailbox, m.UID), r, p.lang)
	}
}

// failed prints a message the engine could not analyse: it is never
// silently left out, since it may be the one to look at.
func (p *scanPrinter) failed(m mailbox.Message) {
	r := m.Report
	if p.json {
		b, _ := json.Marshal(scanErrorRecord{Mailbox: m.Mailbox, UID: m.UID, MessageID: r.MessageID, Subject: r.Subject,
			From: r.From, Error: m.AnalysisError})
		p.out.Write(b)
		p.out.WriteByte('\n')
		return
	}
	fmt.Fprintf(p.out, "%s, message %d\n  Analyse impossible : restez prudent avec ce message.\n  De : %s\n  Objet : %s\n    (%s)\n\n",
		m.Mailbox, m.UID, r.From, r.Subject, m.AnalysisError)
}

// cached prints every known message of the account's mailboxes (--all).
func (p *scanPrinter) cached(st *mailbox.Store, a mailbox.Account) error {
	msgs, err := st.Messages(a.Name)
	if err != nil {
		return err
	}
	for _, m := range msgs {
		if slices.Contains(a.Boxes(), m.Mailbox) {
			p.message(m)
		}
	}
	return nil
}

func (p *scanPrinter) summary(s mailbox.Summary) {
	if p.json {
		b, _ := json.Marshal(struct {
			Summary mailbox.Summary `json:"summary"`
		}{s})
		p.out.Write(b)
		p.out.WriteByte('\n')
		return
	}
	rechecked := ""
	if s.Rechecked > 0 { // after an update: the user should know why a scan took long
		rechecked = ", " + countFR(s.Rechecked, "déjà vu revu", "déjà vus revus") + " par la nouvelle version de Hygie"
	}
	fmt.Fprintf(p.out, "%s dans la boîte, %s%s en %.1f s ; %d à vérifier de près.\n",
		countFR(s.Scanned, "message", "messages"), countFR(s.New, "nouveau analysé", "nouveaux analysés"), rechecked, s.Seconds, s.Flagged)
}

// scanErrorFR explains a failed scan in one French sentence with a next
// step, from the table the window shares (mailbox.Explain), or from the
// command's own errors. The technical detail follows in parentheses; it
// never holds the password.
func scanErrorFR(err error) string {
	var ce *mailbox.CertError
	if errors.As(err, &ce) { // the certificate's identity, to compare before --pin
		return fmt.Sprintf("le certificat du serveur %s n'est pas reconnu (sujet : %s ; émetteur : %s ; empreinte SHA-256 : %s). "+
			"Vérifiez l'empreinte auprès de votre fournisseur ; si elle est juste, relancez avec --pin %s. (%v)",
			ce.Host, ce.Subject, ce.Issuer, mailbox.FormatFingerprint(ce.SHA256), ce.SHA256, ce.Reason)
	}
	if s, ok := mailbox.ExplainAuth(err, "fr"); ok { // OAuth2 accounts: hygie account add … to sign in again
		return s + " (" + err.Error() + ")"
	}
	for _, e := range scanErrors {
		if errors.Is(err, e.err) {
			return e.fr + " (" + err.Error() + ")"
		}
	}
	return mailbox.Explain(err, mailbox.InCLI).FR + " (" + err.Error() + ")"
}

// scanErrors are the failures of the command itself, before any mailbox.
var scanErrors = []struct {
	err error
	fr  string
}{
	{errEmptyPassword, "aucun mot de passe reçu sur l'entrée standard."},
	{errBadCAFile, "le fichier --ca-file est illisible ou ne contient pas de certificat PEM."},
}
