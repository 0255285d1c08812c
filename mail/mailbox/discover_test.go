package mailbox

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"hygie/mail/mailbox/mailboxtest"
)

const autoconfigCabinet = `<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="cabinet-kine.fr">
    <domain>cabinet-kine.fr</domain>
    <incomingServer type="pop3">
      <hostname>pop.cabinet-kine.fr</hostname><port>995</port><socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication>
    </incomingServer>
    <incomingServer type="imap">
      <hostname>imap.cabinet-kine.fr</hostname><port>143</port><socketType>plain</socketType>
      <username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication>
    </incomingServer>
    <incomingServer type="imap">
      <hostname>IMAP.cabinet-kine.fr</hostname><port>993</port><socketType>SSL</socketType>
      <username>%EMAILLOCALPART%</username><authentication>password-cleartext</authentication>
    </incomingServer>
  </emailProvider>
</clientConfig>`

const autoconfigOffice = `<clientConfig version="1.1"><emailProvider id="x">
  <incomingServer type="imap"><hostname>outlook.office365.com</hostname><port>993</port>
  <socketType>SSL</socketType><username>%EMAILADDRESS%</username>
  <authentication>OAuth2</authentication><authentication>password-cleartext</authentication>
  </incomingServer></emailProvider></clientConfig>`

// autoconfigCases are ParseAutoconfig's table and the fuzz seeds.
var autoconfigCases = []struct {
	name, doc string
	want      Discovery
	err       error
}{
	{"plain skipped, local part", autoconfigCabinet,
		Discovery{Host: "imap.cabinet-kine.fr", Port: 993, Security: TLS, Username: "dr.martin", Auth: AuthPassword, Source: "autoconfig"}, nil},
	{"Microsoft 365 with OAuth2", autoconfigOffice,
		Discovery{Host: "outlook.office365.com", Port: 993, Security: TLS, Username: "dr.martin@cabinet-kine.fr", Auth: AuthOAuth2, Provider: "microsoft", Source: "autoconfig"}, nil},
	{"STARTTLS default port", `<clientConfig><emailProvider><incomingServer type="imap"><hostname>mail.x.fr</hostname><socketType>STARTTLS</socketType><username>u</username></incomingServer></emailProvider></clientConfig>`,
		Discovery{Host: "mail.x.fr", Port: 143, Security: StartTLS, Username: "u", Auth: AuthPassword, Source: "autoconfig"}, nil},
	{"only plaintext", `<clientConfig><emailProvider><incomingServer type="imap"><hostname>h.fr</hostname><socketType>plain</socketType><username>u</username></incomingServer></emailProvider></clientConfig>`, Discovery{}, ErrBadAutoconfig},
	{"bad port", `<clientConfig><emailProvider><incomingServer type="imap"><hostname>h.fr</hostname><port>99999</port><socketType>SSL</socketType><username>u</username></incomingServer></emailProvider></clientConfig>`, Discovery{}, ErrBadAutoconfig},
	{"bad host", `<clientConfig><emailProvider><incomingServer type="imap"><hostname>h.fr/evil</hostname><socketType>SSL</socketType><username>u</username></incomingServer></emailProvider></clientConfig>`, Discovery{}, ErrBadAutoconfig},
	{"entity", `<!DOCTYPE x [<!ENTITY a "aaaa">]><clientConfig><emailProvider><incomingServer type="imap"><hostname>&a;.fr</hostname><socketType>SSL</socketType><username>u</username></incomingServer></emailProvider></clientConfig>`, Discovery{}, ErrBadAutoconfig},
	{"not XML", `{"imap": "x"}`, Discovery{}, ErrBadAutoconfig},
	{"other root", `<html><body>404</body></html>`, Discovery{}, ErrBadAutoconfig},
	{"empty", ``, Discovery{}, ErrBadAutoconfig},
}

func TestParseAutoconfig(t *testing.T) {
	for _, c := range autoconfigCases {
		got, err := ParseAutoconfig([]byte(c.doc), "dr.martin@cabinet-kine.fr")
		if !errors.Is(err, c.err) || c.err == nil && !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseAutoconfig(%s) = %+v, %v; want %+v, %v", c.name, got, err, c.want, c.err)
		}
	}
}

func FuzzParseAutoconfig(f *testing.F) {
	for _, c := range autoconfigCases {
		f.Add([]byte(c.doc), "dr.martin@cabinet-kine.fr")
	}
	f.Fuzz(func(t *testing.T, doc []byte, address string) {
		got, err := ParseAutoconfig(doc, address)
		if err != nil {
			return
		}
		if got.Security != TLS && got.Security != StartTLS {
			t.Errorf("ParseAutoconfig chose security %q", got.Security)
		}
		if verr := got.Account("x").Validate(); verr != nil {
			t.Errorf("ParseAutoconfig gave an invalid account: %v", verr)
		}
	})
}

// autoconfigServer serves documents over HTTPS on 127.0.0.1 as the hosts
// of cabinet-kine.fr; the client dials it whatever the name.
func autoconfigServer(t *testing.T, routes map[string]string) *http.Client {
	t.Helper()
	cert, err := mailboxtest.NewCertFor("cabinet-kine.fr", "autoconfig.cabinet-kine.fr", "ailleurs.fr")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := routes[r.Host+r.URL.Path]
		switch {
		case !ok:
			http.NotFound(w, r)
		case strings.HasPrefix(body, "redirect:"):
			http.Redirect(w, r, strings.TrimPrefix(body, "redirect:"), http.StatusFound)
		default:
			w.Write([]byte(body))
		}
	}))
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{cert.TLS}}
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // hosts outside the certificate are refused on purpose
	srv.StartTLS()
	t.Cleanup(srv.Close)
	addr := srv.Listener.Addr().String()
	return &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{RootCAs: cert.Pool()},
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, network, addr)
		},
	}}
}

const wellKnown = "/.well-known/autoconfig/mail/config-v1.1.xml"

func TestDiscover(t *testing.T) {
	dns := mailboxtest.MXResolver(t, map[string][]string{
		"cabinet-kine.fr":  {"mx1.cabinet-kine.fr"},
		"kine-m365.fr":     {"kine-m365-fr.mail.protection.outlook.com"},
		"osteo-gsuite.fr":  {"aspmx.l.google.com", "alt1.aspmx.l.google.com"},
		"kine-ovh.fr":      {"mx1.mail.ovh.net"},
		"nulle-part.fr":    {"mx.nulle-part.fr"},
		"silencieux.fr":    nil,
		"redirige.fr":      {"mx.redirige.fr"},
		"trop-gros.fr":     {"mx.trop-gros.fr"},
		"gmail.com":        {"must-not-be-asked"},
		"autre-domaine.fr": {"mx.autre-domaine.fr"},
	})
	client := autoconfigServer(t, map[string]string{
		"autoconfig.cabinet-kine.fr/mail/config-v1.1.xml": autoconfigCabinet,
		"redirige.fr" + wellKnown:                         "redirect:https://ailleurs.fr/config.xml",
		"ailleurs.fr/config.xml":                          autoconfigCabinet,
		"trop-gros.fr" + wellKnown:                        autoconfigCabinet + strings.Repeat(" ", maxAutoconfig),
	})
	d := &Discoverer{Resolver: dns, HTTP: client, Timeout: 2 * time.Second}
	cases := []struct {
		address, preset, host, source string
		auth                          AuthKind
		err                           error
	}{
		{"Dr.Martin@orange.fr", "orange", "imap.orange.fr", "preset", AuthPassword, nil},
		{"kine@gmail.com", "gmail", "imap.gmail.com", "preset", AuthOAuth2, nil},
		{"kine@hotmail.fr", "outlook", "outlook.office365.com", "preset", AuthOAuth2, nil},
		{"contact@kine-m365.fr", "outlook", "outlook.office365.com", "mx", AuthOAuth2, nil},
		{"contact@osteo-gsuite.fr", "gmail", "imap.gmail.com", "mx", AuthOAuth2, nil},
		{"contact@kine-ovh.fr", "ovh", "ssl0.ovh.net", "mx", AuthPassword, nil},
		{"dr.martin@cabinet-kine.fr", "", "imap.cabinet-kine.fr", "autoconfig", AuthPassword, nil},
		{"x@nulle-part.fr", "", "", "", "", ErrNotDiscovered},
		{"x@inconnu.fr", "", "", "", "", ErrNotDiscovered},
		{"x@redirige.fr", "", "", "", "", ErrNotDiscovered},
		{"x@trop-gros.fr", "", "", "", "", ErrNotDiscovered},
		{"x@silencieux.fr", "", "", "", "", ErrDiscoveryFailed},
		{"pas une adresse", "", "", "", "", ErrBadAddress},
		{"Dr Martin <x@orange.fr>", "", "", "", "", ErrBadAddress},
		{"x@localhost", "", "", "", "", ErrBadAddress},
	}
	for _, c := range cases {
		got, err := d.Discover(context.Background(), c.address)
		if !errors.Is(err, c.err) || got.Preset.ID != c.preset || got.Host != c.host || got.Source != c.source || got.Auth != c.auth {
			t.Errorf("Discover(%s) = %s %s %s %s, %v; want %s %s %s %s, %v", c.address, got.Preset.ID, got.Host, got.Source,
				got.Auth, err, c.preset, c.host, c.source, c.auth, c.err)
		}
		if err != nil {
			if _, ok := ExplainAuth(err, "fr"); !ok {
				t.Errorf("Discover(%s): no French sentence for %v", c.address, err)
			}
			continue
		}
		if a := got.Account("cabinet"); a.Validate() != nil || a.Username == "" {
			t.Errorf("Discover(%s) makes account %+v: %v", c.address, a, a.Validate())
		}
	}
}

func TestAuthMessages(t *testing.T) {
	for _, m := range AuthMessages {
		if !m.Text.Complete() {
			t.Errorf("message for %v is not bilingual", m.Err)
		}
		if got, ok := ExplainAuth(m.Err, "en"); !ok || got != m.Text.EN {
			t.Errorf("ExplainAuth(%v, en) = %q, %v", m.Err, got, ok)
		}
	}
	if _, ok := ExplainAuth(ErrTimeout, "fr"); ok {
		t.Error("ExplainAuth claims a connection error")
	}
}
