package outlook

import (
	"bytes"
	"encoding/binary"
	"testing"
)

func TestDecompressRTF(t *testing.T) {
	if len(lzfuPrebuf) != 207 {
		t.Fatalf("prebuf is %d bytes, want 207", len(lzfuPrebuf))
	}
	// A reference to the dictionary's first 11 bytes, "{\rtf1\ansi", then
	// the end marker at offset 207+11.
	ref := []byte{0x03, 0x00, 0x09, 0x0D, 0xA0} // 218 = 0x0DA
	h := make([]byte, 16)
	binary.LittleEndian.PutUint32(h[4:], 11)
	binary.LittleEndian.PutUint32(h[8:], rtfCompressed)
	got, err := decompressRTF(append(h, ref...))
	if err != nil || string(got) != `{\rtf1\ansi` {
		t.Errorf("decompressRTF(reference) = %q, %v, want {\\rtf1\\ansi", got, err)
	}
	mela := append(bytes.Clone(h), "{\\rtf1 x}"...)
	binary.LittleEndian.PutUint32(mela[4:], 9)
	binary.LittleEndian.PutUint32(mela[8:], rtfUncompressed)
	if got, err := decompressRTF(mela); err != nil || string(got) != "{\\rtf1 x}" {
		t.Errorf("decompressRTF(MELA) = %q, %v", got, err)
	}
	for _, bad := range [][]byte{nil, h[:10], append(bytes.Clone(h[:8]), "XXXX...."...)} {
		if _, err := decompressRTF(bad); err == nil {
			t.Errorf("decompressRTF(%q) succeeded, want an error", bad)
		}
	}
}
