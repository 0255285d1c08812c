package mail

import "strings"

// cryptoUnits are crypto-assets an amount is written in ("1.3 BTC").
var cryptoUnits = []string{"btc", "bitcoin", "bitcoins", "eth", "ether", "ethereum", "usdt", "usdc", "bnb", "xrp", "ltc", "doge", "trx"}

// cryptoWords name crypto-assets in general and the exchanges that trade
// them.
var cryptoWords = []string{"crypto", "cryptocurrency", "cryptomonnaie", "cryptomonnaies", "binance", "coinbase", "kraken", "bybit", "kucoin", "okx", "blockchain"}

// fiatCodes are currency words written after an amount ("150 072 EURO").
var fiatCodes = []string{"usd", "eur", "euro", "euros", "dollar", "dollars", "gbp"}

// cryptoHints are cheap substrings that must appear before the words are
// scanned: most messages never mention crypto-assets at all.
var cryptoHints = []string{"btc", "bitcoin", "eth", "usdt", "usdc", "bnb", "xrp", "crypto", "binance", "coinbase", "kraken", "bybit", "kucoin", "okx", "blockchain", "ltc", "doge", "trx"}

// checkCryptoBait flags a sum in crypto-assets, or a sum of money next to
// a crypto-asset or an exchange ("1.330 BTC BINANCE", "+0.035 BTC FREE"),
// from a sender that is no listed company. Unsolicited crypto money is the
// bait of giveaway and "your balance is waiting" scams, and of accounts
// opened in your name on some website so that the notification carries the
// advertisement.
func checkCryptoBait(a *analysis) {
	if brandOf(a.fromReg) != nil || !containsAny(a.text, cryptoHints) {
		return
	}
	if ev := cryptoAmount(a.text); ev != "" {
		a.add("crypto_bait", "« "+ev+" »")
	}
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// cryptoAmount returns the words around the first amount that sits within
// three words of a crypto-asset or exchange name, or "".
func cryptoAmount(text string) string {
	fields := strings.Fields(text)
	lastCrypto, lastAmount := -10, -10
	for i, f := range fields {
		w := strings.Trim(f, ".,;:!?*()[]{}<>\"'+-=#~")
		unit := contains(cryptoUnits, w)
		if unit || contains(cryptoWords, w) {
			lastCrypto = i
		}
		if isAmountAt(fields, i, w, unit) {
			lastAmount = i
		}
		if lastCrypto >= 0 && lastAmount >= 0 && abs(lastCrypto-lastAmount) <= 3 {
			lo, hi := max(min(lastCrypto, lastAmount)-1, 0), min(max(lastCrypto, lastAmount)+1, len(fields)-1)
			return strings.Join(fields[lo:hi+1], " ")
		}
	}
	return ""
}

// isAmountAt reports whether word i (trimmed to w) is a sum of money: a
// number with a currency sign, or a number followed by a currency or a
// crypto unit; unit tells whether w itself is a crypto unit.
func isAmountAt(fields []string, i int, w string, unit bool) bool {
	num := func(s string) bool {
		s = strings.Trim(s, ".,;:!?*()[]{}<>\"'+-=#~")
		return s != "" && strings.Trim(s, "0123456789.,") == "" && strings.ContainsAny(s, "0123456789")
	}
	f := fields[i]
	if strings.ContainsAny(f, "$€£") && strings.ContainsAny(f, "0123456789") {
		return true
	}
	if (unit || contains(fiatCodes, w)) && i > 0 && num(fields[i-1]) {
		return true
	}
	return false
}
