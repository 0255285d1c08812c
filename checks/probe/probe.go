// Package probe reads the computer's security state (firewall, updates, disk
// encryption, screen lock, antivirus, admin accounts, backups) without
// changing anything, and says what it saw.
//
// Each probe runs read-only commands through a Runner (no shell, no
// elevation, a timeout per command) and hands their output to a pure parse
// function, so the decisions are tested on recorded outputs of every OS.
package probe

import (
	"context"
	"time"
)

// Status is the outcome of one probe.
type Status string

// The outcomes: unknown is never counted as a pass.
const (
	Pass    Status = "pass"
	Fail    Status = "fail"
	Unknown Status = "unknown"
)

// Probe identifiers, stable: they are stored and printed by `hygie checks run --json`.
const (
	Firewall       = "firewall"
	Updates        = "updates"
	DiskEncryption = "disk_encryption"
	ScreenLock     = "screen_lock"
	Antivirus      = "antivirus"
	AdminAccounts  = "admin_accounts"
	Backup         = "backup"
)

// IDs lists every probe id in the order RunAll returns them.
func IDs() []string {
	return []string{Firewall, Updates, DiskEncryption, ScreenLock, Antivirus, AdminAccounts, Backup}
}

// Result is what one probe found: a reason the UI words in the user's
// language (Code and Params, see Text), and the technical facts behind it.
type Result struct {
	ID       string        `json:"id"`
	Status   Status        `json:"status"`
	Code     Code          `json:"code"`
	Params   Params        `json:"params"`
	Details  string        `json:"details"` // the command and what it printed, in English, for « Détails »
	Remedy   string        `json:"remedy"`  // a guide id
	Duration time.Duration `json:"-"`
	At       time.Time     `json:"-"`
}

// Config is what the user told Hygie about the machine.
type Config struct {
	BackupDir    string        // folder or disk holding the backups; empty: not configured
	BackupMaxAge time.Duration // newest backup file must be younger; 0 means 26 hours
}

// DefaultBackupMaxAge is the backup age limit when Config leaves it at 0:
// a daily backup plus two hours of slack for a late or slow run.
const DefaultBackupMaxAge = 26 * time.Hour

// Probe is one automatic check of the machine. Run must respect ctx's
// deadline, change nothing, and always return a result with the probe's ID.
type Probe interface {
	ID() string
	Run(ctx context.Context) Result
}

// Probes returns this computer's probes, one per id of IDs, in that order.
func Probes(cfg Config) []Probe {
	s := hostSystem()
	return append(platformProbes(s), backupProbe(s, cfg))
}

// RunAll runs every probe concurrently, each with its own timeout, and
// returns one result per probe id, in a stable order.
func RunAll(ctx context.Context, cfg Config) []Result {
	return RunProbes(ctx, Probes(cfg), ProbeTimeout)
}

// probeFunc turns a function into a Probe and fills in the id and the
// remedy, so each check only decides status, reason and details.
type probeFunc struct {
	id  string
	run func(context.Context) Result
}

func (p probeFunc) ID() string { return p.id }

func (p probeFunc) Run(ctx context.Context) Result {
	r := p.run(ctx)
	r.ID = p.id
	if r.Remedy == "" {
		r.Remedy = RemedyFor(p.id)
	}
	return r
}

// pass, fail and unknown build results; the probe wrapper adds id and remedy.
func pass(code Code, p Params, details string) Result {
	return Result{Status: Pass, Code: code, Params: p, Details: details}
}

func fail(code Code, p Params, details string) Result {
	return Result{Status: Fail, Code: code, Params: p, Details: details}
}

func unknown(code Code, p Params, details string) Result {
	return Result{Status: Unknown, Code: code, Params: p, Details: details}
}
