package mail

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestScratchParse(t *testing.T) {
	files, _ := filepath.Glob("/work/shared/corpus/*/*.eml")
	start := time.Now()
	nerr, nprob := 0, 0
	for _, f := range files {
		fh, _ := os.Open(f)
		m, err := Parse(fh)
		fh.Close()
		if err != nil {
			nerr++
			fmt.Println("ERR", f, err)
			continue
		}
		if len(m.Problems) > 0 {
			nprob++
			if os.Getenv("V") != "" {
				fmt.Println("PROB", filepath.Base(f), m.Problems)
			}
		}
	}
	fmt.Println(len(files), "files", nerr, "errors", nprob, "with problems", time.Since(start))
}
