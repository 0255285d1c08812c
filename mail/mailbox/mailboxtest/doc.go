// Package mailboxtest starts real servers for tests of Hygie's mailbox code:
// a throwaway Dovecot, go-imap's in-memory server, a private Secret Service
// (gnome-keyring on its own D-Bus), a fault-injecting TCP proxy and a DNS
// resolver that knows no names. Everything listens on 127.0.0.1 only and is
// stopped when the test ends. The tests of mail/mailbox, cli and ui import
// it, and so does .ci/demo-mail (NewDovecot outside a test), which fills a
// data folder for the screenshots; Hygie itself never does.
package mailboxtest
