package outlook

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
)

// maxEntries bounds the directory entries read from one file.
const maxEntries = 100000

// cfb is a compound file read whole: every stream's bytes by path
// ("a/b/name"), and the child storages of every storage.
type cfb struct {
	streams  map[string][]byte
	children map[string][]string
}

// openCFB reads every stream of data. A stream claiming more bytes than
// the file holds, or a read error, means the file is damaged.
func openCFB(data []byte) (*cfb, error) {
	if !IsMsg(data) {
		return nil, fmt.Errorf("%w: not an OLE compound file", ErrCorrupt)
	}
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	if len(r.File) > maxEntries {
		return nil, fmt.Errorf("%w: %d directory entries", ErrCorrupt, len(r.File))
	}
	f := &cfb{streams: map[string][]byte{}, children: map[string][]string{}}
	total := int64(0)
	for i, e := range r.File {
		if i == 0 { // the root entry; its children carry an empty path
			continue
		}
		dir := strings.Join(e.Path, "/")
		key := join(dir, e.Name)
		if e.FileInfo().IsDir() {
			f.children[dir] = append(f.children[dir], e.Name)
			continue
		}
		if e.Size < 0 || e.Size > int64(len(data)) {
			return nil, fmt.Errorf("%w: stream %s claims %d bytes", ErrCorrupt, key, e.Size)
		}
		if total += e.Size; total > 2*int64(len(data)) {
			return nil, fmt.Errorf("%w: streams larger than the file", ErrCorrupt)
		}
		b := make([]byte, e.Size)
		if _, err := io.ReadFull(e, b); err != nil {
			return nil, fmt.Errorf("%w: stream %s: %v", ErrCorrupt, key, err)
		}
		f.streams[key] = b
	}
	return f, nil
}

func join(dir, name string) string {
	if dir == "" {
		return name
	}
	return dir + "/" + name
}

func (f *cfb) root() node { return node{f: f, path: "", header: 32} }

// node is one storage holding MAPI properties: the message itself, a
// recipient, an attachment, or an embedded message.
type node struct {
	f    *cfb
	path string
	// header is the size of the property stream's header: 32 for the
	// top-level message, 24 for an embedded one, 8 for recipients and
	// attachments.
	header int
	// cp is the code page of the 8-bit strings, inherited from the message.
	cp int
}

func (n node) child(name string, header int) node {
	return node{f: n.f, path: join(n.path, name), header: header, cp: n.cp}
}

// childrenWith lists the child storages whose name starts with prefix.
func (n node) childrenWith(prefix string) []string {
	var out []string
	for _, c := range n.f.children[n.path] {
		if strings.HasPrefix(strings.ToLower(c), strings.ToLower(prefix)) {
			out = append(out, c)
		}
	}
	return out
}

// hasStorage reports whether n has a child storage of that name (an
// embedded message is a PT_OBJECT property stored as a storage).
func (n node) hasStorage(name string) bool {
	for _, c := range n.f.children[n.path] {
		if strings.EqualFold(c, name) {
			return true
		}
	}
	return false
}

// Property types of [MS-OXCDATA] used here.
const (
	ptLong    = 0x0003
	ptBoolean = 0x000B
	ptString8 = 0x001E
	ptUnicode = 0x001F
	ptSysTime = 0x0040
	ptBinary  = 0x0102
	ptObject  = 0x000D
)

// raw returns the bytes of the variable-length property id of type typ.
func (n node) raw(id, typ uint16) ([]byte, bool) {
	b, ok := n.f.streams[join(n.path, fmt.Sprintf("__substg1.0_%04X%04X", id, typ))]
	return b, ok
}

// str returns the string property id, Unicode or 8-bit, as UTF-8.
func (n node) str(id uint16) string {
	if b, ok := n.raw(id, ptUnicode); ok {
		return trimNUL(decodeUTF16(b))
	}
	if b, ok := n.raw(id, ptString8); ok {
		return trimNUL(decodeCodePage(b, n.cp))
	}
	return ""
}

func trimNUL(s string) string { return strings.TrimRight(s, "\x00") }

func decodeUTF16(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	return string(utf16.Decode(u))
}

// fixed returns the 8-byte value of the fixed-size property id from the
// property stream, and whether it was there.
func (n node) fixed(id uint16) (uint64, bool) {
	b := n.f.streams[join(n.path, "__properties_version1.0")]
	if len(b) < n.header {
		return 0, false
	}
	for p := b[n.header:]; len(p) >= 16; p = p[16:] {
		tag := binary.LittleEndian.Uint32(p)
		if uint16(tag>>16) == id {
			return binary.LittleEndian.Uint64(p[8:]), true
		}
	}
	return 0, false
}

// long returns a PT_LONG or PT_BOOLEAN property, 0 when absent.
func (n node) long(id uint16) int {
	v, _ := n.fixed(id)
	return int(int32(uint32(v)))
}

// hasProperties reports whether the storage has a property stream at all.
func (n node) hasProperties() bool {
	_, ok := n.f.streams[join(n.path, "__properties_version1.0")]
	return ok
}

// hasMAPI reports whether any stream of the root storage is a MAPI
// property; other compound files (Word, Excel) have none.
func (f *cfb) hasMAPI() bool {
	for k := range f.streams {
		if !strings.Contains(k, "/") && strings.HasPrefix(k, "__substg1.0_") {
			return true
		}
	}
	return false
}
