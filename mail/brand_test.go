package mail

import "testing"

// brandNameCases are display names or subjects and the brand they name
// ("" when none), including the disguises senders use.
var brandNameCases = []struct {
	name  string
	brand string
}{
	{"PayPal Service", "PayPal"},
	{"PаyPaI", "PayPal"}, // Cyrillic а, capital I
	{"D/H/L-verzending.Rg", "DHL"},
	{"N e t f l i x !", "Netflix"},
	{"🩵BlueCross🩵BlueShield🩵", "Blue Cross Blue Shield"},
	{"Your Norton Order Confirmation", "Norton"},
	{"ADAC-Versand", "ADAC"},
	{"Assurance Maladie", "Assurance Maladie"},
	{"Dorothy Lawrence", ""},
	{"A B Testing Corp", ""},
	{"CNET News.com Daily Dispatch", ""},
	{"Mme Dupont (secrétariat)", ""},
}

func TestBrandNamedIn(t *testing.T) {
	for _, c := range brandNameCases {
		key, got := nameKey(c.name), ""
		for _, b := range domains().Brands {
			if b.namedIn(key) != "" {
				got = b.Name
				break
			}
		}
		if got != c.brand {
			t.Errorf("brand named in %q (key %q) = %q, want %q", c.name, key, got, c.brand)
		}
	}
}
