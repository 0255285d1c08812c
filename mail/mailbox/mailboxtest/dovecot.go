package mailboxtest

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// Dovecot is a throwaway Dovecot IMAP server on 127.0.0.1 with one user,
// a maildir and a self-signed certificate in a temporary folder.
type Dovecot struct {
	Dir string
	// IMAPS is the implicit-TLS address, IMAP the STARTTLS one.
	IMAPS, IMAP string
	User        string
	Password    string
	Cert        Cert

	opts   DovecotOptions
	cmd    *exec.Cmd
	exited chan struct{}
}

// needBinary fails with the fix when a program the tests need is missing.
func needBinary(name, pkg string) (string, error) {
	p, err := exec.LookPath(name)
	if err != nil {
		for _, dir := range []string{"/usr/sbin", "/sbin"} {
			if _, serr := os.Stat(filepath.Join(dir, name)); serr == nil {
				return filepath.Join(dir, name), nil
			}
		}
		return "", fmt.Errorf("%s not found (Debian package %s): run `make test`, which installs it", name, pkg)
	}
	return p, nil
}

// StartDovecot starts a Dovecot for the test and stops it at the end.
func StartDovecot(tb testing.TB) *Dovecot {
	tb.Helper()
	d, err := NewDovecot()
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(d.Stop)
	return d
}

// NewDovecot starts a Dovecot; the caller must call Stop. It retries on
// fresh ports if another process grabbed the ones it picked.
func NewDovecot() (*Dovecot, error) {
	return NewDovecotWith(DovecotOptions{})
}

// NewDovecotWith is NewDovecot with options (OAuth2 logins: oauth2.go).
func NewDovecotWith(opts DovecotOptions) (*Dovecot, error) {
	bin, err := needBinary("dovecot", "dovecot-imapd")
	if err != nil {
		return nil, err
	}
	var last error
	for range 3 {
		d, err := startDovecot(bin, opts)
		if err == nil {
			return d, nil
		}
		last = err
	}
	return nil, last
}

func startDovecot(bin string, opts DovecotOptions) (*Dovecot, error) {
	dir, err := os.MkdirTemp("", "hygie-dovecot-")
	if err != nil {
		return nil, err
	}
	d := &Dovecot{Dir: dir, User: "praticien", Password: randomPassword(), opts: opts}
	if err := d.configure(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	d.cmd = exec.Command(bin, "-F", "-c", filepath.Join(dir, "dovecot.conf"))
	d.cmd.Stdout, d.cmd.Stderr = os.Stderr, os.Stderr
	dieWithTest(d.cmd)
	if err := d.cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("start dovecot: %w", err)
	}
	d.exited = make(chan struct{})
	go func() { d.cmd.Wait(); close(d.exited) }()
	if err := d.waitReady(); err != nil {
		d.Stop()
		return nil, err
	}
	return d, nil
}

func randomPassword() string {
	b := make([]byte, 9)
	rand.Read(b)
	return "Secret-" + hex.EncodeToString(b)
}

// configure writes the certificate, users file and configuration.
func (d *Dovecot) configure() error {
	// Dovecot's auth process runs as another user and must traverse the
	// folder: os.MkdirTemp makes it 0700.
	if err := os.Chmod(d.Dir, 0o755); err != nil {
		return err
	}
	for _, sub := range []string{"run", "state", "mail", "home"} {
		if err := os.Mkdir(filepath.Join(d.Dir, sub), 0o755); err != nil {
			return err
		}
	}
	cert, err := NewCert()
	if err != nil {
		return err
	}
	d.Cert = cert
	files := map[string][]byte{
		"cert.pem": cert.CertPEM, "key.pem": cert.KeyPEM,
		"users": fmt.Appendf(nil, "%s:{PLAIN}%s::::::\n", d.User, d.Password),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(d.Dir, name), data, 0o644); err != nil {
			return err
		}
	}
	ports, err := freePorts(2)
	if err != nil {
		return err
	}
	d.IMAPS = net.JoinHostPort("127.0.0.1", strconv.Itoa(ports[0]))
	d.IMAP = net.JoinHostPort("127.0.0.1", strconv.Itoa(ports[1]))
	userFields, extra, err := d.identity()
	if err != nil {
		return err
	}
	mechs, oauthPassdb, plainOnly, err := d.oauthConf()
	if err != nil {
		return err
	}
	conf := fmt.Sprintf(dovecotConf, d.Dir, userFields, ports[1], ports[0], anvilChroot(extra), extra, mechs, oauthPassdb, plainOnly)
	return os.WriteFile(filepath.Join(d.Dir, "dovecot.conf"), []byte(conf), 0o644)
}

// identity decides who the mail processes run as: as root they may not be
// uid 0, so they run as nobody; otherwise everything runs as the caller.
func (d *Dovecot) identity() (userFields, extra string, err error) {
	if os.Geteuid() != 0 {
		u, err := user.Current()
		if err != nil {
			return "", "", err
		}
		g, err := user.LookupGroupId(u.Gid)
		if err != nil {
			return "", "", err
		}
		return "", fmt.Sprintf(unprivilegedConf, u.Username, g.Name, u.Username), nil
	}
	u, err := user.Lookup("nobody")
	if err != nil {
		return "", "", err
	}
	g, err := user.LookupGroupId(u.Gid)
	if err != nil {
		return "", "", err
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	for _, sub := range []string{"mail", "home"} {
		if err := os.Chown(filepath.Join(d.Dir, sub), uid, gid); err != nil {
			return "", "", err
		}
	}
	return fmt.Sprintf("uid=%s gid=%s ", u.Username, g.Name), "", nil
}

const dovecotConf = `base_dir = %[1]s/run
state_dir = %[1]s/state
log_path = %[1]s/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <%[1]s/cert.pem
ssl_key = <%[1]s/key.pem
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = %[7]s
mail_fsync = never
# Tests log in with wrong passwords on purpose: no failure delay and no
# per-IP penalty slowing the next tests (real servers delay; Hygie copes).
auth_failure_delay = 0
mail_location = maildir:%[1]s/mail/%%u
%[8]spassdb {
  driver = passwd-file
%[9]s  args = scheme=PLAIN username_format=%%u %[1]s/users
}
userdb {
  driver = passwd-file
  args = username_format=%%u %[1]s/users
  default_fields = %[2]shome=%[1]s/home/%%u
}
protocol imap {
  mail_max_userip_connections = 100
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = %[3]d
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = %[4]d
    ssl = yes
  }
}
service anvil {
%[5]s  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
%[6]s`

const unprivilegedConf = `default_internal_user = %[1]s
default_internal_group = %[2]s
default_login_user = %[3]s
`

// anvilChroot: an unprivileged master cannot chroot anvil.
func anvilChroot(extra string) string {
	if extra == "" {
		return ""
	}
	return "  chroot =\n"
}

// freePorts returns n ports that were free a moment ago on 127.0.0.1.
func freePorts(n int) ([]int, error) {
	var ports []int
	var lns []net.Listener
	defer func() {
		for _, l := range lns {
			l.Close()
		}
	}()
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		lns = append(lns, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}

// waitReady waits for "starting up" in the log: listeners are bound then.
func (d *Dovecot) waitReady() error {
	logPath := filepath.Join(d.Dir, "dovecot.log")
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		data, _ := os.ReadFile(logPath)
		if bytes.Contains(data, []byte("starting up")) {
			return nil
		}
		select {
		case <-d.exited:
			return fmt.Errorf("dovecot exited at start-up: %s", data)
		case <-time.After(50 * time.Millisecond):
		}
	}
	data, _ := os.ReadFile(logPath)
	return fmt.Errorf("dovecot did not start within 15 s: %s", data)
}

// Log returns what Dovecot logged so far.
func (d *Dovecot) Log() string {
	data, _ := os.ReadFile(filepath.Join(d.Dir, "dovecot.log"))
	return string(data)
}

// Stop ends Dovecot, waits until it has exited (it takes 2–3 s) and
// removes its folder.
func (d *Dovecot) Stop() {
	if d.cmd != nil && d.cmd.Process != nil {
		d.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-d.exited:
		case <-time.After(10 * time.Second):
			d.cmd.Process.Kill()
			<-d.exited
		}
	}
	os.RemoveAll(d.Dir)
}

// Admin opens a read-write connection for preparing and checking mailboxes.
func (d *Dovecot) Admin(tb testing.TB) *Admin {
	return DialAdmin(tb, d.IMAPS, d.Cert.Pool(), d.User, d.Password)
}

// MailDir is where the user's maildir lives (for tests that edit it).
func (d *Dovecot) MailDir() string {
	return filepath.Join(d.Dir, "mail", d.User)
}
