package mail

import "testing"

var cryptoCases = []struct {
	text string
	want bool
}{
	{"username: www.example.blogspot.com - 1.330 btc binance to set your password", true},
	{"nom d'utilisateur : binance 150 072 euro", true},
	{"+0.035 btc *free* >> check now <<", true},
	{"vous avez 0,42 bitcoin en attente de retrait", true},
	{"le bitcoin a perdu du terrain cette annee", false}, // no amount
	{"votre facture de 120,00 € est disponible", false},  // no crypto-asset
	{"blockchain conference on 14 march, tickets on sale", false},
}

func TestCryptoAmount(t *testing.T) {
	for _, c := range cryptoCases {
		if got := cryptoAmount(c.text) != ""; got != c.want {
			t.Errorf("cryptoAmount(%q) = %q, want found=%v", c.text, cryptoAmount(c.text), c.want)
		}
	}
}
