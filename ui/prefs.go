package ui

// Preference keys, kept in Fyne's per-app preferences (not in the database,
// so they work even when the database cannot be opened). Every key Hygie
// stores is here, so that none is reused by mistake.
const (
	PrefLanguage    = "language" // "", "fr" or "en"
	prefWinWidth    = "window.width"
	prefWinHeight   = "window.height"
	prefLastSection = "window.section"

	// The daily reminder of the hygiene checklist.
	prefReminderOn   = "hygiene.reminder.on"
	prefReminderAt   = "hygiene.reminder.at"   // "HH:MM", local time
	prefReminderLast = "hygiene.reminder.last" // day of the last reminder sent

	// The practice's details, used to spot them in a password. They are
	// not secrets; the password itself is never kept.
	prefPwName       = "hygiene.pw.name"
	prefPwPractice   = "hygiene.pw.practice"
	prefPwCity       = "hygiene.pw.city"
	prefPwProfession = "hygiene.pw.profession"

	// The folder or disk the backup check looks at. A path is not a
	// secret, and it must work without the database.
	prefBackupDir = "hygiene.backup_dir"

	// Whether the demonstration mailbox stays offered once the practice
	// has an account (it is always offered before).
	prefMailDemoShow = "mail.demo.show"
)
