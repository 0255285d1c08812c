package outlook

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzConvert feeds damaged compound files to the reader. The seeds are
// files built by the tests and, when the shared folder is there, the
// smallest samples cut at a few lengths.
func FuzzConvert(f *testing.F) {
	f.Add(newMsg("IPM.Note").str(prSubject, "x").str(prBody, "y").bytes())
	f.Add(newMsg("IPM.Contact").bytes())
	f.Add(magic)
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
		_, _, err := Convert(data)
		if err != nil && !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrNotMessage) {
			t.Errorf("Convert = %v, want a package sentinel", err)
		}
	})
}
