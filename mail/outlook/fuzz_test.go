package outlook_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"hygie/mail/outlook"
)

// FuzzConvert feeds damaged compound files to the reader. The seeds are
// files built by the tests and, when the shared folder is there, the
// smallest samples cut at a few lengths.
func FuzzConvert(f *testing.F) {
	f.Add(newMsg("IPM.Note").str(prSubject, "x").str(prBody, "y").bytes())
	f.Add(newMsg("IPM.Contact").bytes())
	f.Add([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	for _, name := range []string{"test1.msg", "A_memo.msg"} {
		data, err := os.ReadFile(filepath.Join(sampleDir, name))
		if err != nil {
			continue
		}
		for _, n := range []int{len(data), len(data) / 2, 4096} {
			f.Add(data[:min(n, len(data))])
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _, err := outlook.Convert(data)
		if err != nil && !errors.Is(err, outlook.ErrCorrupt) && !errors.Is(err, outlook.ErrNotMessage) && !errors.Is(err, outlook.ErrNotOutlook) {
			t.Errorf("Convert = %v, want a package sentinel", err)
		}
	})
}
