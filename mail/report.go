// Package mail analyses one raw e-mail message and explains, in words a
// practitioner understands, whether it is safe and whether it travelled
// inside the MSSanté trust space. It never fetches remote content.
package mail

import (
	"errors"
	"io"
)

// Verdict is the overall judgement on a message.
type Verdict string

// The four verdicts, from harmless to harmful.
const (
	Safe       Verdict = "safe"
	Caution    Verdict = "caution"
	Suspicious Verdict = "suspicious"
	Dangerous  Verdict = "dangerous"
)

// Channel tells whether a message travelled inside the MSSanté trust space.
type Channel string

// The channels of a message.
const (
	ChannelMSSante  Channel = "mssante"
	ChannelMixed    Channel = "mixed"
	ChannelOrdinary Channel = "ordinary"
)

// Finding is one rule that fired, with the evidence that made it fire.
type Finding struct {
	ID          string `json:"id"`
	Severity    string `json:"severity"`
	Weight      int    `json:"-"`
	Title       string `json:"title"`
	Explanation string `json:"explanation"`
	Evidence    string `json:"evidence"`
}

// Report is the analysis of one message.
type Report struct {
	MessageID string    `json:"message_id"`
	Subject   string    `json:"subject"`
	From      string    `json:"from"`
	Channel   Channel   `json:"channel"`
	Verdict   Verdict   `json:"verdict"`
	Score     int       `json:"score"`
	Findings  []Finding `json:"findings"`
}

// Options tune the analysis to one practice.
type Options struct {
	// Lang is "fr" (default) or "en": the language of titles and explanations.
	Lang string
	// AuthServID is the receiving server's authserv-id; empty trusts the
	// topmost Authentication-Results header.
	AuthServID string
	// KnownContacts are addresses the practice corresponds with.
	KnownContacts []string
}

// Analyzer analyses messages; it is safe for concurrent use.
type Analyzer struct {
	opts Options
}

// NewAnalyzer returns an Analyzer configured with opts.
func NewAnalyzer(opts Options) *Analyzer {
	return &Analyzer{opts: opts}
}

// ErrNotImplemented is returned until the analysis engine lands.
var ErrNotImplemented = errors.New("mail: analysis not implemented yet")

// Analyze reads one raw RFC 5322 message from r and returns its report.
func (a *Analyzer) Analyze(r io.Reader) (Report, error) {
	return Report{Channel: ChannelOrdinary, Verdict: Safe}, ErrNotImplemented
}
