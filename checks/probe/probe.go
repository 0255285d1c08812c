// Package probe reads the computer's security state (firewall, updates, disk
// encryption, screen lock, antivirus, admin accounts, backups) without
// changing anything, and says what it saw.
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

// Result is what one probe found.
type Result struct {
	ID       string        `json:"id"`
	Status   Status        `json:"status"`
	Evidence string        `json:"evidence"` // the command and relevant line, or the setting read
	Why      string        `json:"why,omitempty"`
	Remedy   string        `json:"remedy"` // a guide id
	Duration time.Duration `json:"-"`
	At       time.Time     `json:"-"`
}

// Config is what the user told Hygie about the machine.
type Config struct {
	BackupDir    string        // folder or disk holding the backups; empty: not configured
	BackupMaxAge time.Duration // newest backup file must be younger; 0 means 26 hours
}

// RunAll runs every probe concurrently, each with its own timeout, and
// returns one result per probe id, in a stable order.
func RunAll(ctx context.Context, cfg Config) []Result {
	return nil
}
