// Package mailbox connects Hygie to the practice's mailbox over IMAP,
// strictly read-only, and keeps the verdicts of the mail analysis engine in
// a local cache so that each scan only looks at what is new.
//
// Read-only means: mailboxes are opened with EXAMINE and messages fetched
// with BODY.PEEK, so no flag (not even \Seen) changes on the server; the
// package sends no STORE, COPY, MOVE or EXPUNGE. Passwords live only in the
// system keychain (see Keychain) and never in the database, files, logs or
// error text.
//
// An account logs in with a password, or (Account.Auth = AuthOAuth2) with
// a Microsoft or Google sign-in from hygie/mail/oauth: SASL OAUTHBEARER or
// XOAUTH2, whichever the server offers, with an access token that Tokens
// keeps in memory. The refresh token lives only in the keychain, cut into
// entries small enough for Windows (SaveToken). Discoverer finds an
// address's provider and settings. The account form's calls are listed in
// hygie/mail/oauth's package comment and in docs/mailbox.md.
package mailbox
