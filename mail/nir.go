package mail

import "strconv"

// findNIR returns the first French social security number (NIR, 13 digits
// and a 2-digit control key) in text whose key checks out, or "". Digits
// may be grouped with single spaces or dots, as people type them.
func findNIR(text string) string {
	for i := 0; i < len(text); i++ {
		if !isNIRStart(text, i) {
			continue
		}
		if nir, ok := readNIR(text[i:]); ok && validNIR(nir) {
			return nir
		}
	}
	return ""
}

// isNIRStart reports whether a NIR can start at i: a sex digit not glued
// to a preceding digit or letter.
func isNIRStart(text string, i int) bool {
	switch text[i] {
	case '1', '2', '3', '7', '8':
	default:
		return false
	}
	if i == 0 {
		return true
	}
	p := text[i-1]
	return !(p >= '0' && p <= '9' || p >= 'a' && p <= 'z' || p >= 'A' && p <= 'Z')
}

// readNIR reads 15 significant characters (digits, or 2A/2B for Corsica)
// allowing one space or dot between groups, and refuses a longer number.
func readNIR(s string) (string, bool) {
	out := make([]byte, 0, 15)
	sep := false
	i := 0
	for ; i < len(s) && len(out) < 15; i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9', len(out) == 6 && (c == 'A' || c == 'B'):
			out = append(out, c)
			sep = false
		case (c == ' ' || c == '.') && !sep:
			sep = true
		default:
			return "", false
		}
	}
	if len(out) != 15 || i < len(s) && s[i] >= '0' && s[i] <= '9' {
		return "", false
	}
	return string(out), true
}

// validNIR checks the control key: 97 - (number mod 97), with 2A and 2B
// replaced by 19 and 18 as the rules for Corsica require.
func validNIR(nir string) bool {
	body, key := nir[:13], nir[13:]
	switch body[5:7] {
	case "2A":
		body = body[:5] + "19" + body[7:]
	case "2B":
		body = body[:5] + "18" + body[7:]
	}
	n, err := strconv.ParseUint(body, 10, 64)
	if err != nil {
		return false
	}
	k, err := strconv.Atoi(key)
	if err != nil {
		return false
	}
	month := (body[3]-'0')*10 + body[4] - '0'
	if month == 0 || (month > 12 && month < 20) || (month > 42 && month < 50) {
		return false
	}
	return k == int(97-n%97)
}
