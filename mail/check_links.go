package mail

import (
	"strings"

	"golang.org/x/net/publicsuffix"
)

// hostFacts is what the link checks learnt about one host.
type hostFacts struct {
	reg       string
	ip        bool
	shortener bool
	fileHost  bool
	mssante   bool
	look      *lookalike
	puny      bool
}

func (a *analysis) host(h string) hostFacts {
	if f, ok := a.hosts[h]; ok {
		return f
	}
	f := hostFacts{
		reg:       registeredDomain(h),
		ip:        isIPHost(h),
		shortener: hostIn(h, domains().shorteners),
		fileHost:  hostIn(h, domains().fileHosts) || hostIn(h, domains().userHosts),
		puny:      isPunycode(h) || mixedScript(h) || !isASCII(h),
	}
	if !f.ip && !a.onTrustList(h) {
		f.mssante = imitatesMSSante(h, a.opts.TrustList)
		if l, ok := findLookalike(h); ok && !f.mssante {
			f.look = &l
		}
	}
	if a.hosts == nil {
		a.hosts = map[string]hostFacts{}
	}
	a.hosts[h] = f
	return f
}

// checkLinks judges every link and form of the body. Nothing is fetched.
func checkLinks(a *analysis) {
	seen := map[string]bool{}
	for _, l := range a.m.Links {
		if l.Form {
			a.add("html_form", l.URL)
		}
		if l.Host == "" || seen[l.URL+"\x00"+l.Text] {
			continue
		}
		seen[l.URL+"\x00"+l.Text] = true
		checkLink(a, l, a.host(l.Host))
	}
	if a.m.PasswordField {
		a.add("html_password_field", "<input type=password>")
	}
}

// writtenHost is the link's host as the message wrote it (Host is
// lower-cased), so that the evidence shows « ameIi.fr » with its capital I.
func writtenHost(l Link) string {
	if w, ok := findFold(l.URL, l.Host); ok {
		return w
	}
	return l.Host
}

func checkLink(a *analysis, l Link, f hostFacts) {
	switch {
	case f.ip:
		a.add("link_ip", l.URL)
	case f.mssante:
		a.add("mssante_lookalike", writtenHost(l))
	case f.look != nil:
		a.add("lookalike_link", lookalikeEvidence(writtenHost(l), *f.look, a.opts.Lang))
	}
	if f.puny {
		ev := writtenHost(l)
		if u := toUnicode(l.Host); u != l.Host {
			ev += " = " + u
		}
		a.add("punycode_domain", ev)
	}
	if f.shortener {
		a.add("link_shortener", l.URL)
	}
	if f.fileHost {
		a.add("link_file_host", l.URL)
	}
	if l.Via != "" && registeredDomain(l.Via) != f.reg && f.reg != a.fromReg {
		a.add("link_redirect", l.Via+" → "+l.Host)
	}
	if u := urlUserinfo(l.URL); strings.Contains(u, ".") {
		a.add("link_userinfo", l.URL)
	}
	checkLinkText(a, l, f)
	if strings.HasPrefix(strings.ToLower(l.URL), "http://") && looksLikeLogin(l) {
		a.add("link_http_login", l.URL)
	}
}

// checkLinkText compares the address a link shows with where it goes.
func checkLinkText(a *analysis, l Link, f hostFacts) {
	shown := shownHost(l.Text)
	if shown == "" || f.reg == "" {
		return
	}
	sreg := registeredDomain(shown)
	if sreg == f.reg || sreg == "" {
		return
	}
	if b := brandOf(sreg); b != nil && !b.ownsDomain(f.reg) {
		a.add("link_text_mismatch_brand", l.Text+" → "+l.Host)
		return
	}
	if f.reg == a.fromReg {
		// The link shows a partner's site and goes through the sender's own
		// domain: the sender's click counter, a clue and no deception.
		a.add("link_text_tracker", l.Text+" → "+l.Host)
		return
	}
	a.add("link_text_mismatch", l.Text+" → "+l.Host)
}

// shownHost returns the host a link's visible text presents, when the
// text is a URL or a bare domain name, or "".
func shownHost(text string) string {
	t := strings.ToLower(strings.TrimSpace(text))
	if t == "" || strings.ContainsAny(t, " @") {
		return ""
	}
	t = strings.Replace(t, "hxxp", "http", 1)
	if strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://") {
		return urlHost(t)
	}
	host, _, _ := strings.Cut(t, "/")
	host = strings.TrimSuffix(host, ".")
	if !isDomainName(host) {
		return ""
	}
	return host
}

// isASCII reports whether s holds only ASCII characters. A link host
// written with other letters is an internationalised name just like its
// xn-- form, and garbled ones ("ðtilvÿ0oœ.example.com") hide where the
// link goes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// isDomainName reports whether s reads as a domain under an ICANN suffix.
func isDomainName(s string) bool {
	if !strings.Contains(s, ".") || strings.Trim(s, "abcdefghijklmnopqrstuvwxyz0123456789.-") != "" {
		return false
	}
	suffix, icann := publicsuffix.PublicSuffix(s)
	return icann && suffix != s
}

// loginWords mark a link to a login or account page.
var loginWords = []string{"login", "log-in", "signin", "sign-in", "logon", "connexion", "password", "passwd", "motdepasse", "mot-de-passe", "verify", "webmail"}

func looksLikeLogin(l Link) bool {
	s := strings.ToLower(l.URL + " " + l.Text)
	for _, w := range loginWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
