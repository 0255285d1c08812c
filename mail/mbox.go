package mail

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// Mbox splits an mbox file into messages as it streams, so a mailbox of any
// size is read with the memory of one line. Messages start with a "From "
// line at the start of the file or after a blank line; ">From " lines are
// unescaped (mboxrd).
type Mbox struct {
	br      *bufio.Reader
	cur     *mboxMessage
	started bool
	done    bool
}

// NewMbox returns a splitter reading r.
func NewMbox(r io.Reader) *Mbox {
	return &Mbox{br: bufio.NewReaderSize(r, 64<<10)}
}

// IsMbox reports whether head, the first bytes of a file, starts an mbox.
func IsMbox(head []byte) bool {
	return bytes.HasPrefix(head, []byte("From "))
}

// Next returns a reader for the next message, or io.EOF after the last.
// Whatever was left unread of the previous message is skipped.
func (m *Mbox) Next() (io.Reader, error) {
	if m.cur != nil {
		if _, err := io.Copy(io.Discard, m.cur); err != nil {
			return nil, err
		}
	}
	if !m.started {
		m.started = true
		if err := m.skipSeparator(); err != nil {
			return nil, err
		}
	}
	if m.done {
		return nil, io.EOF
	}
	m.cur = &mboxMessage{box: m}
	return m.cur, nil
}

// skipSeparator consumes the first "From " line of the file.
func (m *Mbox) skipSeparator() error {
	head, err := m.br.Peek(5)
	if err != nil && len(head) == 0 {
		m.done = true
		return nil
	}
	if !bytes.Equal(head, []byte("From ")) {
		return errors.New("mbox: file does not start with a From line")
	}
	_, err = m.br.ReadBytes('\n')
	if errors.Is(err, io.EOF) {
		m.done = true
		return nil
	}
	return err
}

// mboxMessage reads one message up to the next separator.
type mboxMessage struct {
	box   *Mbox
	buf   []byte // pending bytes of the current line
	blank bool   // the previous line was empty
	mid   bool   // inside a long line read in pieces
	eof   bool
}

func (r *mboxMessage) Read(p []byte) (int, error) {
	for len(r.buf) == 0 {
		if r.eof {
			return 0, io.EOF
		}
		if err := r.fill(); err != nil {
			return 0, err
		}
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

// fill reads the next line or line piece into buf, stopping at a separator.
func (r *mboxMessage) fill() error {
	line, err := r.box.br.ReadSlice('\n')
	if errors.Is(err, io.EOF) {
		r.eof, r.box.done = true, true
	} else if err != nil && !errors.Is(err, bufio.ErrBufferFull) {
		return err
	}
	atStart := !r.mid
	r.mid = errors.Is(err, bufio.ErrBufferFull)
	if atStart && r.blank && bytes.HasPrefix(line, []byte("From ")) {
		r.eof = true
		return r.skipRest(err)
	}
	if atStart && bytes.HasPrefix(bytes.TrimLeft(line, ">"), []byte("From ")) && line[0] == '>' {
		line = line[1:]
	}
	if atStart {
		r.blank = len(bytes.TrimRight(line, "\r\n")) == 0 && !r.mid
	}
	r.buf = append(r.buf[:0], line...)
	return nil
}

// skipRest consumes the remainder of a long separator line.
func (r *mboxMessage) skipRest(err error) error {
	for errors.Is(err, bufio.ErrBufferFull) {
		_, err = r.box.br.ReadSlice('\n')
	}
	if errors.Is(err, io.EOF) {
		r.box.done = true
	} else if err != nil && !errors.Is(err, bufio.ErrBufferFull) {
		return err
	}
	return nil
}
