package probe

import "context"

// screenLock combines the password delay (sysadminctl, on stderr), the
// screen saver's idle time and display sleep (pmset).
func (s system) screenLock(ctx context.Context) Result {
	const cmd = "sysadminctl -screenLock status"
	lock := s.cmd(ctx, "/usr/sbin/sysadminctl", "-screenLock", "status")
	if !lock.Ran() {
		return cmdUnknown(lock, cmd)
	}
	// A missing idleTime (never changed) reads as an error: leave it empty.
	idle := s.cmd(ctx, "/usr/bin/defaults", "-currentHost", "read", "com.apple.screensaver", "idleTime")
	pm := s.cmd(ctx, "/usr/bin/pmset", "-g")
	idleTime := ""
	if idle.Err == nil {
		idleTime = idle.Stdout
	}
	return macLock(lock.Both(), idleTime, pm.Stdout)
}
