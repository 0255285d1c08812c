package mailbox

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"hygie/store"
)

// component is this package's name in the schema_version table.
const component = "mailbox"

// migrations are the numbered schema changes of this package's tables;
// migrations[0] is version 1. Never edit one that has shipped: append.
var migrations = []string{
	// 1: accounts (no password column, ever), per-mailbox sync state, and one
	// row per analysed message keyed by (account, mailbox, UIDVALIDITY, UID).
	// report is the engine's JSON report as is (so fields it gains later are
	// kept); weights are its findings' weights, which that JSON leaves out.
	`CREATE TABLE mailbox_accounts (
		name            TEXT PRIMARY KEY,
		host            TEXT NOT NULL,
		port            INTEGER NOT NULL,
		security        TEXT NOT NULL,
		username        TEXT NOT NULL,
		mailboxes       TEXT NOT NULL,
		allow_plaintext INTEGER NOT NULL DEFAULT 0,
		pinned_sha256   TEXT NOT NULL DEFAULT '',
		preset          TEXT NOT NULL DEFAULT ''
	);
	CREATE TABLE mailbox_state (
		account     TEXT NOT NULL,
		mailbox     TEXT NOT NULL,
		uidvalidity INTEGER NOT NULL,
		last_uid    INTEGER NOT NULL,
		PRIMARY KEY (account, mailbox)
	);
	CREATE TABLE mailbox_messages (
		account        TEXT NOT NULL,
		mailbox        TEXT NOT NULL,
		uidvalidity    INTEGER NOT NULL,
		uid            INTEGER NOT NULL,
		message_id     TEXT NOT NULL,
		subject        TEXT NOT NULL,
		sender         TEXT NOT NULL,
		date           TEXT NOT NULL,
		size           INTEGER NOT NULL,
		truncated      INTEGER NOT NULL,
		flags          TEXT NOT NULL,
		channel        TEXT NOT NULL,
		verdict        TEXT NOT NULL,
		score          INTEGER NOT NULL,
		report         TEXT NOT NULL,
		weights        TEXT NOT NULL,
		analysis_error TEXT NOT NULL,
		scanned_at     TEXT NOT NULL,
		PRIMARY KEY (account, mailbox, uidvalidity, uid)
	);`,
	// 2: a log of finished scans, for the dashboard, and an index for the
	// flagged counts it shows.
	`CREATE TABLE mailbox_scans (
		id         INTEGER PRIMARY KEY AUTOINCREMENT,
		account    TEXT NOT NULL,
		started_at TEXT NOT NULL,
		seconds    REAL NOT NULL,
		scanned    INTEGER NOT NULL,
		new        INTEGER NOT NULL,
		flagged    INTEGER NOT NULL
	);
	CREATE INDEX mailbox_messages_verdict ON mailbox_messages(account, mailbox, verdict);`,
	// 3: the ANS MSSanté trust-space list, as last downloaded on the user's
	// request (one row: the XML as published, and when it was fetched).
	`CREATE TABLE mailbox_trust_list (
		id         INTEGER PRIMARY KEY CHECK (id = 1),
		fetched_at TEXT NOT NULL,
		xml        BLOB NOT NULL
	);`,
	// 4: how each account logs in (password, or OAuth2 with a provider); the
	// token itself lives in the keychain, like the password.
	`ALTER TABLE mailbox_accounts ADD COLUMN auth TEXT NOT NULL DEFAULT 'password';
	ALTER TABLE mailbox_accounts ADD COLUMN provider TEXT NOT NULL DEFAULT '';`,
	// 5: the engine version (mail.EngineVersion) that judged each message,
	// so that a scan after an update judges again what an older engine
	// judged. Rows from before have none (''), which no engine is: the
	// first scan after this migration re-checks them all.
	`ALTER TABLE mailbox_messages ADD COLUMN engine TEXT NOT NULL DEFAULT '';`,
}

// ErrNoAccount: no saved account has that name.
var ErrNoAccount = errors.New("mailbox: no such account")

// Store keeps accounts and the scan cache in Hygie's database.
type Store struct {
	db *sql.DB
}

// Open brings this package's tables up to date in db and returns a Store.
func Open(db *sql.DB) (*Store, error) {
	if err := store.Migrate(db, component, migrations); err != nil {
		return nil, fmt.Errorf("mailbox tables: %w", err)
	}
	return &Store{db: db}, nil
}

// SaveAccount creates or replaces the account named a.Name.
func (s *Store) SaveAccount(a Account) error {
	if err := a.Validate(); err != nil {
		return err
	}
	boxes, _ := json.Marshal(a.Boxes())
	return store.InTx(s.db, func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO mailbox_accounts
			(name, host, port, security, username, mailboxes, allow_plaintext, pinned_sha256, preset, auth, provider)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT(name) DO UPDATE SET host = excluded.host, port = excluded.port,
			security = excluded.security, username = excluded.username, mailboxes = excluded.mailboxes,
			allow_plaintext = excluded.allow_plaintext, pinned_sha256 = excluded.pinned_sha256,
			preset = excluded.preset, auth = excluded.auth, provider = excluded.provider`,
			a.Name, a.Host, a.Port, string(securityOrDefault(a.Security)), a.Username, string(boxes),
			a.AllowPlaintext, NormalizeFingerprint(a.PinnedSHA256), a.Preset, string(a.authKind()), a.Provider)
		if err != nil {
			return fmt.Errorf("save account %s: %w", a.Name, err)
		}
		return nil
	})
}

func securityOrDefault(s Security) Security {
	if s == "" {
		return TLS
	}
	return s
}

const accountColumns = `name, host, port, security, username, mailboxes, allow_plaintext, pinned_sha256, preset, auth, provider`

// Accounts lists the saved accounts by name.
func (s *Store) Accounts() ([]Account, error) {
	rows, err := s.db.Query(`SELECT ` + accountColumns + ` FROM mailbox_accounts ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list accounts: %w", err)
	}
	defer rows.Close()
	var out []Account
	for rows.Next() {
		a, err := scanAccount(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Account returns the saved account called name, or ErrNoAccount.
func (s *Store) Account(name string) (Account, error) {
	a, err := scanAccount(s.db.QueryRow(`SELECT `+accountColumns+` FROM mailbox_accounts WHERE name = ?`, name))
	if errors.Is(err, sql.ErrNoRows) {
		return Account{}, fmt.Errorf("account %s: %w", name, ErrNoAccount)
	}
	return a, err
}

type rowScanner interface{ Scan(...any) error }

func scanAccount(r rowScanner) (Account, error) {
	var a Account
	var sec, boxes, auth string
	if err := r.Scan(&a.Name, &a.Host, &a.Port, &sec, &a.Username, &boxes, &a.AllowPlaintext, &a.PinnedSHA256, &a.Preset,
		&auth, &a.Provider); err != nil {
		return Account{}, fmt.Errorf("read account: %w", err)
	}
	a.Security = Security(sec)
	if AuthKind(auth) != AuthPassword { // the zero value already means password
		a.Auth = AuthKind(auth)
	}
	if err := json.Unmarshal([]byte(boxes), &a.Mailboxes); err != nil {
		return Account{}, fmt.Errorf("read account %s mailboxes: %w", a.Name, err)
	}
	return a, nil
}

// DeleteAccount forgets the account and everything cached for it. The
// keychain entry is the caller's to remove (Keychain.Delete).
func (s *Store) DeleteAccount(name string) error {
	return store.InTx(s.db, func(tx *sql.Tx) error {
		for _, q := range []string{
			`DELETE FROM mailbox_accounts WHERE name = ?`,
			`DELETE FROM mailbox_state WHERE account = ?`,
			`DELETE FROM mailbox_messages WHERE account = ?`,
			`DELETE FROM mailbox_scans WHERE account = ?`,
		} {
			if _, err := tx.Exec(q, name); err != nil {
				return fmt.Errorf("delete account %s: %w", name, err)
			}
		}
		return nil
	})
}
