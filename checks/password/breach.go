package password

import (
	"bufio"
	"context"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// DefaultBreachURL is the Have I Been Pwned "Pwned Passwords" range API.
const DefaultBreachURL = "https://api.pwnedpasswords.com"

// Errors the user interface explains; none of them holds the password or
// its hash.
var (
	ErrOffline     = errors.New("breach check: service unreachable")
	ErrTimeout     = errors.New("breach check: no answer in time")
	ErrBadResponse = errors.New("breach check: unexpected answer")
)

// BreachChecker asks the range API how often a password appears in known
// breaches. Only the first 5 hexadecimal characters of the password's
// SHA-1 are sent (k-anonymity); the match is done on this machine.
type BreachChecker struct {
	BaseURL string        // DefaultBreachURL when empty; tests point it at a local server
	Timeout time.Duration // 8 seconds when zero
	Client  *http.Client  // http.DefaultClient's transport when nil
}

// maxBody bounds the answer read: a real one is about 40 kB (1,000 lines).
const maxBody = 4 << 20

// Count returns how many times pw appears in the breaches the service
// knows, 0 when none.
func (b BreachChecker) Count(ctx context.Context, pw string) (int, error) {
	sum := sha1.Sum([]byte(pw))
	digest := strings.ToUpper(hex.EncodeToString(sum[:]))
	prefix, suffix := digest[:5], digest[5:]
	body, err := b.fetch(ctx, prefix)
	if err != nil {
		return 0, err
	}
	defer body.Close()
	return findSuffix(io.LimitReader(body, maxBody), suffix)
}

func (b BreachChecker) fetch(ctx context.Context, prefix string) (io.ReadCloser, error) {
	timeout := b.Timeout
	if timeout == 0 {
		timeout = 8 * time.Second
	}
	client := b.Client
	if client == nil {
		client = &http.Client{}
	}
	c := *client
	c.Timeout = timeout
	base := strings.TrimRight(b.BaseURL, "/")
	if base == "" {
		base = DefaultBreachURL
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/range/"+prefix, nil)
	if err != nil {
		return nil, fmt.Errorf("build breach request: %w", ErrBadResponse)
	}
	req.Header.Set("Add-Padding", "true") // every answer about the same size
	req.Header.Set("User-Agent", "Hygie")
	resp, err := c.Do(req)
	if err != nil {
		return nil, netError(err)
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("status %d: %w", resp.StatusCode, ErrBadResponse)
	}
	return resp.Body, nil
}

// netError keeps the cause (timeout or unreachable) and drops the rest:
// a *url.Error quotes the URL, which holds the hash prefix.
func netError(err error) error {
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		return ErrTimeout
	}
	if errors.Is(err, context.Canceled) {
		return context.Canceled
	}
	return ErrOffline
}

// findSuffix reads "SUFFIX:COUNT" lines and returns the count for suffix;
// padding lines have a count of 0.
func findSuffix(r io.Reader, suffix string) (int, error) {
	sc := bufio.NewScanner(r)
	lines := 0
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		lines++
		s, n, ok := strings.Cut(line, ":")
		if !ok {
			return 0, fmt.Errorf("line %d has no count: %w", lines, ErrBadResponse)
		}
		if strings.EqualFold(s, suffix) {
			count, err := strconv.Atoi(strings.TrimSpace(n))
			if err != nil || count < 0 {
				return 0, fmt.Errorf("line %d count: %w", lines, ErrBadResponse)
			}
			return count, nil
		}
	}
	if err := sc.Err(); err != nil {
		return 0, fmt.Errorf("read answer: %w", netError(err))
	}
	if lines == 0 {
		return 0, fmt.Errorf("empty answer: %w", ErrBadResponse)
	}
	return 0, nil
}
