package mailbox

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"hygie/mail"
	"hygie/store"
)

func TestAccountsRoundTrip(t *testing.T) {
	st, _ := newStore(t)
	a := Account{Name: "cabinet", Host: "imap.orange.fr", Port: 993, Security: TLS, Username: "kine@orange.fr",
		Mailboxes: []string{"INBOX", "Archives"}, PinnedSHA256: "AB:CD", Preset: "orange"}
	if err := st.SaveAccount(a); err != nil {
		t.Fatal(err)
	}
	got, err := st.Account("cabinet")
	if err != nil {
		t.Fatal(err)
	}
	a.PinnedSHA256 = "abcd" // stored normalised
	if !reflect.DeepEqual(got, a) {
		t.Errorf("Account = %+v, want %+v", got, a)
	}
	a.Host = "imap2.orange.fr"
	if err := st.SaveAccount(a); err != nil {
		t.Fatal(err)
	}
	all, err := st.Accounts()
	if err != nil || len(all) != 1 || all[0].Host != "imap2.orange.fr" {
		t.Errorf("Accounts after update = %+v, %v; want one updated account", all, err)
	}
	if err := st.SaveAccount(Account{Name: "x"}); !errors.Is(err, ErrInvalidAccount) {
		t.Errorf("SaveAccount(invalid) = %v, want ErrInvalidAccount", err)
	}
	if err := st.DeleteAccount("cabinet"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Account("cabinet"); !errors.Is(err, ErrNoAccount) {
		t.Errorf("Account after delete = %v, want ErrNoAccount", err)
	}
}

// TestNoPasswordColumn guards the promise that the database never holds a
// password: no column may even be named like one.
func TestNoPasswordColumn(t *testing.T) {
	st, _ := newStore(t)
	rows, err := st.db.Query(`SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
		WHERE m.type = 'table' AND m.name LIKE 'mailbox_%'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var table, col string
		rows.Scan(&table, &col)
		n++
		for _, bad := range []string{"pass", "secret", "token"} {
			if strings.Contains(strings.ToLower(col), bad) {
				t.Errorf("column %s.%s looks like it holds a secret", table, col)
			}
		}
	}
	if n == 0 {
		t.Fatal("no mailbox_ columns found: the check would be vacuous")
	}
}

// TestMigrateFromV1KeepsRows opens a database at schema version 1 holding
// an account, a state and a message, and upgrades it.
func TestMigrateFromV1KeepsRows(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := store.Migrate(db, component, migrations[:1]); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO mailbox_accounts (name, host, port, security, username, mailboxes) VALUES ('c', 'h', 993, 'tls', 'u', '["INBOX"]')`,
		`INSERT INTO mailbox_state VALUES ('c', 'INBOX', 7, 3)`,
		`INSERT INTO mailbox_messages VALUES ('c', 'INBOX', 7, 3, 'id', 'Objet', 'a@b.fr', '2026-03-02T08:00:00Z', 10, 0,
			'[]', 'ordinary', 'suspicious', 55, '{"subject":"Objet","verdict":"suspicious","findings":[{"id":"x"}]}', '[40]', '', '2026-03-02T09:00:00Z')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	st, err := Open(db)
	if err != nil {
		t.Fatalf("migrate to current: %v", err)
	}
	if a, err := st.Account("c"); err != nil || a.Host != "h" {
		t.Errorf("account after migration = %+v, %v", a, err)
	}
	msgs, err := st.Messages("c")
	if err != nil || len(msgs) != 1 {
		t.Fatalf("messages after migration = %v, %v; want 1", msgs, err)
	}
	m := msgs[0]
	if m.Report.Subject != "Objet" || !m.Flagged() || len(m.Report.Findings) != 1 || m.Report.Findings[0].Weight != 40 {
		t.Errorf("message after migration = %+v", m)
	}
	if n, err := st.countFlagged("c", []string{"INBOX"}); err != nil || n != 1 {
		t.Errorf("countFlagged after migration = %d, %v; want 1", n, err)
	}
	if m.Engine != "" {
		t.Errorf("engine of a message cached before migration 5 = %q, want none", m.Engine)
	}
	if uids, err := st.staleUIDs("c", "INBOX", 7, mail.EngineVersion()); err != nil || !slices.Equal(uids, []uint32{3}) {
		t.Errorf("staleUIDs after migration = %v, %v; want [3]: judged before Hygie kept the version", uids, err)
	}
}

// TestMigrationToEngineFailsSafely: when migration 5 cannot run, Open says
// which one failed, and the database stays at version 4 with its rows; once
// the obstacle is gone, the next Open migrates.
func TestMigrationToEngineFailsSafely(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := store.Migrate(db, component, migrations[:4]); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO mailbox_state VALUES ('c', 'INBOX', 7, 3)`,
		`INSERT INTO mailbox_messages VALUES ('c', 'INBOX', 7, 3, 'id', 'Objet', 'a@b.fr', '2026-03-02T08:00:00Z', 10, 0,
			'[]', 'ordinary', 'suspicious', 55, '{"subject":"Objet","verdict":"suspicious"}', '[]', '', '2026-03-02T09:00:00Z')`,
		`ALTER TABLE mailbox_messages ADD COLUMN engine INTEGER`, // the obstacle: ADD COLUMN engine fails
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if _, err := Open(db); err == nil || !strings.Contains(err.Error(), "migrate mailbox to 5") {
		t.Fatalf("Open with migration 5 blocked = %v, want an error naming it", err)
	}
	var version, rows int
	db.QueryRow(`SELECT version FROM schema_version WHERE component = ?`, component).Scan(&version)
	db.QueryRow(`SELECT COUNT(*) FROM mailbox_messages WHERE subject = 'Objet' AND verdict = 'suspicious'`).Scan(&rows)
	if version != 4 || rows != 1 {
		t.Fatalf("after the failed migration: version %d, %d rows; want 4 and the message kept", version, rows)
	}
	if _, err := db.Exec(`ALTER TABLE mailbox_messages DROP COLUMN engine`); err != nil {
		t.Fatal(err)
	}
	st, err := Open(db)
	if err != nil {
		t.Fatalf("Open once unblocked = %v", err)
	}
	if msgs, err := st.Messages("c"); err != nil || len(msgs) != 1 || msgs[0].Report.Subject != "Objet" || msgs[0].Engine != "" {
		t.Errorf("messages after migrating = %+v, %v; want the one message, with no engine version", msgs, err)
	}
}
