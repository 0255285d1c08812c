// Package version holds Hygie's version, the one number the window and the
// command line show. It imports nothing, so any package can use it.
package version

// Version is Hygie's version, set at build time with
// -ldflags "-X hygie/version.Version=…"; FyneApp.toml carries the same number.
var Version = "0.1.0"
