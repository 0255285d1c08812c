package probe

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// eperm is how nft answers a normal user.
var eperm = refused("Error: Could not process rule: Operation not permitted\nlist ruleset\n^^^^^^^^^^^^^")

// linuxGlueCases drive the Linux probes through recorded command outputs.
var linuxGlueCases = []struct {
	name    string
	probe   func(system) func(context.Context) Result
	outputs map[string]Output
	files   map[string]string
	env     map[string]string
	user    string
	status  Status
	code    Code
	has     string // in Details
}{
	{"root reads nft", fw, map[string]Output{"nft list ruleset": ran(0, td("linux/firewall_nft_policy_drop.txt"))},
		nil, nil, "", Pass, CodeFirewallOn, "nft list ruleset: chain input (table inet filter) with policy drop"},
	{"user: ufw enabled in its settings", fw, map[string]Output{
		"nft list ruleset":   eperm,
		"ufw status verbose": refused("ERROR: You need to be root to run this script"),
	}, map[string]string{
		"/etc/ufw/ufw.conf": td("linux/firewall_ufw_conf_enabled.txt"),
		"/etc/default/ufw":  td("linux/firewall_ufw_default.txt"),
	}, nil, "", Pass, CodeFirewallOn, "ufw: /etc/ufw/ufw.conf ENABLED=yes"},
	{"user: nftables service with its rules file", fw, map[string]Output{
		"nft list ruleset":             eperm,
		"systemctl is-active nftables": ran(0, "active\n"),
	}, map[string]string{"/etc/nftables.conf": td("linux/firewall_nftables_conf_oneline.txt")}, nil, "", Pass, CodeFirewallOn, "/etc/nftables.conf (nftables service active): chain input (table inet filter) with policy drop"},
	{"user: nothing readable", fw, map[string]Output{
		"nft list ruleset":             eperm,
		"systemctl is-active nftables": ran(3, "inactive\n"),
	}, nil, nil, "", Unknown, CodeNeedsAdmin, "nft list ruleset: Error: Could not process rule: Operation not permitted (exit 1)"},
	{"firewalld running, empty nft", fw, map[string]Output{
		"nft list ruleset":     ran(0, ""),
		"firewall-cmd --state": ran(0, "running\n"),
	}, nil, nil, "", Pass, CodeFirewallOn, "firewall-cmd --state: running"},
	{"nothing installed", fw, nil, nil, nil, "", Fail, CodeFirewallNone, "no firewall found: neither nftables, ufw nor firewalld"},
	{"ufw off, nft accepts all", fw, map[string]Output{
		"nft list ruleset":   ran(0, td("linux/firewall_nft_input_accept.txt")),
		"ufw status verbose": ran(0, "Status: inactive\n"),
	}, nil, nil, "", Fail, CodeFirewallAllowsAll, "nft list ruleset: input chain accepts everything (policy accept, no drop/reject rule); ufw status: inactive"},

	{"apt up to date", upd, map[string]Output{"apt list --upgradable": ran(0, "Listing...\n")}, nil, nil, "", Pass, CodeUpdatesNone, "apt list --upgradable: nothing upgradable"},
	{"apt broken", upd, map[string]Output{"apt list --upgradable": refused("E: Could not open lock file")}, nil, nil, "", Unknown, CodeCommandFailed, "apt list --upgradable: E: Could not open lock file (exit 1)"},
	{"dnf nothing to do", upd, map[string]Output{"dnf -q -C check-update": ran(0, "")}, nil, nil, "", Pass, CodeUpdatesNone, "dnf check-update: exit 0, nothing to update"},
	{"dnf updates", upd, map[string]Output{"dnf -q -C check-update": ran(100, td("linux/updates_dnf_pending.txt"))}, nil, nil, "", Fail, CodeUpdatesPending, "dnf check-update: 4 updates (firefox, grub2-tools, kernel, openssl-libs)"},
	{"no package manager", upd, nil, nil, nil, "", Unknown, CodeUpdatesNoManager, "neither apt nor dnf found"},

	{"old lsblk without MOUNTPOINTS", disk, map[string]Output{
		"lsblk -J -o NAME,PATH,TYPE,FSTYPE,MOUNTPOINTS": refused("lsblk: unknown column: MOUNTPOINTS"),
		"lsblk -J -o NAME,PATH,TYPE,FSTYPE,MOUNTPOINT":  ran(0, td("linux/disk_encryption_lsblk_old_home_only.txt")),
	}, map[string]string{"/proc/mounts": td("linux/disk_encryption_mounts_old_home_only.txt")}, nil, "", Fail, CodeDiskPlain, "lsblk: / on /dev/sda2 (no crypt device), /home on /dev/mapper/home_crypt (under crypt)"},
	{"no lsblk", disk, nil, nil, nil, "", Unknown, CodeMissing, "lsblk -J: not installed"},

	{"GNOME", lock, map[string]Output{
		"gsettings get org.gnome.desktop.screensaver lock-enabled": ran(0, "true\n"),
		"gsettings get org.gnome.desktop.screensaver lock-delay":   ran(0, "uint32 0\n"),
		"gsettings get org.gnome.desktop.session idle-delay":       ran(0, "uint32 600\n"),
	}, nil, map[string]string{"XDG_CURRENT_DESKTOP": "ubuntu:GNOME"}, "", Fail, CodeLockTooLate, "GNOME: lock-enabled true, idle-delay uint32 600, lock-delay uint32 0"},
	{"KDE Plasma 5 defaults", lock, map[string]Output{
		"kreadconfig5 --file kscreenlockerrc --group Daemon --key Autolock": ran(0, "\n"),
		"kreadconfig5 --file kscreenlockerrc --group Daemon --key Timeout":  ran(0, "\n"),
	}, nil, map[string]string{"XDG_CURRENT_DESKTOP": "KDE"}, "", Pass, CodeLockOK, "KDE kscreenlockerrc [Daemon]: Autolock=, Timeout= (empty: default)"},
	{"no desktop", lock, nil, nil, nil, "", Unknown, CodeLockNoDesktop, "XDG_CURRENT_DESKTOP is empty"},
	{"XFCE", lock, nil, nil, map[string]string{"XDG_CURRENT_DESKTOP": "XFCE"}, "", Unknown, CodeLockOtherDesktop, "XDG_CURRENT_DESKTOP=XFCE"},

	{"ClamAV", av, map[string]Output{"clamscan --version": ran(0, td("linux/antivirus_clamscan_fresh.txt"))}, nil, nil, "", Pass, CodeAVFresh, "clamscan --version: ClamAV 1.0.5/27190/Tue Feb 20 08:23:45 2024"},
	{"no antivirus", av, nil, nil, nil, "", Unknown, CodeAVNoneLinux, "neither clamscan nor clamdscan found"},

	{"getent with a missing group", adm, map[string]Output{"getent group sudo wheel admin": ran(2, "sudo:x:27:marie\n")},
		nil, nil, "paul", Pass, CodeAdminNot, "group sudo: marie; current account: paul"},
	{"unknown account", adm, map[string]Output{"getent group sudo wheel admin": ran(0, "sudo:x:27:marie\n")},
		nil, nil, "", Unknown, CodeAdminNoUser, "group sudo: marie; current account: none"},
}

var (
	fw   = func(s system) func(context.Context) Result { return s.firewall }
	upd  = func(s system) func(context.Context) Result { return s.updates }
	disk = func(s system) func(context.Context) Result { return s.diskEncryption }
	lock = func(s system) func(context.Context) Result { return s.screenLock }
	av   = func(s system) func(context.Context) Result { return s.antivirus }
	adm  = func(s system) func(context.Context) Result { return s.adminAccounts }
)

// td reads a recorded output at package init, for the case table.
func td(name string) string {
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		panic(err)
	}
	return string(b)
}

func TestLinuxProbesOnRecordedMachines(t *testing.T) {
	for _, c := range linuxGlueCases {
		r := &fakeRunner{outputs: c.outputs}
		got := c.probe(fakeSystem(r, c.files, c.env, c.user))(context.Background())
		if got.Status != c.status || got.Code != c.code || !strings.Contains(got.Details, c.has) {
			t.Errorf("%s: got %s %s %q, want %s %s containing %q", c.name, got.Status, got.Code, got.Details, c.status, c.code, c.has)
		}
		if os.Getenv("GEN") != "" {
			fmt.Printf("GEN\t%s\t%s\t%s\t%q\n", c.name, got.Status, got.Code, got.Details)
		}
		checkWellFormed(t, c.name, got)
		checkNoElevation(t, c.name, r.calls)
	}
}

// checkNoElevation: the probes never elevate and never go through a shell.
func checkNoElevation(t *testing.T, name string, calls []string) {
	t.Helper()
	for _, call := range calls {
		f := strings.Fields(call)
		switch filepath.Base(f[0]) {
		case "sudo", "pkexec", "su", "doas", "runas", "sh", "bash", "dash", "zsh", "cmd", "cmd.exe":
			t.Errorf("%s: ran %q", name, call)
		}
	}
}

// TestLinuxProbesRunForReal runs every Linux probe on this machine,
// whatever its state, and checks each answer is one a user can act on.
func TestLinuxProbesRunForReal(t *testing.T) {
	s := hostSystem()
	for _, p := range platformProbes(s) {
		ctx, cancel := context.WithTimeout(context.Background(), ProbeTimeout)
		got := p.Run(ctx)
		cancel()
		t.Logf("%s: %s %s — %s | %s", got.ID, got.Status, got.Code, got.Text("fr"), got.Details)
		if got.ID != p.ID() || got.Remedy != RemedyFor(p.ID()) {
			t.Errorf("%s: id %q remedy %q", p.ID(), got.ID, got.Remedy)
		}
		checkWellFormed(t, p.ID(), got)
	}
}

// TestLinuxRealCommands checks, where the command exists here, that the
// evidence comes from it.
func TestLinuxRealCommands(t *testing.T) {
	s := hostSystem()
	ctx := context.Background()
	for _, c := range []struct {
		tool string
		run  func(context.Context) Result
		has  string
	}{
		{"apt", s.updates, "apt list --upgradable"},
		{"lsblk", s.diskEncryption, "lsblk"},
		{"getent", s.adminAccounts, "group"},
	} {
		if _, err := exec.LookPath(c.tool); err != nil {
			t.Logf("%s is not installed here", c.tool)
			continue
		}
		got := c.run(ctx)
		if !strings.Contains(got.Details, c.has) && got.Status != Unknown {
			t.Errorf("%s: details %q, want them to mention %q", c.tool, got.Details, c.has)
		}
	}
}

func TestGnomeScreenLockForReal(t *testing.T) {
	t.Setenv("XDG_CURRENT_DESKTOP", "GNOME")
	got := hostSystem().screenLock(context.Background())
	checkWellFormed(t, "gnome", got)
	if _, err := exec.LookPath("gsettings"); err != nil {
		if got.Status != Unknown {
			t.Errorf("no gsettings, yet %s %q", got.Status, got.Details)
		}
		return
	}
	if got.Status == Unknown || !strings.HasPrefix(got.Details, "GNOME: ") {
		t.Errorf("gsettings is installed, yet %s %s %q", got.Status, got.Code, got.Details)
	}
}

// TestRunAllForReal runs the whole set here, with a backup folder whose
// newest file is 2 hours old, then 3 days old.
func TestRunAllForReal(t *testing.T) {
	for _, c := range []struct {
		age    time.Duration
		status Status
		has    string
	}{{2 * time.Hour, Pass, "il y a 2 h"}, {3 * day, Fail, "il y a 3 jours"}} {
		dir := makeTree(t, time.Now(), []entry{{"cabinet.db", c.age}})
		old := time.Now().Add(-c.age)
		_ = os.Chtimes(dir, old, old)
		got := RunAll(context.Background(), Config{BackupDir: dir})
		ids := IDs()
		if len(got) != len(ids) {
			t.Fatalf("RunAll returned %d results, want %d", len(got), len(ids))
		}
		for i, r := range got {
			if r.ID != ids[i] {
				t.Errorf("result %d is %s, want %s", i, r.ID, ids[i])
			}
			checkWellFormed(t, r.ID, r)
		}
		if b := got[len(got)-1]; b.Status != c.status || !strings.Contains(b.Text("fr"), c.has) {
			t.Errorf("backup %v old: %s %q, want %s with %q", c.age, b.Status, b.Text("fr"), c.status, c.has)
		}
	}
}
