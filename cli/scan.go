package cli

import "io"

// runScan implements `hygie scan`.
func runScan(args []string, stdout, stderr io.Writer) int {
	return notYet("scan", stderr)
}
