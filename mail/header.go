package mail

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// errHeaderTooLarge is returned when the header block exceeds maxHeaderBytes.
var errHeaderTooLarge = errors.New("header block too large")

// readHeaderBlock reads the top-level header block up to and including the
// blank line that ends it, and returns it cleaned: an mbox "From " line and
// lines that are neither "Key: value" nor a continuation are dropped, because
// go-message stops at the first malformed line and real spam has many. The
// number of dropped lines is returned so the caller can record it.
func readHeaderBlock(br *bufio.Reader) ([]byte, int, error) {
	var out bytes.Buffer
	dropped, first := 0, true
	for {
		line, err := readLine(br, maxHeaderBytes-out.Len())
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, dropped, err
		}
		trimmed := bytes.TrimRight(line, "\r\n")
		switch {
		case len(trimmed) == 0 && len(line) > 0:
			out.WriteString("\r\n")
			return out.Bytes(), dropped, nil
		case len(trimmed) == 0:
		case first && bytes.HasPrefix(trimmed, []byte("From ")):
		case isContinuation(trimmed):
			if out.Len() == 0 {
				dropped++
				break
			}
			out.Write(trimmed)
			out.WriteString("\r\n")
		case isHeaderLine(trimmed):
			out.Write(trimmed)
			out.WriteString("\r\n")
		default:
			dropped++
		}
		first = false
		if err != nil { // EOF without a blank line: the message is all header.
			out.WriteString("\r\n")
			return out.Bytes(), dropped, nil
		}
	}
}

// readLine reads one line of at most limit bytes.
func readLine(br *bufio.Reader, limit int) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(line)+len(chunk) > limit {
			return nil, errHeaderTooLarge
		}
		line = append(line, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && len(line) == 0 {
			return nil, err
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("read header: %w", err)
		}
		return line, err
	}
}

func isContinuation(line []byte) bool {
	return line[0] == ' ' || line[0] == '\t'
}

// isHeaderLine reports whether line starts with a valid field name and ':'.
func isHeaderLine(line []byte) bool {
	i := bytes.IndexByte(line, ':')
	if i <= 0 {
		return false
	}
	for _, c := range bytes.TrimRight(line[:i], " \t") {
		if c <= ' ' || c >= 127 {
			return false
		}
	}
	return true
}
