package cli

import "io"

// runInspect implements `hygie inspect`.
func runInspect(args []string, stdout, stderr io.Writer) int {
	return notYet("inspect", stderr)
}
