package mail

import (
	_ "embed"
	"encoding/json"
	"net"
	"strings"
	"sync"

	"golang.org/x/net/publicsuffix"
)

//go:embed data/domains.json
var domainsJSON []byte

// Brand is a name a sender may impersonate and the registered domains that
// really belong to it.
type Brand struct {
	Name    string   `json:"name"`
	Kind    string   `json:"kind"`
	Aliases []string `json:"aliases"`
	Domains []string `json:"domains"`
	// keys are the skeletons of the aliases, matched against the skeleton
	// of a display name so "PаyPaI" (Cyrillic а, capital I) still reads
	// as PayPal.
	keys []string
}

// namedIn returns the alias of the brand that the skeleton of a display
// name or subject contains, or "". Long aliases also match as a word
// prefix ("CoinbaseWallet").
func (b *Brand) namedIn(key string) string {
	for i, k := range b.keys {
		if containsPhrase(key, k) || len(k) >= 6 && containsPhrase(key, k+"*") {
			return b.Aliases[i]
		}
	}
	return ""
}

// trusted reports whether the brand is one French practitioners rely on
// (MSSanté, health bodies, administrations, banks, insurers).
func (b *Brand) trusted() bool {
	return b.Kind != "brand"
}

// ownsDomain reports whether registered domain reg belongs to the brand:
// listed, or its first label is an alias (amazon.co.jp for Amazon).
func (b *Brand) ownsDomain(reg string) bool {
	for _, d := range b.Domains {
		if reg == d || strings.HasSuffix(reg, "."+d) {
			return true
		}
	}
	if b.trusted() {
		return false // institutions own exactly the listed domains
	}
	// A global brand owns its name under other suffixes (amazon.co.jp).
	label := firstLabel(reg)
	for _, d := range b.Domains {
		if firstLabel(d) == label {
			return true
		}
	}
	return false
}

// listsHost reports whether host is one of the brand's listed names or a
// sub-domain of one. It lets a brand own a host without owning its
// registered domain (mssante.apicrypt.org for MSSanté, not apicrypt.org).
func (b *Brand) listsHost(host string) bool {
	for _, d := range b.Domains {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}

// domainData is the parsed content of data/domains.json.
type domainData struct {
	Brands         []*Brand `json:"brands"`
	Freemail       []string `json:"freemail"`
	FreemailLabels []string `json:"freemail_labels"`
	Shorteners     []string `json:"shorteners"`
	FileHosts      []string `json:"file_hosts"`
	// UserHosts are names under which anyone gets a host name for free:
	// dynamic DNS, tunnels and free site hosting.
	UserHosts   []string `json:"user_hosts"`
	CommonWords []string `json:"common_words"`
	// BulkSenders are mailing services and list hosts that send on
	// behalf of others, so a Reply-To elsewhere is normal for them.
	BulkSenders []string `json:"bulk_senders"`
	bulk        map[string]bool
	// Redirectors forward to an address written in their links.
	Redirectors []*Redirector `json:"redirectors"`
	redirectors map[string]*Redirector
	// InstitutionWords in a display name claim an organisation or a
	// department rather than a person.
	InstitutionWords []string `json:"institution_words"`

	freemail   map[string]bool
	fmLabels   map[string]bool
	shorteners map[string]bool
	fileHosts  map[string]bool
	userHosts  map[string]bool
	// owner maps every listed brand domain to its brand.
	owner map[string]*Brand
	// targets are the registered domains checked for lookalikes.
	targets []lookalikeTarget
}

// domains is loaded once from the embedded JSON, on the first analysis; a
// broken file is a bug.
var domains = sync.OnceValue(func() *domainData { return mustLoadDomains(domainsJSON) })

func mustLoadDomains(b []byte) *domainData {
	d := &domainData{}
	if err := json.Unmarshal(b, d); err != nil {
		panic("mail: data/domains.json: " + err.Error())
	}
	d.freemail = set(d.Freemail)
	d.fmLabels = set(d.FreemailLabels)
	d.shorteners = set(d.Shorteners)
	d.fileHosts = set(d.FileHosts)
	d.userHosts = set(d.UserHosts)
	d.bulk = set(d.BulkSenders)
	d.redirectors = map[string]*Redirector{}
	for _, r := range d.Redirectors {
		d.redirectors[r.Host] = r
	}
	for i, w := range d.InstitutionWords {
		d.InstitutionWords[i] = fold(w, len(w)+1)
	}
	for _, b := range d.Brands {
		for i, al := range b.Aliases {
			b.Aliases[i] = fold(al, len(al)+1)
			b.keys = append(b.keys, nameKey(b.Aliases[i]))
		}
	}
	d.owner = map[string]*Brand{}
	for _, b := range d.Brands {
		for _, dom := range b.Domains {
			if _, ok := d.owner[dom]; !ok {
				d.owner[dom] = b
			}
		}
	}
	d.targets = buildTargets(d.Brands, set(d.CommonWords))
	return d
}

func set(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, s := range list {
		m[s] = true
	}
	return m
}

// registeredDomain returns the registrable domain (eTLD+1) of host, the
// unit that one owner controls, or host itself when it has none.
func registeredDomain(host string) string {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if host == "" || isIPHost(host) {
		return host
	}
	if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return d
	}
	return host
}

// isIPHost reports whether host is an IP literal, including the decimal
// and hexadecimal forms browsers accept (http://3232235777/).
func isIPHost(host string) bool {
	h := strings.Trim(host, "[]")
	if strings.Trim(h, "0123456789abcdefABCDEF.:x") != "" {
		return false // a letter past "f": a name, not a number
	}
	if net.ParseIP(h) != nil {
		return true
	}
	if h == "" {
		return false
	}
	if hex, ok := strings.CutPrefix(h, "0x"); ok {
		return hex != "" && strings.Trim(hex, "0123456789abcdef.x") == ""
	}
	return len(h) >= 8 && strings.Trim(h, "0123456789") == ""
}

// hostIn reports whether host is a domain of list or a sub-domain of one.
func hostIn(host string, list map[string]bool) bool {
	_, ok := lookupHost(host, list)
	return ok
}

// lookupHost returns the value kept for host or its nearest parent domain
// in m, and whether one was found.
func lookupHost[V any](host string, m map[string]V) (V, bool) {
	for h := host; h != ""; {
		if v, ok := m[h]; ok {
			return v, true
		}
		i := strings.IndexByte(h, '.')
		if i < 0 {
			break
		}
		h = h[i+1:]
	}
	var zero V
	return zero, false
}

// isFreemail reports whether domain belongs to a free consumer mail service.
func isFreemail(domain string) bool {
	if domain == "" {
		return false
	}
	reg := registeredDomain(domain)
	return domains().freemail[reg] || domains().fmLabels[firstLabel(reg)]
}

// brandOf returns the brand that owns the registered domain, if listed.
func brandOf(reg string) *Brand {
	for d := reg; d != ""; {
		if b := domains().owner[d]; b != nil {
			return b
		}
		i := strings.IndexByte(d, '.')
		if i < 0 {
			return nil
		}
		d = d[i+1:]
	}
	return nil
}

// nameKey reduces a display name, a subject or an alias to the form brand
// names are compared in: folded, punctuation as spaces (so "Ancv-Alertes"
// still names ANCV), look-alike characters mapped to the letters they
// imitate, and names spelt out letter by letter ("D/H/L", "P a y P a l")
// joined again.
func nameKey(s string) string {
	return keyOf(fold(s, 512), 512)
}

// joinSpelled joins runs of three or more one-letter words, the way a
// name is split to slip past filters ("d h l" becomes "dhl").
func joinSpelled(s string) string {
	words := strings.Split(s, " ")
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(words); {
		j := i
		for j < len(words) && len(words[j]) == 1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		if j-i >= 3 {
			b.WriteString(strings.Join(words[i:j], ""))
			i = j
			continue
		}
		b.WriteString(words[i])
		i++
	}
	return b.String()
}

// firstLabel returns the part of a registered domain before its suffix.
func firstLabel(reg string) string {
	label, _, _ := strings.Cut(reg, ".")
	return label
}

// compact drops spaces, dots, hyphens and apostrophes from an alias so it
// can be compared with a domain label.
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '.', '-', '\'', '+':
			return -1
		}
		return r
	}, s)
}
