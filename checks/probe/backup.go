package probe

import (
	"container/heap"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Limits of the walk through the backup folder: a backup disk can hold
// millions of files, and the check must stay within its time limit.
// Variables so tests can lower them.
var (
	backupMaxDepth   = 8
	backupMaxEntries = 50000
)

// junkNames are files the OS writes when someone merely opens a folder;
// their dates say nothing about backups.
var junkNames = map[string]bool{".DS_Store": true, "Thumbs.db": true, "desktop.ini": true, ".localized": true}

func backupProbe(s system, cfg Config) Probe {
	return probeFunc{Backup, func(ctx context.Context) Result { return s.checkBackup(ctx, cfg) }}
}

func (s system) checkBackup(ctx context.Context, cfg Config) Result {
	dir := cfg.BackupDir
	if dir == "" {
		return unknown(CodeBackupNotSet, Params{}, "no backup folder configured")
	}
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return unknown(CodeBackupMissing, Params{}, dir+": not found")
	case err != nil:
		return unknown(CodeBackupUnreadable, Params{}, err.Error())
	case !st.IsDir():
		return unknown(CodeBackupNotDir, Params{}, dir+": not a folder")
	}
	maxAge := cfg.BackupMaxAge
	if maxAge <= 0 {
		maxAge = DefaultBackupMaxAge
	}
	now := s.now()
	return backupVerdict(findNewest(ctx, dir, now), now, maxAge)
}

// newestEntry is the most recently modified file or folder found under
// the backup folder, and how the search went.
type newestEntry struct {
	rel       string // path relative to the backup folder; "" when nothing found
	mod       time.Time
	seen      int
	truncated bool // the walk stopped early (too many entries or out of time)
}

// backupVerdict decides from the newest entry: folders count as well as
// files, because copy tools (rsync, Time Machine) keep each file's original
// date while the folder of a new backup is dated when it was written.
func backupVerdict(n newestEntry, now time.Time, maxAge time.Duration) Result {
	if n.rel == "" {
		if n.truncated {
			return unknown(CodeBackupTooBig, Params{}, fmt.Sprintf("walk stopped after %d entries, nothing dated found", n.seen))
		}
		return fail(CodeBackupEmpty, Params{}, "no file or folder in the backup folder")
	}
	p := Params{Age: now.Sub(n.mod), Limit: maxAge}
	details := fmt.Sprintf("newest entry: %s, modified %s (%d entries seen)", n.rel, n.mod.Local().Format("2006-01-02 15:04"), n.seen)
	switch {
	case p.Age <= maxAge:
		return pass(CodeBackupFresh, p, details)
	case n.truncated:
		return unknown(CodeBackupMaybeOld, p, details+", walk cut short")
	default:
		return fail(CodeBackupOld, p, details)
	}
}

// findNewest explores the folder newest-first (a folder's date changes
// when something is added to it), so that when the limits cut the walk
// short the recent backups have already been seen.
func findNewest(ctx context.Context, root string, now time.Time) newestEntry {
	var n newestEntry
	future := now.Add(time.Hour) // a wrong clock must not fake a fresh backup
	queue := &dirQueue{{path: root}}
	for queue.Len() > 0 {
		if ctx.Err() != nil || n.seen >= backupMaxEntries {
			n.truncated = true
			break
		}
		d := heap.Pop(queue).(queuedDir)
		entries, err := os.ReadDir(d.path)
		if err != nil {
			continue // one unreadable folder must not hide the others
		}
		for _, e := range entries {
			if n.seen >= backupMaxEntries {
				n.truncated = true
				break
			}
			n.seen++
			info, err := e.Info()
			if err != nil || junkNames[e.Name()] || info.Mode()&fs.ModeSymlink != 0 || info.ModTime().After(future) {
				continue
			}
			p := filepath.Join(d.path, e.Name())
			if info.ModTime().After(n.mod) {
				n.mod = info.ModTime()
				n.rel, _ = filepath.Rel(root, p)
			}
			if e.IsDir() && d.depth+1 < backupMaxDepth {
				heap.Push(queue, queuedDir{path: p, depth: d.depth + 1, mod: info.ModTime()})
			}
		}
	}
	return n
}

type queuedDir struct {
	path  string
	depth int
	mod   time.Time
}

// dirQueue is a max-heap of folders by modification time.
type dirQueue []queuedDir

func (q dirQueue) Len() int           { return len(q) }
func (q dirQueue) Less(i, j int) bool { return q[i].mod.After(q[j].mod) }
func (q dirQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *dirQueue) Push(x any)        { *q = append(*q, x.(queuedDir)) }
func (q *dirQueue) Pop() any {
	old := *q
	x := old[len(old)-1]
	*q = old[:len(old)-1]
	return x
}
