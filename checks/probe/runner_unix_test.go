//go:build linux || darwin

package probe

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestExecRunner(t *testing.T) {
	r := ExecRunner{Timeout: 300 * time.Millisecond}
	ctx := context.Background()

	if out := r.Run(ctx, "true"); out.Err != nil || out.Code != 0 {
		t.Errorf("true: %+v", out)
	}
	if out := r.Run(ctx, "false"); out.Err == nil || out.Code != 1 || !out.Ran() {
		t.Errorf("false: %+v, want exit code 1 and an error", out)
	}
	if out := r.Run(ctx, "hygie-no-such-command"); !out.Missing() || out.Ran() {
		t.Errorf("missing command: %+v, want ErrNotFound", out)
	}
	start := time.Now()
	if out := r.Run(ctx, "sleep", "30"); !out.TimedOut() || out.Ran() {
		t.Errorf("sleep 30: %+v, want a timeout", out)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("sleep 30 was not stopped (%v)", d)
	}
}

func TestExecRunnerBoundsOutput(t *testing.T) {
	out := ExecRunner{}.Run(context.Background(), "head", "-c", "1000000", "/dev/zero")
	if out.Err != nil || len(out.Stdout) != maxOutput {
		t.Errorf("head -c 1000000: kept %d bytes (err %v), want %d", len(out.Stdout), out.Err, maxOutput)
	}
}

func TestExecRunnerCLocale(t *testing.T) {
	t.Setenv("LC_ALL", "fr_FR.UTF-8")
	t.Setenv("LANG", "fr_FR.UTF-8")
	out := ExecRunner{}.Run(context.Background(), "env")
	if !strings.Contains(out.Stdout, "\nLC_ALL=C\n") || strings.Contains(out.Stdout, "fr_FR") {
		t.Errorf("commands must run in the C locale; env printed:\n%s", out.Stdout)
	}
}

// TestLookPathSbin: on Debian a normal user's PATH has no /usr/sbin, yet
// nft and ufw live there.
func TestLookPathSbin(t *testing.T) {
	sbin := t.TempDir()
	tool := filepath.Join(sbin, "hygie-sbin-tool")
	if err := os.WriteFile(tool, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	defer func(d []string) { sbinDirs = d }(sbinDirs)
	sbinDirs = []string{sbin}
	t.Setenv("PATH", "/usr/bin:/bin")
	if p, err := lookPath("hygie-sbin-tool"); err != nil || p != tool {
		t.Errorf("lookPath = %q, %v; want %s", p, err, tool)
	}
	if err := os.Chmod(tool, 0o644); err != nil {
		t.Fatal(err)
	}
	if p, err := lookPath("hygie-sbin-tool"); err == nil {
		t.Errorf("lookPath found a file that is not executable: %s", p)
	}
}
