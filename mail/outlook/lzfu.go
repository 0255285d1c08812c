package outlook

import (
	"encoding/binary"
	"errors"
)

// lzfuPrebuf is the dictionary's initial content, from [MS-OXRTFCP] 2.1.3.1.
const lzfuPrebuf = "{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman " +
	"\\fswiss \\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier" +
	"{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx"

// maxRTFBytes caps the decompressed RTF: more is not needed to judge it.
const maxRTFBytes = 16 << 20

var errRTF = errors.New("outlook: compressed RTF is damaged")

// Signatures of the compressed RTF header.
const (
	rtfCompressed   = 0x75465A4C // "LZFu"
	rtfUncompressed = 0x414C454D // "MELA"
)

// decompressRTF reads PR_RTF_COMPRESSED ([MS-OXRTFCP]): a 16-byte header
// then LZ77 runs of one control byte and eight literal bytes or 2-byte
// references into a 4096-byte ring dictionary.
func decompressRTF(b []byte) ([]byte, error) {
	if len(b) < 16 {
		return nil, errRTF
	}
	rawSize := int(binary.LittleEndian.Uint32(b[4:]))
	kind := binary.LittleEndian.Uint32(b[8:])
	data := b[16:]
	if kind == rtfUncompressed {
		return data[:min(len(data), rawSize, maxRTFBytes)], nil
	}
	if kind != rtfCompressed {
		return nil, errRTF
	}
	limit := min(max(rawSize, 0), maxRTFBytes)
	var dict [4096]byte
	copy(dict[:], lzfuPrebuf)
	w := len(lzfuPrebuf)
	out := make([]byte, 0, min(limit, 1<<20))
	for i := 0; i < len(data) && len(out) < limit; {
		ctrl := data[i]
		i++
		for bit := 0; bit < 8 && i < len(data) && len(out) < limit; bit++ {
			if ctrl&(1<<bit) == 0 {
				dict[w] = data[i]
				w = (w + 1) % len(dict)
				out = append(out, data[i])
				i++
				continue
			}
			if i+1 >= len(data) {
				return out, nil
			}
			ref := int(data[i])<<8 | int(data[i+1])
			i += 2
			off, n := ref>>4, ref&0xF+2
			if off == w { // the end marker
				return out, nil
			}
			for k := 0; k < n; k++ {
				c := dict[(off+k)%len(dict)]
				dict[w] = c
				w = (w + 1) % len(dict)
				out = append(out, c)
			}
		}
	}
	return out, nil
}
