package mail

import (
	"strings"
	"testing"
)

const authMsg = "Authentication-Results: mx.cabinet.fr; dmarc=fail header.from=ameli.fr; spf=fail smtp.mailfrom=evil.example\r\n" +
	"Authentication-Results: mx.evil.example; dmarc=pass header.from=ameli.fr; spf=pass smtp.mailfrom=ameli.fr\r\n" +
	"From: Assurance Maladie <info@ameli.fr>\r\nTo: moi@cabinet.fr\r\nSubject: info\r\n\r\nbonjour\r\n"

var authCases = []struct {
	name   string
	raw    string
	servID string
	must   string
	not    string
}{
	{"topmost header wins", authMsg, "", "auth_dmarc_fail_brand", "auth_pass"},
	{"configured authserv-id", authMsg, "mx.cabinet.fr", "auth_dmarc_fail_brand", "auth_pass"},
	{"forged authserv-id ignored", authMsg, "mx.other.fr", "", "auth_pass"},
	{"aligned dkim without dmarc", "Authentication-Results: mx.cabinet.fr; dkim=pass header.d=doctolib.fr\r\nFrom: <no-reply@doctolib.fr>\r\n\r\nx\r\n", "", "auth_pass", "auth_brand_unauthenticated"},
	{"unaligned dkim", "Authentication-Results: mx.cabinet.fr; dkim=pass header.d=mailer.example; spf=none\r\nFrom: <no-reply@doctolib.fr>\r\n\r\nx\r\n", "", "auth_brand_unauthenticated", "auth_pass"},
	{"spf fail ordinary", "Authentication-Results: mx.cabinet.fr; spf=fail smtp.mailfrom=shop.example\r\nFrom: <a@shop-exemple.fr>\r\n\r\nx\r\n", "", "auth_spf_fail", "auth_pass"},
	{"dmarc fail ordinary", "Authentication-Results: mx.cabinet.fr; dmarc=fail header.from=shop-exemple.fr\r\nFrom: <a@shop-exemple.fr>\r\n\r\nx\r\n", "", "auth_dmarc_fail", "auth_dmarc_fail_brand"},
	{"unparsable header", "Authentication-Results: ;;;\r\nFrom: <a@shop-exemple.fr>\r\n\r\nx\r\n", "", "", "auth_pass"},
}

func TestAuth(t *testing.T) {
	for _, c := range authCases {
		rep, err := NewAnalyzer(Options{AuthServID: c.servID}).Analyze(strings.NewReader(c.raw))
		if err != nil {
			t.Fatal(err)
		}
		if c.must != "" && !hasFinding(rep, c.must) {
			t.Errorf("Auth(%s) = %v, want %s", c.name, ids(rep), c.must)
		}
		if hasFinding(rep, c.not) {
			t.Errorf("Auth(%s) = %v, must not hold %s", c.name, ids(rep), c.not)
		}
	}
}
