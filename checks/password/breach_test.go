package password

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"strings"
	"sync"
	"testing"
	"time"
)

// rangeServer speaks the Pwned Passwords range protocol on 127.0.0.1 and
// keeps every request it received, raw.
type rangeServer struct {
	*httptest.Server
	mu       sync.Mutex
	requests []string
	known    map[string]int // full upper-case SHA-1 → count
}

func newRangeServer(t *testing.T, known map[string]int) *rangeServer {
	s := &rangeServer{known: known}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		dump, _ := httputil.DumpRequest(r, true)
		s.mu.Lock()
		s.requests = append(s.requests, string(dump))
		s.mu.Unlock()
		prefix, ok := strings.CutPrefix(r.URL.Path, "/range/")
		if !ok || len(prefix) != 5 {
			http.Error(w, "bad prefix", http.StatusBadRequest)
			return
		}
		fmt.Fprintf(w, "0018A45C4D1DEF81644B54AB7F969B88D65:0\r\n") // padding line
		for h, n := range s.known {
			if strings.HasPrefix(h, prefix) {
				fmt.Fprintf(w, "%s:%d\r\n", h[5:], n)
			}
		}
		fmt.Fprintf(w, "00D4F6E8FA6EECAD2A3AA415EEC418D38EC:2\r\n")
	}))
	t.Cleanup(s.Close)
	return s
}

func sha1Hex(s string) string {
	sum := sha1.Sum([]byte(s))
	return strings.ToUpper(hex.EncodeToString(sum[:]))
}

func TestBreachCount(t *testing.T) {
	const pw = "motdepasse"
	srv := newRangeServer(t, map[string]int{sha1Hex(pw): 123456})
	c := BreachChecker{BaseURL: srv.URL}
	n, err := c.Count(context.Background(), pw)
	if err != nil || n != 123456 {
		t.Fatalf("Count(leaked) = %d, %v; want 123456", n, err)
	}
	n, err = c.Count(context.Background(), "vR7#kq2!Lm9@xT4$wZ")
	if err != nil || n != 0 {
		t.Fatalf("Count(unknown) = %d, %v; want 0", n, err)
	}
	// only the 5-character prefix left the machine
	full := sha1Hex(pw)
	for _, req := range srv.requests {
		if strings.Contains(req, pw) || strings.Contains(strings.ToUpper(req), full[5:]) {
			t.Errorf("request leaks the password or its hash:\n%s", req)
		}
		if !strings.Contains(req, "Add-Padding: true") {
			t.Errorf("request without padding header:\n%s", req)
		}
	}
	if !strings.Contains(srv.requests[0], "GET /range/"+full[:5]+" ") {
		t.Errorf("first request = %q, want GET /range/%s", srv.requests[0], full[:5])
	}
}

func TestBreachFailures(t *testing.T) {
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	}))
	defer slow.Close()
	broken := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "oops", http.StatusInternalServerError)
	}))
	defer broken.Close()
	garbage := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<html>captive portal</html>")
	}))
	defer garbage.Close()
	closed := httptest.NewServer(http.NotFoundHandler())
	closedURL := closed.URL
	closed.Close()

	cases := []struct {
		name string
		c    BreachChecker
		want error
	}{
		{"time-out", BreachChecker{BaseURL: slow.URL, Timeout: 100 * time.Millisecond}, ErrTimeout},
		{"server error", BreachChecker{BaseURL: broken.URL}, ErrBadResponse},
		{"not the protocol", BreachChecker{BaseURL: garbage.URL}, ErrBadResponse},
		{"offline", BreachChecker{BaseURL: closedURL}, ErrOffline},
	}
	const pw = "secret-du-cabinet"
	for _, c := range cases {
		_, err := c.c.Count(context.Background(), pw)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
		if err != nil && (strings.Contains(err.Error(), pw) || strings.Contains(err.Error(), sha1Hex(pw)[:5])) {
			t.Errorf("%s: error %q reveals the password or its hash", c.name, err)
		}
	}
}

var suffixCases = []struct {
	body string
	want int
	err  bool
}{
	{"ABC:3\nDEF:0\n", 3, false},
	{"abc:7", 7, false},
	{"XYZ:1\n", 0, false},
	{"", 0, true},
	{"ABC", 0, true},
	{"ABC:-1", 0, true},
	{"ABC:many", 0, true},
}

func TestFindSuffix(t *testing.T) {
	for _, c := range suffixCases {
		got, err := findSuffix(strings.NewReader(c.body), "ABC")
		if got != c.want || (err != nil) != c.err {
			t.Errorf("findSuffix(%q) = %d, %v; want %d, error %v", c.body, got, err, c.want, c.err)
		}
	}
}
