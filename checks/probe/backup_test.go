package probe

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// entry is a file (or, ending in "/", a folder) with its age. Folders
// not listed keep the date of their creation, now.
type entry struct {
	path string
	age  time.Duration
}

// makeTree builds entries under a temporary folder with controlled dates.
func makeTree(t *testing.T, now time.Time, entries []entry) string {
	t.Helper()
	root := t.TempDir()
	for _, e := range entries {
		p := filepath.Join(root, filepath.FromSlash(strings.TrimSuffix(e.path, "/")))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(e.path, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
		} else if err := os.WriteFile(p, []byte("sauvegarde"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Dates are set once everything exists: creating an entry changes its
	// folder's date, setting a date does not.
	for _, e := range entries {
		p := filepath.Join(root, filepath.FromSlash(strings.TrimSuffix(e.path, "/")))
		when := now.Add(-e.age)
		if err := os.Chtimes(p, when, when); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

const day = 24 * time.Hour

var backupCases = []struct {
	name    string
	entries []entry
	maxAge  time.Duration
	status  Status
	has     string
}{
	{"empty folder", nil, 0, Fail, "vide"},
	{"fresh file", []entry{{"cabinet.db", 3 * time.Hour}}, 0, Pass, "Dernière sauvegarde il y a 3 h. | newest entry: cabinet.db,"},
	{"old files only", []entry{{"2024-01-01/cabinet.db", 9 * day}, {"2024-01-01/", 9 * day}}, 0, Fail, "il y a 9 jours : plus ancienne que 26 h. | newest entry: 2024-01-01,"},
	{"rsync snapshot keeps old file dates", []entry{
		{"snapshots/2024-02-20/", 2 * time.Hour},
		{"snapshots/2024-02-20/cabinet.db", 30 * day},
		{"snapshots/", 2 * time.Hour},
	}, 0, Pass, "il y a 2 h"},
	{"just over the limit", []entry{{"cabinet.db", 27 * time.Hour}}, 0, Fail, "il y a 27 h"},
	{"custom limit", []entry{{"cabinet.db", 27 * time.Hour}}, 48 * time.Hour, Pass, "il y a 27 h"},
	{"custom limit in days", []entry{{"cabinet.db", 8 * day}}, 7 * day, Fail, "plus ancienne que 7 jours"},
	{"junk written by the file browser", []entry{{"cabinet.db", 3 * day}, {".DS_Store", time.Minute}, {"Thumbs.db", time.Minute}}, 0, Fail, "il y a 3 jours"},
	{"clock in the future", []entry{{"cabinet.db", 3 * day}, {"bizarre.db", -5 * day}}, 0, Fail, "cabinet.db"},
	{"minutes", []entry{{"a/b/c/cabinet.db", 12 * time.Minute}, {"a/b/c/", time.Hour}, {"a/b/", time.Hour}, {"a/", time.Hour}}, 0, Pass, "il y a 12 min. | newest entry: a/b/c/cabinet.db,"},
}

func TestBackup(t *testing.T) {
	now := time.Now()
	for _, c := range backupCases {
		dir := makeTree(t, now, c.entries)
		s := hostSystem()
		s.now = func() time.Time { return now }
		got := backupProbe(s, Config{BackupDir: dir, BackupMaxAge: c.maxAge}).Run(context.Background())
		if text := got.Text("fr") + " | " + got.Details; got.Status != c.status || !strings.Contains(text, filepath.FromSlash(c.has)) {
			t.Errorf("%s: got %s %q, want %s containing %q", c.name, got.Status, text, c.status, c.has)
		}
		if got.ID != Backup || got.Remedy != "sauvegardes" {
			t.Errorf("%s: id %q remedy %q", c.name, got.ID, got.Remedy)
		}
		checkWellFormed(t, c.name, got)
	}
}

func TestBackupIgnoresSymlinks(t *testing.T) {
	now := time.Now()
	dir := makeTree(t, now, []entry{{"cabinet.db", 5 * day}})
	fresh := filepath.Join(t.TempDir(), "fresh")
	if err := os.WriteFile(fresh, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(fresh, filepath.Join(dir, "lien")); err != nil {
		t.Skip("symlinks not available:", err)
	}
	old := now.Add(-5 * day)
	_ = os.Chtimes(dir, old, old)
	got := hostSystem().checkBackup(context.Background(), Config{BackupDir: dir})
	if got.Status != Fail {
		t.Errorf("a link to a fresh file outside the backup made it %s: %q", got.Status, got.Details)
	}
}

func TestBackupNotUsable(t *testing.T) {
	file := filepath.Join(t.TempDir(), "fichier")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		dir  string
		code Code
	}{
		{"", CodeBackupNotSet},
		{filepath.Join(t.TempDir(), "disque-debranche"), CodeBackupMissing},
		{file, CodeBackupNotDir},
	} {
		got := hostSystem().checkBackup(context.Background(), Config{BackupDir: c.dir})
		if got.Status != Unknown || got.Code != c.code {
			t.Errorf("backup %q: got %s %s, want unknown %s", c.dir, got.Status, got.Code, c.code)
		}
	}
}

// TestBackupLimitsExploreNewestFirst: when the walk is cut short, the most
// recent folders have been seen first.
func TestBackupLimitsExploreNewestFirst(t *testing.T) {
	now := time.Now()
	dir := makeTree(t, now, []entry{
		{"2024-02-18/cabinet.db", 3 * day}, {"2024-02-18/", 3 * day},
		{"2024-02-19/cabinet.db", 2 * day}, {"2024-02-19/", 2 * day},
		{"2024-02-20/cabinet.db", time.Hour}, {"2024-02-20/", 2 * time.Hour},
	})
	defer func(n int) { backupMaxEntries = n }(backupMaxEntries)
	backupMaxEntries = 4 // the three folders, then one file of the first folder explored
	n := findNewest(context.Background(), dir, now)
	if !n.truncated || n.rel != filepath.Join("2024-02-20", "cabinet.db") {
		t.Errorf("findNewest = %+v, want 2024-02-20/cabinet.db, truncated", n)
	}
	r := backupVerdict(newestEntry{rel: "x", mod: now.Add(-3 * day), truncated: true}, now, DefaultBackupMaxAge)
	if r.Status != Unknown || r.Code != CodeBackupMaybeOld {
		t.Errorf("old and truncated: got %s %s, want unknown %s", r.Status, r.Code, CodeBackupMaybeOld)
	}
}

func TestBackupCancelled(t *testing.T) {
	dir := makeTree(t, time.Now(), []entry{{"cabinet.db", time.Hour}})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	got := hostSystem().checkBackup(ctx, Config{BackupDir: dir})
	if got.Status != Unknown {
		t.Errorf("cancelled walk gave %s %s, want unknown", got.Status, got.Code)
	}
}

var ageCases = []struct {
	d          time.Duration
	ago, agoEN string
	span       string
}{
	{30 * time.Second, "il y a moins d'une minute", "less than a minute ago", "1 min"},
	{12 * time.Minute, "il y a 12 min", "12 min ago", "12 min"},
	{3*time.Hour + 59*time.Minute, "il y a 3 h", "3 h ago", "3 h 59"},
	{26 * time.Hour, "il y a 26 h", "26 h ago", "26 h"},
	{47 * time.Hour, "il y a 47 h", "47 h ago", "47 h"},
	{50 * time.Hour, "il y a 2 jours", "2 days ago", "50 h"},
	{7 * day, "il y a 7 jours", "7 days ago", "7 jours"},
}

func TestAgeInBothLanguages(t *testing.T) {
	for _, c := range ageCases {
		if got := agoIn(c.d, "fr"); got != c.ago {
			t.Errorf("agoIn(%v, fr) = %q, want %q", c.d, got, c.ago)
		}
		if got := agoIn(c.d, "en"); got != c.agoEN {
			t.Errorf("agoIn(%v, en) = %q, want %q", c.d, got, c.agoEN)
		}
		if got := durationIn(c.d, "fr"); got != c.span {
			t.Errorf("durationIn(%v) = %q, want %q", c.d, got, c.span)
		}
	}
}
