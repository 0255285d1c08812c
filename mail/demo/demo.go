// Package demo holds Hygie's demonstration mailbox: a few messages written
// for Hygie (French health-practice scenarios, harmless and malicious), so
// that a fresh install shows what the analysis says before any account is
// added. The addresses are invented; the messages are analysed when shown
// and never written to the mailbox store.
package demo

import (
	"embed"
	"io/fs"
	"path"
	"sort"
)

//go:embed messages/*.eml
var files embed.FS

// Message is one demonstration message: its file name and raw source.
type Message struct {
	Name string
	Raw  []byte
}

// Messages returns the demonstration messages in file-name order. Each
// call returns fresh copies, so a caller may keep or change them.
func Messages() []Message {
	entries, err := fs.ReadDir(files, "messages")
	if err != nil { // cannot happen: the folder is embedded
		return nil
	}
	var out []Message
	for _, e := range entries {
		b, err := files.ReadFile(path.Join("messages", e.Name()))
		if err != nil {
			continue
		}
		out = append(out, Message{Name: e.Name(), Raw: b})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
