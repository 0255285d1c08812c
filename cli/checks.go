package cli

import "io"

// runChecks implements `hygie checks`.
func runChecks(args []string, stdout, stderr io.Writer) int {
	return notYet("checks", stderr)
}
