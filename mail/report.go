// Package mail analyses one raw e-mail message and explains, in words a
// practitioner understands, whether it is safe and whether it travelled
// inside the MSSanté trust space. It never fetches remote content.
//
// Every verdict comes from explainable rules (see Rules and
// docs/mail-analysis.md): each rule that fires adds its weight to a 0–100
// score and the score gives the verdict.
package mail

import (
	"io"
	"time"
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

// Score thresholds: a score at or above a threshold gets that verdict.
const (
	CautionScore    = 20
	SuspiciousScore = 40
	DangerousScore  = 70
)

// ScoreRange returns the scores that give v, lowest and highest: the
// verdict and the score shown beside it are one scale.
func ScoreRange(v Verdict) (lo, hi int) {
	switch v {
	case Dangerous:
		return DangerousScore, 100
	case Suspicious:
		return SuspiciousScore, DangerousScore - 1
	case Caution:
		return CautionScore, SuspiciousScore - 1
	}
	return 0, CautionScore - 1
}

// judge gives the verdict and the score shown for a message: the verdict
// of the score, raised to the floor of its findings and to « à vérifier »
// when any finding warns (weight above zero, not a clue: severity low or
// more), with the score raised to the lower bound of that verdict so the
// two never disagree.
func judge(score int, floor Verdict, fs []Finding) (Verdict, int) {
	score = min(max(score, 0), 100)
	v := worse(VerdictFor(score), floor)
	for _, f := range fs {
		if f.Weight > 0 && f.Severity != "info" {
			v = worse(v, Caution)
			break
		}
	}
	lo, _ := ScoreRange(v)
	return v, max(score, lo)
}

// VerdictFor returns the verdict of a 0–100 score.
func VerdictFor(score int) Verdict {
	switch {
	case score >= DangerousScore:
		return Dangerous
	case score >= SuspiciousScore:
		return Suspicious
	case score >= CautionScore:
		return Caution
	}
	return Safe
}

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
	ID string `json:"id"`
	// Severity is info (reassuring, weight ≤ 0, or a clue that alone warns
	// of nothing: Rule.Clue), low, medium or high.
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
	// Date is the message's Date header (zero when absent or unreadable).
	Date time.Time `json:"date,omitzero"`
	// Attachments lists the attached files (name, type, size, hash).
	Attachments []Attachment `json:"attachments,omitempty"`
	// Forward is set when the message judged was taken out of a forward
	// (AnalyzeRaw): how it was wrapped and who forwarded it. The rest of
	// the report is about the original.
	Forward *Forward `json:"forward,omitempty"`
}

// Options tune the analysis to one practice.
type Options struct {
	// Lang is "fr" (default) or "en": the language of titles and explanations.
	Lang string
	// AuthServID is the receiving server's authserv-id; empty trusts the
	// topmost Authentication-Results header.
	AuthServID string
	// KnownContacts are addresses the practice corresponds with, either
	// bare or as `Name <addr>` so that their names are recognised.
	KnownContacts []string
	// KnownPeople are the practice's own people (associates, locums, the
	// secretary) with their usual addresses, as the practitioner lists
	// them: their names on any other address are flagged from day one,
	// and a forward from one of them is judged on what it forwards.
	KnownPeople []Person
	// KnownSuppliers are the practice's usual suppliers and providers with
	// their domains: a look-alike of one of those domains, or a supplier's
	// name on another domain, is flagged, and their own messages about
	// remote support are expected.
	KnownSuppliers []Supplier
	// OwnAddresses are the reader's own addresses (the mailbox's): a
	// message they forward is judged on what it forwards.
	OwnAddresses []string
	// TrustList is the ANS MSSanté list; nil falls back to the rule
	// "mssante.fr or one of its sub-domains".
	TrustList *TrustList
}

// Analyzer analyses messages; it is safe for concurrent use.
type Analyzer struct {
	opts      Options
	contacts  contactBook
	suppliers supplierBook
}

// NewAnalyzer returns an Analyzer configured with opts.
func NewAnalyzer(opts Options) *Analyzer {
	return &Analyzer{opts: opts, contacts: newContactBook(opts.KnownContacts, opts.KnownPeople),
		suppliers: newSupplierBook(opts.KnownSuppliers)}
}

// Options returns the options the Analyzer was made with, so that a caller
// can derive another one (for example with a trust list added).
func (a *Analyzer) Options() Options {
	return a.opts
}

// Analyze reads one raw RFC 5322 message from r and returns its report.
// The error is non-nil only when the message cannot be read at all (for
// instance a header block over 2 MB); malformed parts still get a verdict.
func (a *Analyzer) Analyze(r io.Reader) (Report, error) {
	m, err := Parse(r)
	if err != nil {
		return Report{}, err
	}
	return a.Report(m), nil
}
