package probe

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"sync"
	"time"
)

// fakeRunner answers commands from recorded outputs, keyed by the full
// command line; any other command is "not installed". It records every
// call so tests can check what would have been run.
type fakeRunner struct {
	outputs map[string]Output
	mu      sync.Mutex
	calls   []string
}

func (f *fakeRunner) Run(_ context.Context, name string, args ...string) Output {
	line := strings.Join(append([]string{name}, args...), " ")
	f.mu.Lock()
	f.calls = append(f.calls, line)
	f.mu.Unlock()
	if o, ok := f.outputs[line]; ok {
		return o
	}
	return Output{Code: -1, Err: fmt.Errorf("%s: %w", name, ErrNotFound)}
}

// ran is a command that exited with code and printed stdout.
func ran(code int, stdout string) Output {
	o := Output{Stdout: stdout, Code: code}
	if code != 0 {
		o.Err = fmt.Errorf("exit status %d", code)
	}
	return o
}

// refused is a command that exited 1 and printed stderr.
func refused(stderr string) Output {
	return Output{Stderr: stderr, Code: 1, Err: fmt.Errorf("exit status 1")}
}

// fakeSystem is a machine made of recorded outputs, files and variables.
func fakeSystem(r *fakeRunner, files, env map[string]string, user string) system {
	return system{
		run: r,
		readFile: func(name string) ([]byte, error) {
			if s, ok := files[name]; ok {
				return []byte(s), nil
			}
			return nil, fs.ErrNotExist
		},
		stat:     func(string) (os.FileInfo, error) { return nil, fs.ErrNotExist },
		getenv:   func(k string) string { return env[k] },
		now:      func() time.Time { return testNow },
		username: func() string { return user },
	}
}
