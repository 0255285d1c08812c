package mailboxtest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// DovecotOptions change the throwaway Dovecot's configuration.
type DovecotOptions struct {
	// IntrospectionURL, when set, makes Dovecot accept OAuth2 logins
	// (XOAUTH2, OAUTHBEARER) whose tokens this URL vouches for, as a
	// TokenProvider's IntrospectionURL does (RECIPES §8); PLAIN and LOGIN
	// keep checking the password.
	IntrospectionURL string
	// Mechanisms are the OAuth2 mechanisms offered, default
	// "xoauth2 oauthbearer".
	Mechanisms string
}

// StartDovecotWith starts a Dovecot with opts for the test.
func StartDovecotWith(tb testing.TB, opts DovecotOptions) *Dovecot {
	tb.Helper()
	d, err := NewDovecotWith(opts)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(d.Stop)
	return d
}

// oauthConf returns the auth_mechanisms value, the oauth2 passdb and the
// line keeping the password passdb to PLAIN and LOGIN.
func (d *Dovecot) oauthConf() (mechs, passdb, plainOnly string, err error) {
	if d.opts.IntrospectionURL == "" {
		return "plain login", "", "", nil
	}
	oauthMechs := d.opts.Mechanisms
	if oauthMechs == "" {
		oauthMechs = "xoauth2 oauthbearer"
	}
	ext := filepath.Join(d.Dir, "dovecot-oauth2.conf.ext")
	conf := fmt.Sprintf(oauth2Ext, d.opts.IntrospectionURL)
	if err := os.WriteFile(ext, []byte(conf), 0o644); err != nil {
		return "", "", "", err
	}
	passdb = fmt.Sprintf("passdb {\n  driver = oauth2\n  mechanisms = %s\n  args = %s\n}\n", oauthMechs, ext)
	return "plain login " + oauthMechs, passdb, "  mechanisms = plain login\n", nil
}

const oauth2Ext = `introspection_mode = post
introspection_url = %s
username_attribute = username
active_attribute = active
active_value = true
`
