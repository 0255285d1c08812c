package ui

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"hygie/i18n"
	"hygie/mail"
)

// This file holds the message list's filters, search and sort as plain Go
// (no widget), so that they are tested and measured on 10,000 messages.

// mailItem is what the filters read of one message, computed once when the
// list is loaded so that a keystroke costs a scan of small structs.
type mailItem struct {
	verdict       mail.Verdict
	mssante       bool // MSSanté, all or part of the recipients
	healthOutside bool // the rule "health data outside MSSanté" fired
	attachments   bool
	date          time.Time
	// folded is the sender and the subject as i18n.Fold writes them, for
	// an accent- and case-insensitive search.
	folded string
}

func newMailItem(r mail.Report) mailItem {
	it := mailItem{verdict: r.Verdict, date: r.Date, attachments: len(r.Attachments) > 0,
		mssante: r.Channel == mail.ChannelMSSante || r.Channel == mail.ChannelMixed,
		folded:  i18n.Fold(r.From + " " + r.Subject)}
	for _, f := range r.Findings {
		if f.ID == healthOutsideRule {
			it.healthOutside = true
		}
	}
	return it
}

// healthOutsideRule is the engine's rule for health data sent by ordinary mail.
const healthOutsideRule = "health_data_outside_mssante"

// mailFilter is the choice made above the list.
type mailFilter struct {
	checkOrWorse  bool // « à vérifier » or a worse verdict
	mssante       bool
	healthOutside bool
	attachments   bool
	query         string // typed in the search box, as typed
}

// apply appends to out[:0] the indices of the items that pass f, in order.
func (f mailFilter) apply(items []mailItem, out []int) []int {
	out = out[:0]
	words := strings.Fields(i18n.Fold(f.query))
	for i := range items {
		it := &items[i]
		if f.checkOrWorse && verdictRank(it.verdict) < verdictRank(mail.Caution) ||
			f.mssante && !it.mssante || f.healthOutside && !it.healthOutside ||
			f.attachments && !it.attachments {
			continue
		}
		if !containsAll(it.folded, words) {
			continue
		}
		out = append(out, i)
	}
	return out
}

func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// verdictRank orders verdicts from harmless (0) to harmful (3); a message
// not analysed ranks below all.
func verdictRank(v mail.Verdict) int {
	switch v {
	case mail.Safe:
		return 0
	case mail.Caution:
		return 1
	case mail.Suspicious:
		return 2
	case mail.Dangerous:
		return 3
	}
	return -1
}

// mailSort is the order of the list.
type mailSort int

const (
	sortByVerdict mailSort = iota // worst first, then newest first (default)
	sortByDate                    // newest first
)

// mailOrder returns the order in which to show items: a permutation of
// their indices. The sort is stable, so equal items keep their order.
func mailOrder(items []mailItem, by mailSort) []int {
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		x, y := &items[a], &items[b]
		if by == sortByVerdict {
			if c := cmp.Compare(verdictRank(y.verdict), verdictRank(x.verdict)); c != 0 {
				return c
			}
		}
		return y.date.Compare(x.date)
	})
	return idx
}
