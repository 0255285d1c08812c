package mailbox

import (
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// CertError says why the server's certificate is not trusted, with what the
// user needs to decide: who it claims to be, who signed it, and its SHA-256
// fingerprint (to compare with what the provider publishes, and to pin).
type CertError struct {
	Host      string
	Subject   string
	Issuer    string
	SHA256    string // lowercase hex, no separators
	NotBefore time.Time
	NotAfter  time.Time
	Reason    error
}

func (e *CertError) Error() string {
	return fmt.Sprintf("certificate of %s not trusted (subject %q, issuer %q, sha256 %s): %v",
		e.Host, e.Subject, e.Issuer, e.SHA256, e.Reason)
}

// Is makes errors.Is(err, ErrBadCert) true for a *CertError.
func (e *CertError) Is(target error) bool { return target == ErrBadCert }

// Unwrap returns the verification failure.
func (e *CertError) Unwrap() error { return e.Reason }

// Fingerprint is the lowercase hex SHA-256 of a DER certificate.
func Fingerprint(der []byte) string {
	sum := sha256.Sum256(der)
	return hex.EncodeToString(sum[:])
}

// NormalizeFingerprint accepts a fingerprint as people copy it ("AB:CD…",
// spaces, upper case) and returns the form Account.PinnedSHA256 stores.
func NormalizeFingerprint(fp string) string {
	r := strings.NewReplacer(":", "", " ", "", "-", "")
	return strings.ToLower(r.Replace(strings.TrimSpace(fp)))
}

// FormatFingerprint shows a fingerprint as colon-separated upper-case pairs,
// the way browsers and providers print it.
func FormatFingerprint(fp string) string {
	fp = strings.ToUpper(NormalizeFingerprint(fp))
	var b strings.Builder
	for i := 0; i < len(fp); i += 2 {
		if i > 0 {
			b.WriteByte(':')
		}
		b.WriteString(fp[i:min(i+2, len(fp))])
	}
	return b.String()
}

// tlsConfig verifies the server itself (InsecureSkipVerify only turns off
// the built-in check, which could neither honour a pin nor tell us the
// certificate it refused). onReject receives the refused certificate, since
// go-imap flattens some errors into text.
func tlsConfig(host string, roots *x509.CertPool, pin string, onReject func(*CertError)) *tls.Config {
	pin = NormalizeFingerprint(pin)
	return &tls.Config{
		ServerName:         host,
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: true,
		VerifyConnection: func(cs tls.ConnectionState) error {
			err := verifyPeer(cs.PeerCertificates, host, roots, pin)
			if err != nil {
				onReject(err)
				return err
			}
			return nil
		},
	}
}

// verifyPeer accepts the chain when its leaf is the pinned certificate or
// when it verifies against roots for host; a pin therefore never weakens a
// valid certificate, and a provider moving to a CA-signed one keeps working.
func verifyPeer(chain []*x509.Certificate, host string, roots *x509.CertPool, pin string) *CertError {
	if len(chain) == 0 {
		return &CertError{Host: host, Reason: fmt.Errorf("server sent no certificate")}
	}
	leaf := chain[0]
	if pin != "" && Fingerprint(leaf.Raw) == pin {
		return nil
	}
	inter := x509.NewCertPool()
	for _, c := range chain[1:] {
		inter.AddCert(c)
	}
	_, err := leaf.Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter, DNSName: host})
	if err == nil {
		return nil
	}
	return &CertError{
		Host: host, Subject: leaf.Subject.String(), Issuer: leaf.Issuer.String(),
		SHA256: Fingerprint(leaf.Raw), NotBefore: leaf.NotBefore, NotAfter: leaf.NotAfter, Reason: err,
	}
}
