// Package mailbox connects Hygie to the practice's mailbox over IMAP,
// strictly read-only, and keeps the verdicts of the mail analysis engine in
// a local cache so that each scan only looks at what is new.
//
// Read-only means: mailboxes are opened with EXAMINE and messages fetched
// with BODY.PEEK, so no flag (not even \Seen) changes on the server; the
// package sends no STORE, COPY, MOVE or EXPUNGE. Passwords live only in the
// system keychain (see Keychain) and never in the database, files, logs or
// error text.
package mailbox
