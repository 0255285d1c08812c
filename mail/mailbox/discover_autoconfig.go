package mailbox

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"hygie/mail/oauth"
)

// ErrBadAutoconfig: the domain's autoconfig document is unreadable or
// offers no usable IMAP server.
var ErrBadAutoconfig = errors.New("mailbox: unusable autoconfig document")

// autoconfigDoc is the part of Thunderbird's autoconfig format
// (config-v1.1.xml) Hygie reads: the incoming IMAP servers.
type autoconfigDoc struct {
	XMLName  xml.Name `xml:"clientConfig"`
	Provider struct {
		Incoming []struct {
			Type   string   `xml:"type,attr"`
			Host   string   `xml:"hostname"`
			Port   string   `xml:"port"`
			Socket string   `xml:"socketType"`
			User   string   `xml:"username"`
			Auth   []string `xml:"authentication"`
		} `xml:"incomingServer"`
	} `xml:"emailProvider"`
}

// oauthHosts are the IMAP servers Hygie can sign in to with OAuth2.
var oauthHosts = map[string]string{
	"outlook.office365.com": oauth.MicrosoftID,
	"imap.gmail.com":        oauth.GoogleID,
}

// ParseAutoconfig reads an autoconfig document for address: the first
// IMAP server over TLS or STARTTLS (an unencrypted one is never chosen),
// with %EMAILADDRESS%, %EMAILLOCALPART% and %EMAILDOMAIN% replaced.
func ParseAutoconfig(data []byte, address string) (Discovery, error) {
	var doc autoconfigDoc
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	dec.Entity = nil // no custom entities: nothing expands
	if err := dec.Decode(&doc); err != nil {
		return Discovery{}, fmt.Errorf("%w: %v", ErrBadAutoconfig, err)
	}
	local, domain, _ := strings.Cut(address, "@")
	repl := strings.NewReplacer("%EMAILADDRESS%", address, "%EMAILLOCALPART%", local, "%EMAILDOMAIN%", domain)
	for _, in := range doc.Provider.Incoming {
		sec, ok := map[string]Security{"SSL": TLS, "STARTTLS": StartTLS}[strings.ToUpper(strings.TrimSpace(in.Socket))]
		if !strings.EqualFold(in.Type, "imap") || !ok {
			continue
		}
		found := Discovery{Host: strings.ToLower(strings.TrimSpace(in.Host)), Security: sec,
			Username: strings.TrimSpace(repl.Replace(in.User)), Auth: AuthPassword, Source: "autoconfig"}
		if found.Port, ok = autoconfigPort(in.Port, sec); !ok || found.Username == "" {
			continue
		}
		if provider, ok := oauthHosts[found.Host]; ok && hasOAuth2(in.Auth) {
			found.Auth, found.Provider = AuthOAuth2, provider
		}
		if found.Account("autoconfig").Validate() == nil {
			return found, nil
		}
	}
	return Discovery{}, fmt.Errorf("%w: no IMAP server over TLS", ErrBadAutoconfig)
}

func autoconfigPort(s string, sec Security) (int, bool) {
	if strings.TrimSpace(s) == "" {
		return DefaultPort(sec), true
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	return n, err == nil && n > 0 && n <= 65535
}

func hasOAuth2(methods []string) bool {
	for _, m := range methods {
		if strings.EqualFold(strings.TrimSpace(m), "OAuth2") {
			return true
		}
	}
	return false
}
