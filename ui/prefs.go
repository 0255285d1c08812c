package ui

// Preference keys, kept in Fyne's per-app preferences (not in the database,
// so they work even when the database cannot be opened).
const (
	PrefLanguage    = "language" // "", "fr" or "en"
	prefWinWidth    = "window.width"
	prefWinHeight   = "window.height"
	prefLastSection = "window.section"
)
