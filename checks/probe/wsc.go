package probe

import "strings"

// wscProduct is an antivirus or firewall registered with the Windows
// Security Center (root/SecurityCenter2, client editions of Windows only).
type wscProduct struct {
	DisplayName  flex `json:"displayName"`
	ProductState flex `json:"productState"`
}

// The productState bit field is undocumented but stable and widely used:
// bit 12 set means the product is on; bit 4 set means its signatures are
// out of date (e.g. 397568 = 0x061100: on and up to date).
func (p wscProduct) on() bool {
	n, ok := p.ProductState.integer()
	return ok && n>>12&1 == 1
}

func (p wscProduct) outdated() bool {
	n, ok := p.ProductState.integer()
	return ok && n>>4&1 == 1
}

func (p wscProduct) name() string {
	if n := p.DisplayName.String(); n != "" {
		return n
	}
	return "?"
}

// firstOn returns the first product that is on.
func firstOn(ps []wscProduct) (wscProduct, bool) {
	for _, p := range ps {
		if p.on() {
			return p, true
		}
	}
	return wscProduct{}, false
}

// isDefender recognises Microsoft Defender whatever the Windows language.
func isDefender(name string) bool {
	n := strings.ToLower(name)
	return strings.Contains(n, "defender")
}
