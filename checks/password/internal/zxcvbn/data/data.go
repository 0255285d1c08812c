// Package data holds zxcvbn's word lists and keyboard layouts as JSON.
package data

import "embed"

// The upstream module wraps these files with go-bindata; embedding them keeps
// them in the binary's read-only data, untouched until a list is first read.
//
//go:embed data/*.json
var files embed.FS

// Asset returns the file at name, such as "data/English.json".
func Asset(name string) ([]byte, error) {
	return files.ReadFile(name)
}
