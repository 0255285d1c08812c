package probe

import (
	"context"
	"io"
	"os"
	"os/user"
	"time"
)

// system is everything a probe reads from the machine, so tests can swap
// the real commands, files, environment and clock for recorded ones.
type system struct {
	run      Runner
	readFile func(name string) ([]byte, error)
	stat     func(name string) (os.FileInfo, error)
	getenv   func(key string) string
	now      func() time.Time
	username func() string // the account Hygie runs under, "" if unknown
}

func hostSystem() system {
	return system{
		run:      ExecRunner{},
		readFile: readSmallFile,
		stat:     os.Stat,
		getenv:   os.Getenv,
		now:      time.Now,
		username: currentUsername,
	}
}

// maxFile bounds what a probe reads of a settings file.
const maxFile = 1 << 20

func readSmallFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, maxFile))
}

func currentUsername() string {
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return os.Getenv("USER") // accounts from LDAP may be missing from /etc/passwd
}

// cmd runs a command and returns its output.
func (s system) cmd(ctx context.Context, name string, args ...string) Output {
	return s.run.Run(ctx, name, args...)
}
