package probe

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// Output is what one command printed, each stream cut at maxOutput bytes.
type Output struct {
	Stdout string
	Stderr string
	Code   int   // exit code; -1 when the command did not run to its end
	Err    error // nil only when the command ran and exited 0
}

// Command errors a probe tells apart to explain an unknown result.
var (
	ErrNotFound = errors.New("command not found")
	ErrTimeout  = errors.New("command timed out")
)

// Missing reports whether the command is not installed.
func (o Output) Missing() bool { return errors.Is(o.Err, ErrNotFound) }

// TimedOut reports whether the command was stopped at its deadline.
func (o Output) TimedOut() bool { return errors.Is(o.Err, ErrTimeout) }

// Ran reports whether the command ran to its end, whatever its exit code.
func (o Output) Ran() bool { return o.Code >= 0 }

// Both returns stdout then stderr, for tools that print results on either.
func (o Output) Both() string { return o.Stdout + o.Stderr }

// Runner runs one program with arguments, never through a shell.
type Runner interface {
	Run(ctx context.Context, name string, args ...string) Output
}

// CommandTimeout caps each command even when the probe's deadline is later.
const CommandTimeout = 2 * time.Second

// maxOutput bounds what is kept of each stream: enough for the longest
// listing a probe parses (apt's upgradable list), small enough to be safe.
const maxOutput = 256 << 10

// ExecRunner runs commands with os/exec: no shell, no elevation, a timeout,
// and the C locale on Unix so outputs have the English wording the parsers
// expect.
type ExecRunner struct {
	Timeout time.Duration // 0 means CommandTimeout
}

// Run implements Runner.
func (e ExecRunner) Run(ctx context.Context, name string, args ...string) Output {
	path, err := lookPath(name)
	if err != nil {
		return Output{Code: -1, Err: fmt.Errorf("%s: %w", name, ErrNotFound)}
	}
	timeout := e.Timeout
	if timeout <= 0 {
		timeout = CommandTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, args...)
	var stdout, stderr boundedBuffer
	cmd.Stdout, cmd.Stderr, cmd.Stdin = &stdout, &stderr, nil
	cmd.Env = commandEnv()
	cmd.WaitDelay = 100 * time.Millisecond // children holding the pipes must not stall us
	hideWindow(cmd)
	err = cmd.Run()
	out := Output{Stdout: stdout.String(), Stderr: stderr.String(), Code: exitCode(cmd)}
	out.Err = runError(ctx, name, err)
	return out
}

func exitCode(cmd *exec.Cmd) int {
	if cmd.ProcessState == nil || !cmd.ProcessState.Exited() {
		return -1
	}
	return cmd.ProcessState.ExitCode()
}

func runError(ctx context.Context, name string, err error) error {
	switch {
	case err == nil:
		return nil
	case ctx.Err() != nil:
		return fmt.Errorf("%s: %w", name, ErrTimeout)
	default:
		return fmt.Errorf("run %s: %w", name, err)
	}
}

// sbinDirs are searched after PATH: on Debian a normal user's PATH leaves
// out /usr/sbin, where nft and ufw live.
var sbinDirs = []string{"/usr/sbin", "/sbin", "/usr/local/sbin"}

func lookPath(name string) (string, error) {
	if filepath.IsAbs(name) {
		if _, err := os.Stat(name); err != nil {
			return "", err
		}
		return name, nil
	}
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	if runtime.GOOS == "windows" {
		return "", ErrNotFound
	}
	for _, dir := range sbinDirs {
		p := filepath.Join(dir, name)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() && st.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	return "", ErrNotFound
}

// commandEnv keeps the user's environment (the desktop session bus is
// needed to read GNOME settings) but forces the C locale on Unix.
func commandEnv() []string {
	env := os.Environ()
	if runtime.GOOS == "windows" {
		return env
	}
	kept := env[:0:0]
	for _, kv := range env {
		if !strings.HasPrefix(kv, "LC_ALL=") && !strings.HasPrefix(kv, "LANG=") && !strings.HasPrefix(kv, "LANGUAGE=") {
			kept = append(kept, kv)
		}
	}
	return append(kept, "LC_ALL=C", "LANG=C")
}

// boundedBuffer keeps the first maxOutput bytes and drops the rest while
// still accepting writes, so a chatty command cannot block or fill memory.
type boundedBuffer struct{ buf bytes.Buffer }

func (b *boundedBuffer) Write(p []byte) (int, error) {
	if room := maxOutput - b.buf.Len(); room > 0 {
		b.buf.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}

func (b *boundedBuffer) String() string { return b.buf.String() }
