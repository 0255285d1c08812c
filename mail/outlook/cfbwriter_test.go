package outlook_test

import (
	"bytes"
	"encoding/binary"
	"sort"
	"strings"
	"unicode/utf16"
)

// writeCFB builds a version 3 compound file (512-byte sectors) holding the
// streams given by path ("storage/sub/stream"); storages are implied by
// the paths. It exists so the tests can craft .msg files the samples do
// not cover. Streams under 4096 bytes go to the mini stream, as the
// format requires.
func writeCFB(streams map[string][]byte) []byte {
	const (
		endOfChain = 0xFFFFFFFE
		fatSect    = 0xFFFFFFFD
		free       = 0xFFFFFFFF
		noStream   = 0xFFFFFFFF
	)
	type entry struct {
		name     string
		storage  bool
		data     []byte
		children []int
		start    uint32
	}
	entries := []*entry{{name: "Root Entry", storage: true}}
	index := map[string]int{"": 0}
	var paths []string
	for p := range streams {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		parts := strings.Split(p, "/")
		parent := 0
		for i := range parts {
			key := strings.Join(parts[:i+1], "/")
			id, ok := index[key]
			if !ok {
				id = len(entries)
				e := &entry{name: parts[i], storage: i < len(parts)-1}
				if !e.storage {
					e.data = streams[p]
				}
				entries = append(entries, e)
				index[key] = id
				entries[parent].children = append(entries[parent].children, id)
			}
			parent = id
		}
	}
	var sectors [][]byte
	var fat []uint32
	chain := func(b []byte) uint32 {
		if len(b) == 0 {
			return endOfChain
		}
		start := uint32(len(sectors))
		for off := 0; off < len(b); off += 512 {
			s := make([]byte, 512)
			copy(s, b[off:])
			sectors = append(sectors, s)
			fat = append(fat, uint32(len(sectors)))
		}
		fat[len(fat)-1] = endOfChain
		return start
	}
	var mini bytes.Buffer
	var minifat []uint32
	for _, e := range entries[1:] {
		if e.storage {
			continue
		}
		if len(e.data) >= 4096 {
			e.start = chain(e.data)
			continue
		}
		if len(e.data) == 0 {
			e.start = endOfChain
			continue
		}
		e.start = uint32(mini.Len() / 64)
		mini.Write(e.data)
		for mini.Len()%64 != 0 {
			mini.WriteByte(0)
		}
		for i := e.start; i < uint32(mini.Len()/64); i++ {
			minifat = append(minifat, i+1)
		}
		minifat[len(minifat)-1] = endOfChain
	}
	entries[0].start = chain(mini.Bytes())
	mf := make([]byte, 4*len(minifat))
	for i, v := range minifat {
		binary.LittleEndian.PutUint32(mf[4*i:], v)
	}
	miniFatStart := chain(mf)
	dir := make([]byte, 128*len(entries))
	for i, e := range entries {
		d := dir[128*i:]
		name := utf16.Encode([]rune(e.name))
		for k, c := range name {
			binary.LittleEndian.PutUint16(d[2*k:], c)
		}
		binary.LittleEndian.PutUint16(d[64:], uint16(2*len(name)+2))
		d[66] = 2
		if e.storage {
			d[66] = 1
		}
		if i == 0 {
			d[66] = 5
		}
		d[67] = 1
		binary.LittleEndian.PutUint32(d[68:], noStream)
		binary.LittleEndian.PutUint32(d[72:], noStream)
		binary.LittleEndian.PutUint32(d[76:], noStream)
		binary.LittleEndian.PutUint32(d[116:], e.start)
		size := len(e.data)
		if i == 0 {
			size = mini.Len()
		}
		binary.LittleEndian.PutUint32(d[120:], uint32(size))
	}
	for i, e := range entries { // links last: a child comes after its parent
		if len(e.children) > 0 {
			binary.LittleEndian.PutUint32(dir[128*i+76:], uint32(e.children[0]))
			for k := 0; k+1 < len(e.children); k++ {
				binary.LittleEndian.PutUint32(dir[128*e.children[k]+72:], uint32(e.children[k+1]))
			}
		}
	}
	dirStart := chain(dir)
	nfat := (len(fat) + 127) / 128
	for (len(fat)+nfat+127)/128 > nfat {
		nfat++
	}
	fatStart := uint32(len(sectors))
	for i := 0; i < nfat; i++ {
		sectors = append(sectors, make([]byte, 512))
		fat = append(fat, fatSect)
	}
	for i := 0; i < nfat*128; i++ {
		v := uint32(free)
		if i < len(fat) {
			v = fat[i]
		}
		binary.LittleEndian.PutUint32(sectors[int(fatStart)+i/128][4*(i%128):], v)
	}
	h := make([]byte, 512)
	copy(h, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	binary.LittleEndian.PutUint16(h[24:], 0x3E)
	binary.LittleEndian.PutUint16(h[26:], 3)
	binary.LittleEndian.PutUint16(h[28:], 0xFFFE)
	binary.LittleEndian.PutUint16(h[30:], 9)
	binary.LittleEndian.PutUint16(h[32:], 6)
	binary.LittleEndian.PutUint32(h[44:], uint32(nfat))
	binary.LittleEndian.PutUint32(h[48:], dirStart)
	binary.LittleEndian.PutUint32(h[56:], 4096)
	binary.LittleEndian.PutUint32(h[60:], miniFatStart)
	binary.LittleEndian.PutUint32(h[64:], uint32((len(mf)+511)/512))
	binary.LittleEndian.PutUint32(h[68:], endOfChain)
	for i := 0; i < 109; i++ {
		v := uint32(free)
		if i < nfat {
			v = fatStart + uint32(i)
		}
		binary.LittleEndian.PutUint32(h[76+4*i:], v)
	}
	out := bytes.NewBuffer(h)
	for _, s := range sectors {
		out.Write(s)
	}
	return out.Bytes()
}
