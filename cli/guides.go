package cli

import "io"

// runGuides implements `hygie guides`.
func runGuides(args []string, stdout, stderr io.Writer) int {
	return notYet("guides", stderr)
}
