// Package mailboxtest starts real servers for tests of Hygie's mailbox code:
// a throwaway Dovecot, go-imap's in-memory server, a private Secret Service
// (gnome-keyring on its own D-Bus), a fault-injecting TCP proxy and a DNS
// resolver that knows no names. Everything listens on 127.0.0.1 only and is
// stopped when the test ends. It is imported by tests only.
package mailboxtest
