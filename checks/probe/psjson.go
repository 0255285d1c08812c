package probe

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// flex is a JSON scalar that PowerShell may give as a string, a number, a
// boolean or null depending on the property's type and the PowerShell
// version; we keep its text.
type flex string

// UnmarshalJSON implements json.Unmarshaler.
func (f *flex) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		*f = ""
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flex(s)
	case len(b) > 0 && (b[0] == '{' || b[0] == '['):
		return fmt.Errorf("flex: want a scalar, got %.20s", b)
	default:
		*f = flex(b)
	}
	return nil
}

// boolean reads True/False as PowerShell prints them, or 1/0.
func (f flex) boolean() (v, ok bool) {
	switch strings.ToLower(strings.TrimSpace(string(f))) {
	case "true", "1", "on", "yes":
		return true, true
	case "false", "0", "off", "no":
		return false, true
	}
	return false, false
}

func (f flex) integer() (int64, bool) {
	n, err := strconv.ParseInt(strings.TrimSpace(string(f)), 10, 64)
	return n, err == nil
}

func (f flex) String() string { return strings.TrimSpace(string(f)) }

// many is a list that ConvertTo-Json prints as a bare object when it
// holds one item and as null when it is empty.
type many[T any] []T

// UnmarshalJSON implements json.Unmarshaler.
func (m *many[T]) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		*m = nil
		return nil
	case len(b) > 0 && b[0] == '[':
		var list []T
		err := json.Unmarshal(b, &list)
		*m = list
		return err
	default:
		var one T
		err := json.Unmarshal(b, &one)
		*m = many[T]{one}
		return err
	}
}

var errNoJSON = errors.New("no JSON in output")

// decodePS reads the JSON a PowerShell script printed on one line
// (ConvertTo-Json -Compress), tolerating a byte order mark and any warning
// lines PowerShell prints around it.
func decodePS(out string, v any) error {
	for _, line := range strings.Split(out, "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "\ufeff"))
		if !strings.HasPrefix(line, "{") && !strings.HasPrefix(line, "[") {
			continue
		}
		if err := json.Unmarshal([]byte(line), v); err != nil {
			return fmt.Errorf("decode PowerShell JSON: %w", err)
		}
		return nil
	}
	return errNoJSON
}
