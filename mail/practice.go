package mail

import (
	"strings"
)

// Person is one of the practice's own people (an associate, a locum, the
// secretary) with the addresses they usually write from. The practitioner
// lists them in Réglages (package practice keeps them): from day one, a
// message under their name from another address is the false colleague.
type Person struct {
	Name string `json:"name"`
	// Role is free text for the screen ("associée", "remplaçant",
	// "secrétaire"); the engine does not read it.
	Role      string   `json:"role,omitempty"`
	Addresses []string `json:"addresses"`
}

// Supplier is one of the practice's usual suppliers or providers (the
// accountant, the software vendor, the IT provider, the bank) with the
// domains it writes from: a look-alike of one of those domains, or its
// name on another domain, is the false supplier.
type Supplier struct {
	Name string `json:"name"`
	// Kind is free text for the screen ("comptable", "logiciel",
	// "informatique", "banque"); the engine does not read it.
	Kind    string   `json:"kind,omitempty"`
	Domains []string `json:"domains"`
}

// supplierBook indexes the known suppliers for the sender checks.
type supplierBook struct {
	regs  map[string]string // registered domain → supplier name
	names map[string]string // folded name (5 letters or more) → one of its domains
}

func newSupplierBook(list []Supplier) supplierBook {
	b := supplierBook{regs: map[string]string{}, names: map[string]string{}}
	for _, s := range list {
		for _, d := range s.Domains {
			d = strings.ToLower(strings.Trim(strings.TrimSpace(d), ".@"))
			d = strings.TrimPrefix(d, "www.")
			if reg := registeredDomain(d); reg != "" && strings.Contains(reg, ".") && !isFreemail(reg) {
				b.regs[reg] = s.Name
				if n := fold(s.Name, 128); len(n) >= 5 {
					if _, ok := b.names[n]; !ok {
						b.names[n] = reg
					}
				}
			}
		}
	}
	return b
}

// known reports whether reg is one of the suppliers' domains.
func (b supplierBook) known(reg string) bool {
	_, ok := b.regs[reg]
	return ok
}

// practiceContacts turns the practice's people into the form the contact
// book reads, every usual address under the person's name.
func practiceContacts(people []Person) []Address {
	var out []Address
	for _, p := range people {
		for _, addr := range p.Addresses {
			addr = strings.ToLower(strings.TrimSpace(addr))
			if strings.Count(addr, "@") == 1 {
				out = append(out, Address{Name: strings.TrimSpace(p.Name), Addr: addr})
			}
		}
	}
	return out
}

// ownLookalike tells how domain imitates the registered domain own —
// the same name with a hyphen added or dropped, under another suffix, or
// with one letter changed, added or dropped (names of five letters or
// more) — or "" when it does not. It is how a crook who took over a
// conversation with a supplier gets the answers: kine-materiel-pro.fr
// becomes kinematerielpro.fr, kine-materiel-pro.com or kine-materiel-pr0.fr.
func ownLookalike(domain, own string) string {
	return ownLookalikeReg(registeredDomain(domain), own)
}

// ownLookalikeReg is ownLookalike for a registered domain already known.
func ownLookalikeReg(reg, own string) string {
	if reg == "" || own == "" || reg == own || !strings.Contains(reg, ".") || !strings.Contains(own, ".") {
		return ""
	}
	l1, l2 := firstLabel(reg), firstLabel(own)
	switch {
	case l1 == l2:
		return "suffix"
	case strings.ReplaceAll(l1, "-", "") == strings.ReplaceAll(l2, "-", ""):
		return "hyphen"
	case skeleton(l1) == skeleton(l2):
		return "homograph"
	case len(l2) >= 5 && withinDistance(l1, l2, 1):
		return "spelling"
	}
	return ""
}
