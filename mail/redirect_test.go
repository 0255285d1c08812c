package mail

import (
	"encoding/base64"
	"strings"
	"testing"
)

func TestUnwrapRedirect(t *testing.T) {
	bing := "https://www.bing.com/ck/a?!&&p=4f2&u=a1" + base64.RawURLEncoding.EncodeToString([]byte("https://evil.example.com/login")) + "&ntb=1"
	tests := []struct {
		name, raw, wantURL, wantVia string
	}{
		{"google exit link", "https://www.google.com/url?q=https://secure-docview.example.ru/sign&sa=D", "https://secure-docview.example.ru/sign", "www.google.com"},
		{"bing, base64", bing, "https://evil.example.com/login", "www.bing.com"},
		{"safe links, silently", "https://eur03.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ameli.fr%2Factu&data=05%7C02", "https://www.ameli.fr/actu", ""},
		{"proofpoint v3, silently", "https://urldefense.com/v3/__https://www.chu-nantes.fr/agenda__;!!ABC!xyz$", "https://www.chu-nantes.fr/agenda", ""},
		{"safe links around google", "https://nam12.safelinks.protection.outlook.com/?url=" +
			"https%3A%2F%2Fwww.google.com%2Furl%3Fq%3Dhttps%3A%2F%2Fameli-remboursement.example.net%2F&data=1", "https://ameli-remboursement.example.net/", "www.google.com"},
		{"a search, not a redirect", "https://www.google.com/search?q=https://x.example/", "https://www.google.com/search?q=https://x.example/", ""},
		{"relative target", "https://www.google.com/url?q=/images", "https://www.google.com/url?q=/images", ""},
		{"bing without a1", "https://www.bing.com/ck/a?u=aHR0cHM6Ly94LmV4YW1wbGU", "https://www.bing.com/ck/a?u=aHR0cHM6Ly94LmV4YW1wbGU", ""},
	}
	for _, tt := range tests {
		l, ok := newLink(tt.raw, "Voir")
		if !ok {
			t.Fatalf("%s: newLink refused %q", tt.name, tt.raw)
		}
		if l.URL != tt.wantURL || l.Via != tt.wantVia || l.Text != "Voir" {
			t.Errorf("%s: newLink = %q via %q (text %q), want %q via %q", tt.name, l.URL, l.Via, l.Text, tt.wantURL, tt.wantVia)
		}
	}
	deep := "https://x.example/end"
	for range 10 {
		deep = "https://www.google.com/url?q=" + strings.NewReplacer("%", "%25", "&", "%26", "?", "%3F", "=", "%3D").Replace(deep)
	}
	if l, ok := newLink(deep, ""); !ok || l.Host != "www.google.com" {
		t.Errorf("ten nested exit links: host %q, want the unwrapping to stop at www.google.com after %d levels", l.Host, maxRedirects)
	}
}
