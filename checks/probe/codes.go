package probe

// Code says why a probe gave its result; the UI words it in the user's
// language from data/reasons.json. Codes are stable: they are stored with
// the result and printed by `hygie checks run --json`.
type Code string

// Codes any probe may give when it cannot tell.
const (
	CodeMissing       Code = "check.missing"        // the tool is not installed
	CodeTimeout       Code = "check.timeout"        // the check overran its time
	CodeNeedsAdmin    Code = "check.needs_admin"    // only an administrator may read it
	CodeCommandFailed Code = "check.failed"         // the tool answered with an error
	CodeUnreadable    Code = "check.unreadable"     // the answer was not understood
	CodeInternal      Code = "check.internal"       // Hygie itself failed
	CodeUnsupportedOS Code = "check.unsupported_os" // Hygie does not know this system
	CodeOldResult     Code = "check.old_result"     // stored by a version without codes
)

// Firewall codes.
const (
	CodeFirewallOn        Code = "firewall.on"
	CodeFirewallOnNamed   Code = "firewall.on_named" // Name: the product
	CodeFirewallOff       Code = "firewall.off"
	CodeFirewallAllowsAll Code = "firewall.allows_all"
	CodeFirewallNone      Code = "firewall.none"
	CodeFirewallProfiles  Code = "firewall.profiles_off" // Names: Windows network profiles
)

// Update codes.
const (
	CodeUpdatesNone         Code = "updates.none"
	CodeUpdatesPending      Code = "updates.pending"          // Count
	CodeUpdatesSecurity     Code = "updates.pending_security" // Count, Security
	CodeUpdatesSome         Code = "updates.pending_some"     // a count the tool did not give
	CodeUpdatesReboot       Code = "updates.reboot"
	CodeUpdatesPaused       Code = "updates.paused" // Date
	CodeUpdatesRecent       Code = "updates.recent" // Age, Date
	CodeUpdatesOld          Code = "updates.old"    // Age, Date
	CodeUpdatesNoDate       Code = "updates.no_date"
	CodeUpdatesAutoCheckOff Code = "updates.autocheck_off"
	CodeUpdatesChecked      Code = "updates.none_checked" // Age: of the last search
	CodeUpdatesNeverChecked Code = "updates.never_checked"
	CodeUpdatesCheckUndated Code = "updates.check_undated"
	CodeUpdatesCheckStale   Code = "updates.check_stale" // Age
	CodeUpdatesNoManager    Code = "updates.no_manager"
)

// Disk encryption codes.
const (
	CodeDiskEncrypted     Code = "disk.encrypted"
	CodeDiskPlain         Code = "disk.plain"
	CodeDrivesEncrypted   Code = "disk.drives_encrypted" // Names: drive letters
	CodeDrivesPlain       Code = "disk.drives_plain"     // Names: drive letters
	CodeDiskInProgress    Code = "disk.in_progress"
	CodeDiskDecrypting    Code = "disk.decrypting"
	CodeDiskRestartNeeded Code = "disk.restart_needed"
	CodeDiskNoDrive       Code = "disk.no_drive"
	CodeDiskNotFound      Code = "disk.not_found"
)

// Screen lock codes.
const (
	CodeLockOK           Code = "lock.ok"       // Delay
	CodeLockTooLate      Code = "lock.too_late" // Delay
	CodeLockDisabled     Code = "lock.disabled"
	CodeLockNever        Code = "lock.never"
	CodeLockNoPassword   Code = "lock.no_password"
	CodeLockNoDesktop    Code = "lock.no_desktop"
	CodeLockOtherDesktop Code = "lock.other_desktop" // Name: the desktop
)

// Antivirus codes.
const (
	CodeAVActive        Code = "antivirus.active"        // Name
	CodeAVFresh         Code = "antivirus.fresh"         // Name, Age of the signatures
	CodeAVStale         Code = "antivirus.stale"         // Name, Age
	CodeAVOutdated      Code = "antivirus.outdated"      // Name
	CodeAVNoSignatures  Code = "antivirus.no_signatures" // Name
	CodeAVOff           Code = "antivirus.off"
	CodeAVNoneLinux     Code = "antivirus.none_linux"
	CodeAVNoStatus      Code = "antivirus.no_status"
	CodeXProtectMissing Code = "antivirus.xprotect_missing"
	CodeXProtectOK      Code = "antivirus.xprotect_ok"    // Age, zero when unknown
	CodeXProtectStale   Code = "antivirus.xprotect_stale" // Age
)

// Admin account codes.
const (
	CodeAdminIs      Code = "admin.is_admin"  // Name: the account
	CodeAdminNot     Code = "admin.not_admin" // Name
	CodeAdminRoot    Code = "admin.root"
	CodeAdminNoUser  Code = "admin.no_user"
	CodeAdminNoGroup Code = "admin.no_group"
	CodeAdminNoList  Code = "admin.no_list"
)

// Backup codes.
const (
	CodeBackupFresh      Code = "backup.fresh" // Age
	CodeBackupOld        Code = "backup.old"   // Age, Limit
	CodeBackupEmpty      Code = "backup.empty"
	CodeBackupNotSet     Code = "backup.not_set"
	CodeBackupMissing    Code = "backup.missing"
	CodeBackupUnreadable Code = "backup.unreadable"
	CodeBackupNotDir     Code = "backup.not_dir"
	CodeBackupTooBig     Code = "backup.too_big"
	CodeBackupMaybeOld   Code = "backup.maybe_old" // Age
)
