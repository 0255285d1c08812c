package mail

import (
	"encoding/base64"
	"net/url"
	"strings"
)

// Redirector is a site whose links forward to an address written in the
// link itself (data/domains.json "redirectors"): a search engine's or a
// social network's exit link, or the link rewriting of the reader's own
// mail protection (Microsoft Safe Links, Proofpoint).
type Redirector struct {
	// Host is the redirector's host, or a parent domain of it.
	Host string `json:"host"`
	// Paths are the path prefixes that redirect ("/url"); empty is any.
	Paths []string `json:"paths"`
	// Params are the query parameters holding the target, in order.
	Params []string `json:"params"`
	// Encoding is "" (plain URL), "bing" ("a1" then base64url) or
	// "urldefense-v3" (the target between "__" and "__;").
	Encoding string `json:"encoding"`
	// Protection marks the reader's own mail protection: its rewriting is
	// undone silently, since it says nothing of the sender.
	Protection bool `json:"protection"`
}

// maxRedirects bounds how many wrappers are undone (Safe Links around a
// Google exit link around the target).
const maxRedirects = 3

// unwrapRedirect returns the link a redirector forwards to, with the host
// of the outermost redirector that is not the reader's protection (""
// when only protection wrapped it), or ok false when l is no redirect.
func unwrapRedirect(l Link) (Link, string, bool) {
	via, moved := "", false
	for range maxRedirects {
		r := redirectorOf(l.Host)
		if r == nil {
			break
		}
		target := r.target(l.URL)
		if target == "" {
			break
		}
		next, ok := plainLink(target, l.Text)
		if !ok {
			break
		}
		if !r.Protection && via == "" {
			via = l.Host
		}
		next.Form, next.Hidden = l.Form, l.Hidden
		l, moved = next, true
	}
	return l, via, moved
}

// redirectorOf returns the redirector serving host, or nil.
func redirectorOf(host string) *Redirector {
	r, _ := lookupHost(host, domains().redirectors)
	return r
}

// target extracts the address the redirector forwards to, or "".
func (r *Redirector) target(raw string) string {
	if r.Encoding == "urldefense-v3" {
		_, rest, ok := strings.Cut(raw, "/v3/__")
		if !ok {
			return ""
		}
		t, _, _ := strings.Cut(rest, "__;")
		return t
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	if len(r.Paths) > 0 && !hasAnyPrefix(u.Path, r.Paths) {
		return ""
	}
	q := u.Query()
	for _, p := range r.Params {
		v := q.Get(p)
		if v == "" {
			continue
		}
		if r.Encoding == "bing" {
			v = decodeBing(v)
		}
		if low := strings.ToLower(v); strings.HasPrefix(low, "http://") || strings.HasPrefix(low, "https://") {
			return v
		}
	}
	return ""
}

// decodeBing reads Bing's exit links: "a1" then the URL in base64url.
func decodeBing(v string) string {
	enc, ok := strings.CutPrefix(v, "a1")
	if !ok {
		return ""
	}
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(enc, "="))
	if err != nil {
		return ""
	}
	return string(b)
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
