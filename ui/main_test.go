package ui

import (
	"bytes"
	"log"
	"os"
	"strings"
	"sync"
	"testing"
)

// threadLog collects everything Fyne logs during the tests, so TestMain can
// fail the run when Fyne's thread checks report a widget touched off the UI
// goroutine ("Error in Fyne call thread").
type threadLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *threadLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	os.Stderr.Write(p)
	return l.buf.Write(p)
}

func TestMain(m *testing.M) {
	tl := &threadLog{}
	log.SetOutput(tl)
	code := m.Run()
	if strings.Contains(tl.buf.String(), "Error in Fyne call thread") {
		os.Stderr.WriteString("FAIL: Fyne reported a widget change outside fyne.Do (see log above)\n")
		code = 1
	}
	os.Exit(code)
}
