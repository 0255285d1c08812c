package mailbox

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/mail"
	"slices"
	"strings"
	"time"
)

// Discovery is what an address tells about its mailbox: the server, how
// to log in, and where Hygie learnt it.
type Discovery struct {
	// Preset is the matching preset; its ID is empty when only the
	// domain's autoconfig document was found.
	Preset   Preset
	Host     string
	Port     int
	Security Security
	// Username is what to log in as (usually the address itself).
	Username string
	Auth     AuthKind
	Provider string
	// Source is "preset" (the address's domain), "mx" (the domain's mail
	// exchanger) or "autoconfig" (the domain's published settings).
	Source string
}

// Account is the account to save for the discovered settings.
func (d Discovery) Account(name string) Account {
	a := Account{Name: name, Host: d.Host, Port: d.Port, Security: d.Security, Username: d.Username,
		Preset: d.Preset.ID}
	if d.Auth == AuthOAuth2 {
		a.Auth, a.Provider = AuthOAuth2, d.Provider
	}
	return a
}

var (
	// ErrBadAddress: what was typed is not an e-mail address.
	ErrBadAddress = errors.New("mailbox: not an e-mail address")
	// ErrNotDiscovered: nothing says which server serves this address;
	// the user types the settings.
	ErrNotDiscovered = errors.New("mailbox: no known settings for this address")
	// ErrDiscoveryFailed: the domain's DNS could not be asked (no
	// network, time-out); the user can type the settings or retry.
	ErrDiscoveryFailed = errors.New("mailbox: the address's domain could not be looked up")
)

// MXResolver looks up mail exchangers; *net.Resolver is one.
type MXResolver interface {
	LookupMX(ctx context.Context, name string) ([]*net.MX, error)
}

// Discoverer finds the settings of an address. The zero value uses the
// user's resolver and a plain HTTPS client; tests put a DNS stub and a
// local server in.
type Discoverer struct {
	// Resolver asks the domain's MX records; nil means net.DefaultResolver.
	Resolver MXResolver
	// HTTP fetches the autoconfig document; nil means http.DefaultClient's
	// transport. Redirects are followed only within the domain.
	HTTP *http.Client
	// Timeout bounds each DNS question and each download; default 8 s.
	Timeout time.Duration
}

// maxAutoconfig bounds an autoconfig document: real ones are 2–10 KB.
const maxAutoconfig = 64 << 10

// Discover picks the provider from the address: first the bundled presets
// by domain (…@orange.fr, …@gmail.com, …@hotmail.fr), then for a custom
// domain its MX records (Microsoft 365, Google Workspace, OVHcloud), then
// the autoconfig document published on the domain's own hosts. Only the
// domain's DNS and its own web servers are asked.
func (d *Discoverer) Discover(ctx context.Context, address string) (Discovery, error) {
	addr, domain, err := splitAddress(address)
	if err != nil {
		return Discovery{}, err
	}
	if p, ok := presetForDomain(domain); ok {
		return presetDiscovery(p, addr, "preset"), nil
	}
	p, mxErr := d.byMX(ctx, domain)
	if mxErr == nil {
		return presetDiscovery(p, addr, "mx"), nil
	}
	if found, err := d.autoconfig(ctx, addr, domain); err == nil {
		return found, nil
	}
	if errors.Is(mxErr, ErrDiscoveryFailed) {
		return Discovery{}, mxErr
	}
	return Discovery{}, fmt.Errorf("discover %s: %w", domain, ErrNotDiscovered)
}

func splitAddress(address string) (addr, domain string, err error) {
	a, err := mail.ParseAddress(strings.TrimSpace(address))
	if err != nil || a.Name != "" {
		return "", "", fmt.Errorf("%q: %w", address, ErrBadAddress)
	}
	at := strings.LastIndexByte(a.Address, '@')
	domain = strings.ToLower(strings.TrimSuffix(a.Address[at+1:], "."))
	if at <= 0 || !strings.Contains(domain, ".") || strings.ContainsAny(domain, "/[]:") {
		return "", "", fmt.Errorf("%q: %w", address, ErrBadAddress)
	}
	return a.Address, domain, nil
}

func presetForDomain(domain string) (Preset, bool) {
	for _, p := range presets() {
		if slices.Contains(p.Domains, domain) {
			return p, true
		}
	}
	return Preset{}, false
}

func presetDiscovery(p Preset, addr, source string) Discovery {
	return Discovery{Preset: p, Host: p.Host, Port: p.Port, Security: p.Security, Username: addr,
		Auth: p.Auth, Provider: p.Provider, Source: source}
}

// byMX matches the domain's mail exchangers with the presets' MX suffixes.
func (d *Discoverer) byMX(ctx context.Context, domain string) (Preset, error) {
	r := d.Resolver
	if r == nil {
		r = net.DefaultResolver
	}
	ctx, cancel := context.WithTimeout(ctx, d.timeout())
	defer cancel()
	mxs, err := r.LookupMX(ctx, domain)
	var dnsErr *net.DNSError
	switch {
	case errors.As(err, &dnsErr) && dnsErr.IsNotFound:
		return Preset{}, fmt.Errorf("MX of %s: %w", domain, ErrNotDiscovered)
	case err != nil && len(mxs) == 0:
		return Preset{}, fmt.Errorf("MX of %s: %w: %v", domain, ErrDiscoveryFailed, err)
	}
	for _, mx := range mxs {
		if p, ok := presetForMX(mx.Host); ok {
			return p, nil
		}
	}
	return Preset{}, fmt.Errorf("MX of %s: %w", domain, ErrNotDiscovered)
}

func presetForMX(host string) (Preset, bool) {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	for _, p := range presets() {
		for _, suffix := range p.MX {
			if host == suffix || strings.HasSuffix(host, "."+suffix) {
				return p, true
			}
		}
	}
	return Preset{}, false
}

// autoconfig fetches the Thunderbird autoconfig document from the
// domain's own hosts, over HTTPS only (the settings decide where the
// password goes).
func (d *Discoverer) autoconfig(ctx context.Context, addr, domain string) (Discovery, error) {
	var last error
	for _, u := range []string{
		"https://autoconfig." + domain + "/mail/config-v1.1.xml",
		"https://" + domain + "/.well-known/autoconfig/mail/config-v1.1.xml",
	} {
		data, err := d.fetch(ctx, u, domain)
		if err != nil {
			last = err
			continue
		}
		found, err := ParseAutoconfig(data, addr)
		if err == nil {
			return found, nil
		}
		last = err
	}
	return Discovery{}, last
}

func (d *Discoverer) fetch(ctx context.Context, u, domain string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, d.timeout())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	resp, err := d.client(domain).Do(req)
	if err != nil {
		return nil, fmt.Errorf("autoconfig of %s: %w", domain, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("autoconfig of %s: %s", domain, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxAutoconfig+1))
	if err != nil {
		return nil, fmt.Errorf("autoconfig of %s: %w", domain, err)
	}
	if len(data) > maxAutoconfig {
		return nil, fmt.Errorf("autoconfig of %s: over %d bytes", domain, maxAutoconfig)
	}
	return data, nil
}

// client is d.HTTP with a redirect rule: HTTPS, and only to the domain
// or its subdomains.
func (d *Discoverer) client(domain string) *http.Client {
	c := http.Client{}
	if d.HTTP != nil {
		c = *d.HTTP
	}
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		h := strings.ToLower(req.URL.Hostname())
		if len(via) > 3 || req.URL.Scheme != "https" || h != domain && !strings.HasSuffix(h, "."+domain) {
			return fmt.Errorf("redirect to %s refused: not the domain's own host", req.URL.Host)
		}
		return nil
	}
	return &c
}

func (d *Discoverer) timeout() time.Duration {
	if d.Timeout <= 0 {
		return 8 * time.Second
	}
	return d.Timeout
}
