package store

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestOpenCreatesDatabase(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nested", "hygie")
	db, err := Open(dir)
	if err != nil {
		t.Fatalf("Open(%s) = %v", dir, err)
	}
	defer db.Close()
	if _, err := os.Stat(filepath.Join(dir, FileName)); err != nil {
		t.Errorf("database file not created: %v", err)
	}
	var n int
	if err := db.QueryRow("SELECT count(*) FROM schema_version").Scan(&n); err != nil {
		t.Errorf("schema_version missing: %v", err)
	}
}

func TestDirFollowsHygieHome(t *testing.T) {
	t.Setenv("HYGIE_HOME", "/tmp/hygie-elsewhere")
	if d, err := Dir(); err != nil || d != "/tmp/hygie-elsewhere" {
		t.Errorf("Dir() = %q, %v; want /tmp/hygie-elsewhere", d, err)
	}
}

func TestOpenRefusesCorruptFileAndKeepsIt(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	garbage := bytes.Repeat([]byte("not a database, a patient's letter\n"), 200)
	if err := os.WriteFile(path, garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := Open(dir)
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Open(corrupt) = %v, want ErrCorrupt", err)
	}
	if db != nil {
		t.Error("Open(corrupt) returned a database")
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(after, garbage) {
		t.Error("Open(corrupt) changed the file")
	}
}

func TestOpenReportsLockedDatabase(t *testing.T) {
	dir := t.TempDir()
	first, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	conn, err := first.Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(t.Context(), "BEGIN EXCLUSIVE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(t.Context(), "ROLLBACK")
	if _, err := Open(dir); !errors.Is(err, ErrLocked) {
		t.Errorf("Open(locked) = %v, want ErrLocked", err)
	}
}

func TestOpenReportsReadOnlyDatabase(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := openPath(filepath.Join(dir, FileName), "&mode=ro"); !errors.Is(err, ErrReadOnly) {
		t.Errorf("open read-only = %v, want ErrReadOnly", err)
	}
}

// TestOpenReportsReadOnlyFolder runs Open in a folder its user cannot write.
// Root ignores permissions, so as root the check runs in a child process
// with the uid of nobody.
func TestOpenReportsReadOnlyFolder(t *testing.T) {
	if dir := os.Getenv("HYGIE_TEST_RO_DIR"); dir != "" {
		_, err := Open(dir)
		if !errors.Is(err, ErrReadOnly) {
			t.Fatalf("Open(read-only dir) = %v, want ErrReadOnly", err)
		}
		return
	}
	// Not t.TempDir: its parent is private to root, and nobody must reach it.
	base, err := os.MkdirTemp("", "hygie-store-ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(base) })
	os.Chmod(base, 0o755)
	dir := filepath.Join(base, "ro")
	if err := os.Mkdir(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() != 0 {
		if _, err := Open(dir); !errors.Is(err, ErrReadOnly) {
			t.Errorf("Open(read-only dir) = %v, want ErrReadOnly", err)
		}
		return
	}
	runAsNobody(t, base, dir)
}

// v1 is the first schema of a fictitious component; v2 adds a column and a
// table the way a later Hygie would.
var testMigrations = []string{
	`CREATE TABLE notes (id INTEGER PRIMARY KEY, day TEXT NOT NULL, body TEXT NOT NULL)`,
	`ALTER TABLE notes ADD COLUMN done INTEGER NOT NULL DEFAULT 0;
	 CREATE TABLE tags (note_id INTEGER REFERENCES notes(id), tag TEXT)`,
}

func TestMigrateKeepsRows(t *testing.T) {
	db := openTemp(t)
	if err := Migrate(db, "test", testMigrations[:1]); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO notes(day, body) VALUES ('2026-11-22', 'sauvegarde vérifiée'), ('2026-11-23', 'antivirus')`); err != nil {
		t.Fatal(err)
	}
	if err := Migrate(db, "test", testMigrations); err != nil {
		t.Fatalf("Migrate v1→v2: %v", err)
	}
	var n, done int
	var body string
	if err := db.QueryRow(`SELECT count(*), min(body), sum(done) FROM notes`).Scan(&n, &body, &done); err != nil {
		t.Fatal(err)
	}
	if n != 2 || body != "antivirus" || done != 0 {
		t.Errorf("after migration: %d rows, min body %q, done %d; want 2, antivirus, 0", n, body, done)
	}
	if v := version(t, db, "test"); v != 2 {
		t.Errorf("version = %d, want 2", v)
	}
	if err := Migrate(db, "test", testMigrations); err != nil {
		t.Errorf("second Migrate = %v, want no-op", err)
	}
}

func TestMigrateFailureRollsBack(t *testing.T) {
	db := openTemp(t)
	bad := append([]string{testMigrations[0]}, `CREATE TABLE half (x INT); THIS IS NOT SQL`)
	if err := Migrate(db, "test", bad); err == nil {
		t.Fatal("Migrate with a broken step succeeded")
	}
	if v := version(t, db, "test"); v != 1 {
		t.Errorf("version after failed step = %d, want 1", v)
	}
	var n int
	db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'half'`).Scan(&n)
	if n != 0 {
		t.Error("failed migration left a table behind")
	}
}

func TestMigrateRefusesNewerSchema(t *testing.T) {
	db := openTemp(t)
	if err := Migrate(db, "test", testMigrations); err != nil {
		t.Fatal(err)
	}
	if err := Migrate(db, "test", testMigrations[:1]); !errors.Is(err, ErrTooNew) {
		t.Errorf("Migrate with fewer steps = %v, want ErrTooNew", err)
	}
}

func TestComponentsAreIndependent(t *testing.T) {
	db := openTemp(t)
	if err := Migrate(db, "a", []string{`CREATE TABLE a1 (x INT)`}); err != nil {
		t.Fatal(err)
	}
	if err := Migrate(db, "b", []string{`CREATE TABLE b1 (x INT)`, `CREATE TABLE b2 (x INT)`}); err != nil {
		t.Fatal(err)
	}
	if va, vb := version(t, db, "a"), version(t, db, "b"); va != 1 || vb != 2 {
		t.Errorf("versions a=%d b=%d, want 1 and 2", va, vb)
	}
}

func TestInTxRollsBackOnError(t *testing.T) {
	db := openTemp(t)
	db.Exec(`CREATE TABLE t (x INT)`)
	want := errors.New("boom")
	err := InTx(db, func(tx *sql.Tx) error {
		tx.Exec(`INSERT INTO t VALUES (1)`)
		return want
	})
	if !errors.Is(err, want) {
		t.Errorf("InTx = %v, want %v", err, want)
	}
	var n int
	db.QueryRow(`SELECT count(*) FROM t`).Scan(&n)
	if n != 0 {
		t.Errorf("%d rows after rollback, want 0", n)
	}
}

func openTemp(t *testing.T) *sql.DB {
	t.Helper()
	db, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func version(t *testing.T, db *sql.DB, component string) int {
	t.Helper()
	var v int
	if err := db.QueryRow(`SELECT version FROM schema_version WHERE component = ?`, component).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}
