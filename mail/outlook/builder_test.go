package outlook_test

import (
	"encoding/binary"
	"fmt"
	"unicode/utf16"
)

// MAPI property ids and types the built files use ([MS-OXPROPS]).
const (
	prMessageClass       = 0x001A
	prSubject            = 0x0037
	prTransportHeaders   = 0x007D
	prSenderName         = 0x0C1A
	prSenderAddrType     = 0x0C1E
	prSenderEmail        = 0x0C1F
	prRecipientType      = 0x0C15
	prBody               = 0x1000
	prRTFCompressed      = 0x1009
	prDisplayName        = 0x3001
	prEmailAddress       = 0x3003
	prAttachData         = 0x3701
	prAttachMethod       = 0x3705
	prAttachLongFilename = 0x3707
	prSMTPAddress        = 0x39FE
	prMessageCodepage    = 0x3FFD
	ptLong               = 0x0003
	attachEmbedded       = 5
)

// msgBuilder writes the MAPI property streams of one storage (the message,
// a recipient, an attachment, an embedded message) for writeCFB.
type msgBuilder struct {
	streams map[string][]byte
	prefix  string
	header  int
	fixed   []byte
}

func newMsg(class string) *msgBuilder {
	b := &msgBuilder{streams: map[string][]byte{}, header: 32}
	return b.str(prMessageClass, class)
}

func (b *msgBuilder) put(name string, data []byte) *msgBuilder {
	b.streams[b.prefix+name] = data
	b.streams[b.prefix+"__properties_version1.0"] = append(make([]byte, b.header), b.fixed...)
	return b
}

func (b *msgBuilder) str(id uint16, s string) *msgBuilder {
	u := utf16.Encode([]rune(s))
	raw := make([]byte, 2*len(u))
	for i, c := range u {
		binary.LittleEndian.PutUint16(raw[2*i:], c)
	}
	return b.put(fmt.Sprintf("__substg1.0_%04X001F", id), raw)
}

func (b *msgBuilder) str8(id uint16, raw []byte) *msgBuilder {
	return b.put(fmt.Sprintf("__substg1.0_%04X001E", id), raw)
}

func (b *msgBuilder) bin(id uint16, raw []byte) *msgBuilder {
	return b.put(fmt.Sprintf("__substg1.0_%04X0102", id), raw)
}

func (b *msgBuilder) long(id uint16, v int) *msgBuilder {
	e := make([]byte, 16)
	binary.LittleEndian.PutUint32(e, uint32(id)<<16|ptLong)
	binary.LittleEndian.PutUint32(e[8:], uint32(v))
	b.fixed = append(b.fixed, e...)
	return b.put("__properties_version1.0", append(make([]byte, b.header), b.fixed...))
}

// sub returns a builder for the child storage name, header bytes long.
func (b *msgBuilder) sub(name string, header int) *msgBuilder {
	c := &msgBuilder{streams: b.streams, prefix: b.prefix + name + "/", header: header}
	return c.put("__properties_version1.0", make([]byte, header))
}

func (b *msgBuilder) bytes() []byte { return writeCFB(b.streams) }
