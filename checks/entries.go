package checks

// Entry is one line of `hygie checks list --json`.
type Entry struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	Frequency Frequency `json:"frequency"`
	DoneToday bool      `json:"done_today"`
	// Source is who ticked the item when it is done today, else who can
	// tick it: "automatic" when a probe can verify it, "manual" otherwise.
	Source Source `json:"source"`
	// NotApplicable is set when the item was marked as not concerning the
	// practice, with the reason given.
	NotApplicable bool   `json:"not_applicable"`
	Reason        string `json:"reason,omitempty"`
}

// Entries lists the catalogue in its order with each item's state on day,
// texts in lang. "Done today" means up to date on day: a weekly item ticked
// three days ago is done.
func (r Records) Entries(day, lang string) []Entry {
	out := make([]Entry, 0, len(catalogue))
	for _, it := range catalogue {
		s := r.State(it, day)
		e := Entry{ID: it.ID, Title: it.Title(lang), Frequency: it.Freq, DoneToday: s.Status == Done, Source: Manual}
		switch {
		case e.DoneToday && s.Last.Source != "":
			e.Source = s.Last.Source
		case it.Automatic():
			e.Source = Automatic
		}
		if s.Status == NotApplicableStatus {
			e.NotApplicable, e.Reason = true, s.NA.Reason
		}
		out = append(out, e)
	}
	return out
}
