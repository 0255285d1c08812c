package probe

import (
	"context"
	"strings"
)

// screenLock reads the lock settings of the desktop Hygie runs in.
// gsettings answers even without a desktop (with defaults), so the desktop
// is recognised first from XDG_CURRENT_DESKTOP.
func (s system) screenLock(ctx context.Context) Result {
	desktop := s.getenv("XDG_CURRENT_DESKTOP")
	d := strings.ToUpper(desktop)
	switch {
	case strings.Contains(d, "GNOME"):
		return s.gnomeScreenLock(ctx)
	case strings.Contains(d, "KDE"):
		return s.kdeScreenLock(ctx)
	case d == "":
		return unknown(CodeLockNoDesktop, Params{}, "XDG_CURRENT_DESKTOP is empty")
	}
	return unknown(CodeLockOtherDesktop, Params{Name: desktop}, "XDG_CURRENT_DESKTOP="+desktop)
}

func (s system) gnomeScreenLock(ctx context.Context) Result {
	keys := [][2]string{
		{"org.gnome.desktop.screensaver", "lock-enabled"},
		{"org.gnome.desktop.screensaver", "lock-delay"},
		{"org.gnome.desktop.session", "idle-delay"},
	}
	var vals []string
	for _, k := range keys {
		out := s.cmd(ctx, "gsettings", "get", k[0], k[1])
		if out.Err != nil {
			cmd := "gsettings get " + k[0] + " " + k[1]
			return cmdUnknown(out, cmd)
		}
		vals = append(vals, strings.TrimSpace(out.Stdout))
	}
	return gnomeLock(vals[0], vals[1], vals[2])
}

// kdeScreenLock uses kreadconfig6 (Plasma 6) or kreadconfig5 (Plasma 5).
func (s system) kdeScreenLock(ctx context.Context) Result {
	for _, tool := range []string{"kreadconfig6", "kreadconfig5"} {
		auto := s.cmd(ctx, tool, "--file", "kscreenlockerrc", "--group", "Daemon", "--key", "Autolock")
		if auto.Missing() {
			continue
		}
		timeout := s.cmd(ctx, tool, "--file", "kscreenlockerrc", "--group", "Daemon", "--key", "Timeout")
		if auto.Err != nil || timeout.Err != nil {
			return cmdUnknown(auto, tool)
		}
		return kdeLock(auto.Stdout, timeout.Stdout)
	}
	return unknown(CodeMissing, Params{}, "neither kreadconfig6 nor kreadconfig5 found")
}
