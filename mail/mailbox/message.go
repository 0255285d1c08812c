package mailbox

import (
	"time"

	"hygie/mail"
)

// Message is the cached analysis of one message on the server.
type Message struct {
	Account     string
	Mailbox     string
	UIDValidity uint32
	UID         uint32
	// Date is the message's Date header (zero when absent), in UTC.
	Date time.Time
	// Size is the full size on the server; Truncated is set when only the
	// first Options.MaxMessageBytes were downloaded and analysed.
	Size      int64
	Truncated bool
	// Flags as the server reported them during the scan (read-only view).
	Flags  []string
	Report mail.Report
	// AnalysisError is set when the engine could not fully analyse the
	// message; Report then holds what it could say.
	AnalysisError string
	ScannedAt     time.Time
	// Engine is the version of the engine that judged the message
	// (mail.EngineVersion); "" for a message cached before Hygie kept it.
	Engine string
}

// Flagged reports whether the verdict asks the practitioner to look:
// suspicious or dangerous.
func (m Message) Flagged() bool {
	return IsFlagged(m.Report.Verdict)
}

// IsFlagged reports whether v is suspicious or dangerous.
func IsFlagged(v mail.Verdict) bool {
	return v == mail.Suspicious || v == mail.Dangerous
}

// Summary is the outcome of one scan.
type Summary struct {
	// Scanned is how many messages the scanned mailboxes hold on the server.
	Scanned int `json:"scanned"`
	// New is how many were analysed for the first time during this scan.
	New int `json:"new"`
	// Rechecked is how many messages an older engine had judged were
	// analysed again during this scan (after an update of Hygie). Left out
	// of JSON when none, so `hygie scan --json` keeps its usual summary.
	Rechecked int `json:"rechecked,omitempty"`
	// Flagged is how many messages of those mailboxes are suspicious or
	// dangerous, new or not.
	Flagged int `json:"flagged"`
	// Seconds is the scan's duration.
	Seconds float64 `json:"seconds"`
}

// ScanRecord is a finished scan, as the dashboard shows it.
type ScanRecord struct {
	Account string
	Started time.Time
	Summary
}

// Progress tells how far a scan has gone, across all its mailboxes.
type Progress struct {
	Mailbox string
	Done    int
	Total   int
	// Rechecks is how many of Total are messages judged before by an
	// older engine, analysed again after each mailbox's new ones.
	Rechecks int
	// Rechecking is set while those are analysed, so that a screen can say
	// it checks old messages again rather than new ones.
	Rechecking bool
}

// Fraction is Done/Total in [0, 1]; 1 when there is nothing to do.
func (p Progress) Fraction() float64 {
	if p.Total <= 0 {
		return 1
	}
	return min(1, float64(p.Done)/float64(p.Total))
}
