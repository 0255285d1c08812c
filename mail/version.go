package mail

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strconv"
	"sync"
)

// engineCode is bumped by hand with any change of the Go code that can
// change a verdict, a score or a finding (a new check, a new threshold):
// the data files are fingerprinted by themselves, the code is not.
// TestEngineGolden fails when the verdicts of the test messages change
// while the version does not.
const engineCode = 10

// engineVersion is computed once, on the first call: the data is embedded
// and never changes while Hygie runs.
var engineVersion = sync.OnceValue(func() string {
	return fingerprint(engineCode, rulesJSON, wordingJSON, adviceJSON, domainsJSON)
})

// EngineVersion identifies what decides a verdict: the hand-bumped code
// number and a hash of the embedded rule, wording, advice and domain data.
// A cache of verdicts (package mailbox) stores it with each report and
// judges again the messages an engine of another version judged.
func EngineVersion() string {
	return engineVersion()
}

// fingerprint is "<code>-<first 16 hex digits of a SHA-256 over the
// data>". Each piece is prefixed by its length, so that moving bytes from
// one file to the next still changes the fingerprint.
func fingerprint(code int, data ...[]byte) string {
	h := sha256.New()
	var n [8]byte
	for _, d := range data {
		binary.BigEndian.PutUint64(n[:], uint64(len(d)))
		h.Write(n[:])
		h.Write(d)
	}
	return strconv.Itoa(code) + "-" + hex.EncodeToString(h.Sum(nil)[:8])
}
