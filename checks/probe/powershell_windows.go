package probe

import (
	"context"
	"os"
	"path/filepath"
)

// powershellPath is Windows PowerShell by its full path, so nothing
// earlier in PATH can stand in for it.
func powershellPath() string {
	root := os.Getenv("SystemRoot")
	if root == "" {
		root = `C:\Windows`
	}
	return filepath.Join(root, "System32", "WindowsPowerShell", "v1.0", "powershell.exe")
}

// powershell runs a read-only script; -NoProfile keeps the user's profile
// out, -NonInteractive makes any prompt fail instead of waiting.
func (s system) powershell(ctx context.Context, script string) Output {
	return s.cmd(ctx, powershellPath(), "-NoLogo", "-NoProfile", "-NonInteractive", "-Command", psPrelude+script)
}

// psProbe runs a script and hands its JSON to parse; label names the
// cmdlet in Details when the script fails.
func (s system) psProbe(ctx context.Context, label, script string, parse func(string) Result) Result {
	out := s.powershell(ctx, script)
	if out.Err != nil {
		return cmdUnknown(out, label)
	}
	return parse(out.Stdout)
}
