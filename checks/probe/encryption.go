package probe

import (
	"encoding/json"
	"fmt"
	"strings"
)

// lsblkDevice is one node of `lsblk -J -o NAME,PATH,TYPE,FSTYPE,MOUNTPOINTS`;
// older lsblk prints a single "mountpoint" instead.
type lsblkDevice struct {
	Name        string        `json:"name"`
	Path        string        `json:"path"`
	Type        string        `json:"type"`
	FSType      *string       `json:"fstype"`
	Mountpoint  *string       `json:"mountpoint"`
	Mountpoints []*string     `json:"mountpoints"`
	Children    []lsblkDevice `json:"children"`
}

func (d lsblkDevice) mountedOn(dir string) bool {
	if d.Mountpoint != nil && *d.Mountpoint == dir {
		return true
	}
	for _, m := range d.Mountpoints {
		if m != nil && *m == dir {
			return true
		}
	}
	return false
}

// blockNode is a device seen at one place of the tree, with whether a
// dm-crypt mapping lies between it and the disk.
type blockNode struct {
	dev        lsblkDevice
	underCrypt bool
}

func flattenBlocks(devs []lsblkDevice, underCrypt bool, out []blockNode) []blockNode {
	for _, d := range devs {
		crypt := underCrypt || d.Type == "crypt"
		out = append(out, blockNode{dev: d, underCrypt: crypt})
		out = flattenBlocks(d.Children, crypt, out)
	}
	return out
}

// parseLsblk decides whether the root and home file systems sit on a
// dm-crypt (LUKS) mapping. mounts is /proc/mounts, which names the device
// behind each mount point when lsblk lists several.
func parseLsblk(lsblkJSON, mounts string) Result {
	var tree struct {
		Blockdevices []lsblkDevice `json:"blockdevices"`
	}
	if err := json.Unmarshal([]byte(lsblkJSON), &tree); err != nil {
		return unknown(CodeUnreadable, Params{}, "lsblk -J: "+err.Error())
	}
	nodes := flattenBlocks(tree.Blockdevices, false, nil)
	sources := mountSources(mounts)
	var plain, ok []string
	for _, dir := range []string{"/", "/home"} {
		src, mounted := sources[dir]
		if dir == "/home" && !mounted {
			continue // /home is part of the root file system
		}
		enc, desc, found := encryptedMount(nodes, dir, src)
		switch {
		case !found:
			return unknown(CodeDiskNotFound, Params{}, fmt.Sprintf("lsblk: %s is mounted from %s, not in the device tree", dir, orUnknown(src)))
		case enc:
			ok = append(ok, dir+" on "+desc+" (under crypt)")
		default:
			plain = append(plain, dir+" on "+desc+" (no crypt device)")
		}
	}
	if len(plain) > 0 {
		return fail(CodeDiskPlain, Params{}, "lsblk: "+strings.Join(append(plain, ok...), ", "))
	}
	return pass(CodeDiskEncrypted, Params{}, "lsblk: "+strings.Join(ok, ", "))
}

// encryptedMount finds the device mounted on dir, by its /proc/mounts
// source or by lsblk's mount points; every place it appears must be under
// a crypt mapping.
func encryptedMount(nodes []blockNode, dir, src string) (enc bool, desc string, found bool) {
	enc = true
	for _, n := range nodes {
		if !(src != "" && n.dev.Path == src) && !n.dev.mountedOn(dir) {
			continue
		}
		found = true
		enc = enc && n.underCrypt
		desc = n.dev.Path
		if desc == "" {
			desc = n.dev.Name
		}
	}
	return enc && found, desc, found
}

// mountSources maps each mount point of /proc/mounts to its device; later
// lines win because a later mount hides an earlier one.
func mountSources(mounts string) map[string]string {
	m := map[string]string{}
	for _, l := range strings.Split(mounts, "\n") {
		f := strings.Fields(l)
		if len(f) >= 2 {
			m[f[1]] = f[0]
		}
	}
	return m
}

func orUnknown(s string) string {
	if s == "" {
		return "an unknown source"
	}
	return s
}

// winVolume is one fixed drive as the BitLocker script prints it, from
// Get-BitLockerVolume when Hygie happens to run as administrator, else from
// the Explorer property System.Volume.BitLockerProtection, which any user
// may read.
type winVolume struct {
	Drive      flex
	Source     flex
	Protection flex // "On"/"Off", or the Explorer property's number
	Volume     flex // VolumeStatus: FullyEncrypted, EncryptionInProgress…
	Percent    flex
}

// volState is a drive's BitLocker state: protected, not, or in between.
type volState int

const (
	volNA volState = iota
	volOn
	volOff
	volBusy
)

// state reads both sources. Explorer's numbers: 1 on, 2 off, 3 encrypting,
// 4 decrypting, 5 suspended, 6 on and locked, 8 waiting for activation.
func (v winVolume) state() (volState, string) {
	p := v.Protection.String()
	if strings.EqualFold(v.Source.String(), "Get-BitLockerVolume") {
		switch {
		case strings.EqualFold(p, "On"):
			return volOn, "on"
		case strings.Contains(v.Volume.String(), "InProgress"):
			return volBusy, "encrypting (" + v.Percent.String() + " %)"
		case strings.EqualFold(v.Volume.String(), "FullyEncrypted"):
			return volOff, "suspended"
		default:
			return volOff, "off"
		}
	}
	switch p {
	case "1", "6":
		return volOn, "on"
	case "2":
		return volOff, "off"
	case "3":
		return volBusy, "encrypting"
	case "4":
		return volOff, "decrypting"
	case "5":
		return volOff, "suspended"
	case "8":
		return volOff, "waiting for activation"
	}
	return volNA, ""
}

// parseWinBitLocker decides from every fixed drive: all must be protected.
func parseWinBitLocker(text string) Result {
	var vols many[winVolume]
	if err := decodePS(text, &vols); err != nil {
		return unknown(CodeUnreadable, Params{}, "BitLocker script: "+err.Error())
	}
	var on, off, busy, facts []string
	for _, v := range vols {
		st, what := v.state()
		d := v.Drive.String()
		facts = append(facts, fmt.Sprintf("%s %s (%s)", d, orUnknown(what), v.Source))
		switch st {
		case volOn:
			on = append(on, d)
		case volOff:
			off = append(off, d)
		case volBusy:
			busy = append(busy, d)
		}
	}
	details := "BitLocker: " + strings.Join(facts, ", ")
	switch {
	case len(off) > 0:
		return fail(CodeDrivesPlain, Params{Names: off}, details)
	case len(busy) > 0:
		return unknown(CodeDiskInProgress, Params{Names: busy}, details)
	case len(on) == 0:
		return unknown(CodeDiskNoDrive, Params{}, "BitLocker: no fixed drive reported")
	}
	return pass(CodeDrivesEncrypted, Params{Names: on}, details)
}

var fdePercent = lazyRegexp(`Percent completed = ([\d.]+)`)

// parseFdesetup reads `fdesetup status`.
func parseFdesetup(text string) Result {
	line := firstLine(text)
	details := "fdesetup status: " + line
	// While it works, fdesetup prints "FileVault is On." then the progress.
	switch {
	case strings.Contains(text, "Encryption in progress"):
		if m := fdePercent().FindStringSubmatch(text); m != nil {
			details += " Encryption in progress (" + m[1] + " %)"
		}
		return unknown(CodeDiskInProgress, Params{}, details)
	case strings.Contains(text, "Decryption in progress"):
		return fail(CodeDiskDecrypting, Params{}, details)
	case strings.HasPrefix(line, "FileVault is On"):
		return pass(CodeDiskEncrypted, Params{}, details)
	case strings.Contains(line, "will be enabled after the next restart"):
		return fail(CodeDiskRestartNeeded, Params{}, details)
	case strings.HasPrefix(line, "FileVault is Off"):
		return fail(CodeDiskPlain, Params{}, details)
	}
	return unknown(CodeUnreadable, Params{}, details)
}
