package mail

import (
	"net/mail"
	"strings"
	"unicode"

	gomail "github.com/emersion/go-message/mail"
)

// MinContactMessages is how many messages judged safe an address must have
// sent before ContactsFromHistory counts it as a correspondent.
const MinContactMessages = 2

// ContactsFromHistory learns the practice's correspondents from a mailbox's
// history, for the rule "a known contact's name on another address" (the
// false colleague, the false boss). safe counts, for each From of messages
// judged safe (as Report.From writes it), how many there were. An address
// counts once it sent MinContactMessages of them. Its display name counts
// only when it is a PersonalName used with that one address alone, so that
// a person writing from two addresses does not flag either. The result is
// in the form Options.KnownContacts takes.
func ContactsFromHistory(safe map[string]int) []string {
	counts := map[string]int{}            // address → safe messages
	names := map[string]map[string]bool{} // folded name → its addresses
	display := map[string]string{}        // address → its personal name
	for from, n := range safe {
		name, addr, ok := splitReportFrom(from)
		if !ok {
			continue
		}
		counts[addr] += n
		if key := fold(name, 512); key != "" {
			if names[key] == nil {
				names[key] = map[string]bool{}
			}
			names[key][addr] = true
			if PersonalName(name) {
				display[addr] = name
			}
		}
	}
	var out []string
	for addr, n := range counts {
		if n < MinContactMessages {
			continue
		}
		c := mail.Address{Address: addr}
		if name := display[addr]; name != "" && len(names[fold(name, 512)]) == 1 {
			c.Name = name
		}
		out = append(out, c.String())
	}
	return out
}

// SenderAddress is the lower-case address of a Report.From, or "" when it
// has none.
func SenderAddress(from string) string {
	_, addr, _ := splitReportFrom(from)
	return addr
}

// splitReportFrom reads back Report.From (`"Name" <addr>` or `<addr>`).
func splitReportFrom(s string) (name, addr string, ok bool) {
	i := strings.LastIndexByte(s, '<')
	if i < 0 || !strings.HasSuffix(s, ">") {
		return "", "", false
	}
	addr = strings.ToLower(s[i+1 : len(s)-1])
	if strings.Count(addr, "@") != 1 || strings.ContainsAny(addr, " <>\"") {
		return "", "", false
	}
	name = strings.TrimSpace(s[:i])
	if len(name) >= 2 && name[0] == '"' && name[len(name)-1] == '"' {
		name = name[1 : len(name)-1]
	}
	return name, addr, true
}

// contactBook is the practice's known contacts, indexed for the sender
// checks: a mailbox can teach Hygie thousands of them.
type contactBook struct {
	addrs map[string]bool     // lower-case addresses
	names map[string][]string // folded display name → the addresses known with it
	// people are the addresses of the practice's own people (Options.KnownPeople).
	people map[string]bool
}

func newContactBook(list []string, people []Person) contactBook {
	b := contactBook{addrs: map[string]bool{}, names: map[string][]string{}, people: map[string]bool{}}
	addName := func(name, addr string) {
		if n := fold(name, 512); n != "" && !contains(b.names[n], addr) {
			b.names[n] = append(b.names[n], addr)
		}
	}
	for _, c := range practiceContacts(people) {
		b.addrs[c.Addr] = true
		b.people[c.Addr] = true
		addName(c.Name, c.Addr)
		// "Lefèvre Bernard" is the same person as "Bernard Lefèvre".
		if w := strings.Fields(c.Name); len(w) == 2 {
			addName(w[1]+" "+w[0], c.Addr)
		}
	}
	for _, c := range parseContacts(list) {
		b.addrs[c.Addr] = true
		if n := fold(c.Name, 512); n != "" && len(b.names[n]) == 0 {
			b.names[n] = []string{c.Addr}
		}
	}
	return b
}

// PersonalName reports whether a display name can single out one
// correspondent: two words of letters at least, naming no brand and no
// institution or role ("Service client", "Secrétariat", "Ameli"). A mailbox
// teaches Hygie only such names: a generic one would flag every newcomer
// that uses it, and brands have their own rules.
func PersonalName(name string) bool {
	folded := fold(name, 512)
	words := strings.FieldsFunc(folded, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(words) < 2 {
		return false
	}
	for _, w := range domains().InstitutionWords {
		if containsPhrase(folded, w) {
			return false
		}
	}
	key := nameKey(name)
	for _, b := range domains().Brands {
		if b.namedIn(key) != "" {
			return false
		}
	}
	return true
}

// parseContacts reads the practice's known contacts.
func parseContacts(list []string) []Address {
	var out []Address
	for _, c := range list {
		if addr, err := gomail.ParseAddress(c); err == nil {
			out = append(out, Address{Name: addr.Name, Addr: strings.ToLower(addr.Address)})
		} else if a, ok := looseAddress(c); ok {
			out = append(out, a)
		}
	}
	return out
}
