package mailboxtest

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// SecretService is a private D-Bus session, optionally with an unlocked
// gnome-keyring providing org.freedesktop.secrets, in a throwaway folder:
// the user's real keyring is never touched.
type SecretService struct {
	// Address is the bus address, also set as DBUS_SESSION_BUS_ADDRESS for
	// the rest of the test.
	Address string

	dir     string
	bus     *exec.Cmd
	keyring *exec.Cmd
	conn    *dbus.Conn // this process's shared session-bus connection
}

// StartSecretService starts a bus and an unlocked gnome-keyring, points
// this process's session bus at them, and stops both when the test ends.
func StartSecretService(tb testing.TB) *SecretService {
	return startSession(tb, true)
}

// StartBusWithoutSecrets starts a session bus on which no Secret Service
// runs (and none can be activated): a desktop without a keychain.
func StartBusWithoutSecrets(tb testing.TB) *SecretService {
	return startSession(tb, false)
}

const busConf = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=%s</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`

func startSession(tb testing.TB, withKeyring bool) *SecretService {
	tb.Helper()
	busBin, err := needBinary("dbus-daemon", "dbus")
	if err != nil {
		tb.Fatal(err)
	}
	krBin, err := needBinary("gnome-keyring-daemon", "gnome-keyring")
	if err != nil && withKeyring {
		tb.Fatal(err)
	}
	s := &SecretService{dir: tb.TempDir()}
	tb.Cleanup(s.stop)
	if err := s.startBus(busBin); err != nil {
		tb.Fatal(err)
	}
	// go-keyring (through godbus) connects lazily to this variable's bus.
	tb.Setenv("DBUS_SESSION_BUS_ADDRESS", s.Address)
	// godbus keeps one shared connection per process: drop any earlier one
	// (it may point to another test's bus), then take a fresh one to ours
	// so that stop can close exactly that one.
	if old, err := dbus.SessionBus(); err == nil {
		old.Close()
	}
	if s.conn, err = dbus.SessionBus(); err != nil {
		tb.Fatalf("connect to test bus: %v", err)
	}
	if withKeyring {
		if err := s.startKeyring(krBin); err != nil {
			tb.Fatal(err)
		}
	}
	return s
}

func (s *SecretService) startBus(bin string) error {
	conf := filepath.Join(s.dir, "bus.conf")
	if err := os.WriteFile(conf, fmt.Appendf(nil, busConf, filepath.Join(s.dir, "bus")), 0o600); err != nil {
		return err
	}
	s.bus = exec.Command(bin, "--config-file="+conf, "--nofork", "--print-address=1")
	dieWithTest(s.bus)
	out, err := s.bus.StdoutPipe()
	if err != nil {
		return err
	}
	if err := s.bus.Start(); err != nil {
		return fmt.Errorf("start dbus-daemon: %w", err)
	}
	line := make(chan string, 1)
	go func() {
		l, _ := bufio.NewReader(out).ReadString('\n')
		line <- strings.TrimSpace(l)
	}()
	select {
	case s.Address = <-line:
	case <-time.After(10 * time.Second):
		return fmt.Errorf("dbus-daemon printed no address within 10 s")
	}
	if s.Address == "" {
		return fmt.Errorf("dbus-daemon exited without an address")
	}
	return nil
}

func (s *SecretService) startKeyring(bin string) error {
	home, run := filepath.Join(s.dir, "home"), filepath.Join(s.dir, "run")
	for _, d := range []string{home, run} {
		if err := os.Mkdir(d, 0o700); err != nil {
			return err
		}
	}
	s.keyring = exec.Command(bin, "--foreground", "--unlock", "--components=secrets")
	s.keyring.Env = append(os.Environ(), "DBUS_SESSION_BUS_ADDRESS="+s.Address, "HOME="+home,
		"XDG_DATA_HOME="+filepath.Join(home, "data"), "XDG_RUNTIME_DIR="+run)
	s.keyring.Stdin = strings.NewReader("hygie-test-keyring")
	dieWithTest(s.keyring)
	if err := s.keyring.Start(); err != nil {
		return fmt.Errorf("start gnome-keyring-daemon: %w", err)
	}
	return s.waitSecrets()
}

// waitSecrets waits until gnome-keyring owns org.freedesktop.secrets.
func (s *SecretService) waitSecrets() error {
	conn := s.conn
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		var owned bool
		err := conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, "org.freedesktop.secrets").Store(&owned)
		if err == nil && owned {
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return fmt.Errorf("gnome-keyring-daemon did not provide org.freedesktop.secrets within 10 s")
}

// stop closes this process's session-bus connection (so the next test
// connects afresh), then ends the daemons and waits for them.
func (s *SecretService) stop() {
	if s.conn != nil {
		s.conn.Close()
	}
	for _, c := range []*exec.Cmd{s.keyring, s.bus} {
		if c == nil || c.Process == nil {
			continue
		}
		c.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { c.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			c.Process.Kill()
			<-done
		}
	}
}
