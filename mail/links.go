package mail

import (
	"net"
	"net/url"
	"strings"
)

// newLink builds a Link from a raw href or text URL. Only web links are
// kept: mailto:, tel:, anchors and relative references are not. A link
// through a redirector (data/domains.json) is the link it forwards to.
func newLink(raw, text string) (Link, bool) {
	l, ok := plainLink(raw, text)
	if !ok {
		return l, false
	}
	if target, via, ok := unwrapRedirect(l); ok {
		target.Via = via
		return target, true
	}
	return l, true
}

// plainLink makes a Link of an absolute web address, redirects left as
// they are.
func plainLink(raw, text string) (Link, bool) {
	raw = strings.TrimSpace(raw)
	if len(raw) > 4096 {
		raw = raw[:4096]
	}
	lower := strings.ToLower(raw)
	if strings.HasPrefix(lower, "www.") {
		raw, lower = "http://"+raw, "http://"+lower
	}
	if strings.HasPrefix(lower, "//") {
		raw = "http:" + raw
	} else if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		return Link{}, false
	}
	host := urlHost(raw)
	if host == "" {
		return Link{}, false
	}
	return Link{URL: raw, Text: text, Host: host}, true
}

// urlHost returns the lower-cased host of a URL, without port or final dot.
func urlHost(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return looseHost(raw)
	}
	h := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	if h == "" {
		return looseHost(raw)
	}
	return h
}

// looseHost extracts the host of a URL that net/url refuses (spaces,
// bad escapes), since phishing links are often sloppy on purpose.
func looseHost(raw string) string {
	_, rest, ok := strings.Cut(raw, "//")
	if !ok {
		return ""
	}
	end := strings.IndexAny(rest, "/?#\\ ")
	if end >= 0 {
		rest = rest[:end]
	}
	if i := strings.LastIndexByte(rest, '@'); i >= 0 {
		rest = rest[i+1:]
	}
	if h, _, err := net.SplitHostPort(rest); err == nil {
		rest = h
	}
	return strings.ToLower(strings.Trim(rest, ".[]"))
}

// urlUserinfo returns the user part of a URL such as
// https://ameli.fr@evil.example/, a trick that shows a trusted name first.
func urlUserinfo(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return ""
	}
	return u.User.Username()
}
