package mail

import (
	"bytes"
	"regexp"
	"testing"
)

// TestEngineVersionFollowsTheData: any change of the data that decides a
// verdict, or of the code number, gives another engine version.
func TestEngineVersionFollowsTheData(t *testing.T) {
	base := fingerprint(engineCode, rulesJSON, wordingJSON, adviceJSON, domainsJSON)
	if got := EngineVersion(); got != base {
		t.Fatalf("EngineVersion() = %q, want %q", got, base)
	}
	if !regexp.MustCompile(`^[0-9]+-[0-9a-f]{16}$`).MatchString(base) {
		t.Errorf("EngineVersion() = %q, want <code>-<16 hex digits>", base)
	}
	clue := bytes.Replace(rulesJSON, []byte(`"clue": true`), []byte(`"clue": false`), 1)
	if bytes.Equal(clue, rulesJSON) {
		t.Fatal(`rules.json has no "clue": true to flip: the case proves nothing`)
	}
	for name, got := range map[string]string{
		"a rule no longer a clue":    fingerprint(engineCode, clue, wordingJSON, adviceJSON, domainsJSON),
		"one more byte of wording":   fingerprint(engineCode, rulesJSON, append(bytes.Clone(wordingJSON), ' '), adviceJSON, domainsJSON),
		"advice changed":             fingerprint(engineCode, rulesJSON, wordingJSON, adviceJSON[1:], domainsJSON),
		"a byte moved between files": fingerprint(engineCode, append(bytes.Clone(rulesJSON), wordingJSON[0]), wordingJSON[1:], adviceJSON, domainsJSON),
		"code bumped":                fingerprint(engineCode+1, rulesJSON, wordingJSON, adviceJSON, domainsJSON),
	} {
		if got == base {
			t.Errorf("fingerprint with %s = %q, the same as the shipped engine", name, got)
		}
	}
	if again := fingerprint(engineCode, rulesJSON, wordingJSON, adviceJSON, domainsJSON); again != base {
		t.Errorf("fingerprint is not stable: %q then %q", base, again)
	}
}
