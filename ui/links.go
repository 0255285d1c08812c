package ui

import (
	"errors"
	"net/url"
)

var errNotHTTPS = errors.New("only https links are opened")

// parseURL parses an address shown as a link; only https opens, so a link
// can never start a program or a plain-text connection.
func parseURL(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil {
		return nil, err
	}
	if u.Scheme != "https" {
		return nil, errNotHTTPS
	}
	return u, nil
}
