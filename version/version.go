// Package version holds Hygie's version, the one number the window and the
// command line show, with the commit and the date of the build. It imports
// nothing, so any package can use it.
package version

// Set at build time by the Makefile with -ldflags "-X hygie/version.Version=…
// -X hygie/version.Commit=… -X hygie/version.Date=…"; FyneApp.toml carries
// the same version number. A plain `go build` leaves Commit and Date empty.
var (
	Version = "0.1.0"
	Commit  = ""
	Date    = "" // UTC, YYYY-MM-DD
)

// Build describes the build in a few words for the given language ("fr"
// or anything else: English), e.g. "commit 1a2b3c4, construit le
// 2026-12-02"; it is "" when neither the commit nor the date was set.
func Build(lang string) string {
	fr := lang != "en"
	switch {
	case Commit != "" && Date != "":
		if fr {
			return "commit " + Commit + ", construit le " + Date
		}
		return "commit " + Commit + ", built on " + Date
	case Commit != "":
		return "commit " + Commit
	case Date != "":
		if fr {
			return "construit le " + Date
		}
		return "built on " + Date
	}
	return ""
}
