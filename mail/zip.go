package mail

import (
	"bytes"
	"encoding/binary"
)

// maxZipEntries caps the central-directory entries read per archive.
const maxZipEntries = 10000

// maxZipNames caps the entry names kept per archive.
const maxZipNames = 50

// readZipDirectory reads what a zip holds from its central directory in
// tail, without decompressing anything, so an archive bomb costs nothing.
// When the directory is out of reach it falls back to the first local
// header in head.
func readZipDirectory(head, tail []byte) *Archive {
	a := &Archive{}
	eocd := bytes.LastIndex(tail, []byte("PK\x05\x06"))
	if eocd < 0 || len(tail)-eocd < 22 {
		a.Incomplete = true
		firstLocalEntry(head, a)
		return a
	}
	size := int(binary.LittleEndian.Uint32(tail[eocd+12:]))
	start := eocd - size
	if size <= 0 || start < 0 {
		a.Incomplete = true
		firstLocalEntry(head, a)
		return a
	}
	readCentralEntries(tail[start:eocd], a)
	return a
}

func readCentralEntries(cd []byte, a *Archive) {
	for n := 0; len(cd) >= 46 && n < maxZipEntries; n++ {
		if !bytes.HasPrefix(cd, []byte("PK\x01\x02")) {
			a.Incomplete = true
			return
		}
		flags := binary.LittleEndian.Uint16(cd[8:])
		method := binary.LittleEndian.Uint16(cd[10:])
		csize := binary.LittleEndian.Uint32(cd[20:])
		usize := binary.LittleEndian.Uint32(cd[24:])
		nameLen := int(binary.LittleEndian.Uint16(cd[28:]))
		extra := int(binary.LittleEndian.Uint16(cd[30:]))
		comment := int(binary.LittleEndian.Uint16(cd[32:]))
		if 46+nameLen+extra+comment > len(cd) {
			a.Incomplete = true
			return
		}
		addEntry(a, string(cd[46:46+nameLen]), flags, method, csize, usize)
		cd = cd[46+nameLen+extra+comment:]
	}
}

// firstLocalEntry reads the local header at the start of the archive.
func firstLocalEntry(head []byte, a *Archive) {
	if len(head) < 30 || !bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		return
	}
	flags := binary.LittleEndian.Uint16(head[6:])
	method := binary.LittleEndian.Uint16(head[8:])
	csize := binary.LittleEndian.Uint32(head[18:])
	usize := binary.LittleEndian.Uint32(head[22:])
	nameLen := int(binary.LittleEndian.Uint16(head[26:]))
	if 30+nameLen > len(head) {
		return
	}
	addEntry(a, string(head[30:30+nameLen]), flags, method, csize, usize)
}

func addEntry(a *Archive, name string, flags, method uint16, csize, usize uint32) {
	// Bit 0 is traditional encryption; method 99 is WinZip AES.
	if flags&1 != 0 || method == 99 {
		a.Encrypted = true
	}
	if csize == 0xFFFFFFFF || usize == 0xFFFFFFFF {
		a.Incomplete = true // zip64 sizes live in the extra field
	}
	a.Compressed += uint64(csize)
	a.Uncompressed += uint64(usize)
	if len(a.Entries) < maxZipNames {
		a.Entries = append(a.Entries, name)
	}
}
