package cli

import "io"

// runIncident implements `hygie incident`.
func runIncident(args []string, stdout, stderr io.Writer) int {
	return notYet("incident", stderr)
}
