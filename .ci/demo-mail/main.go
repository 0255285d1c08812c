// Command demo-mail fills a Hygie data folder with one mail account and the
// analysis of a few of the French practice scenarios, the way the app does
// it: a throw-away Dovecot on 127.0.0.1 receives the messages, and Hygie's
// own scanner reads them. The screenshots use it so that the Messagerie
// screen shows real verdicts.
//
//	HYGIE_HOME=/tmp/demo go run ./.ci/demo-mail
package main

import (
	"context"
	"crypto/tls"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"hygie/mail"
	"hygie/mail/mailbox"
	"hygie/mail/mailbox/mailboxtest"
	"hygie/store"
)

// scenarios are delivered in this order, oldest first.
var scenarios = []string{
	"ham/mssante-chu-compte-rendu.eml",
	"ham/doctolib-rendez-vous.eml",
	"ham/urssaf-echeancier.eml",
	"ham/ordre-newsletter.eml",
	"phish/faux-colis-frais-douane.eml",
	"ham/collegue-bilan-gmail.eml",
	"phish/fraude-au-president.eml",
	"phish/faux-mssante-desactivation.eml",
	"phish/faux-ameli-carte-vitale.eml",
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "demo-mail:", err)
		os.Exit(1)
	}
}

func run() error {
	d, err := mailboxtest.NewDovecot()
	if err != nil {
		return err
	}
	defer d.Stop()
	if err := deliver(d); err != nil {
		return err
	}
	dir, err := store.Dir()
	if err != nil {
		return err
	}
	db, err := store.Open(dir)
	if err != nil {
		return err
	}
	defer db.Close()
	st, err := mailbox.Open(db)
	if err != nil {
		return err
	}
	host, port, _ := strings.Cut(d.IMAPS, ":")
	p, _ := strconv.Atoi(port)
	acct := mailbox.Account{Name: "Cabinet", Host: host, Port: p, Security: mailbox.TLS,
		Username: d.User, PinnedSHA256: d.Cert.SHA256}
	if err := st.SaveAccount(acct); err != nil {
		return err
	}
	sc := mailbox.NewScanner(st, mail.NewAnalyzer(mail.Options{Lang: "fr"}), mailbox.Options{})
	sum, err := sc.Scan(context.Background(), acct, d.Password, mailbox.Hooks{})
	if err != nil {
		return err
	}
	fmt.Printf("demo-mail: %d messages analysed, %d flagged, in %s\n", sum.New, sum.Flagged, dir)
	return nil
}

// deliver appends the scenarios to the INBOX.
func deliver(d *mailboxtest.Dovecot) error {
	host, _, _ := strings.Cut(d.IMAPS, ":")
	c, err := imapclient.DialTLS(d.IMAPS, &imapclient.Options{TLSConfig: &tls.Config{RootCAs: d.Cert.Pool(), ServerName: host}})
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.Login(d.User, d.Password).Wait(); err != nil {
		return err
	}
	for _, name := range scenarios {
		raw, err := os.ReadFile(filepath.Join("mail", "testdata", "messages", filepath.FromSlash(name)))
		if err != nil {
			return err
		}
		cmd := c.Append("INBOX", int64(len(raw)), &imap.AppendOptions{})
		if _, err := cmd.Write(raw); err != nil {
			return err
		}
		if err := cmd.Close(); err != nil {
			return err
		}
		if _, err := cmd.Wait(); err != nil {
			return fmt.Errorf("append %s: %w", name, err)
		}
	}
	return c.Logout().Wait()
}
