package mail

import (
	"strconv"
	"strings"
)

// maxShortText is the visible text under which a message says too little
// for its reader to judge where its links lead.
const maxShortText = 300

// checkShortenerOnly flags a short message whose every visible link is
// shortened: nothing in it tells the reader, or a filter, where it leads,
// which is the whole point of sending it. A newsletter that shortens a
// link among paragraphs of text is not concerned.
func checkShortenerOnly(a *analysis) {
	total := 0
	for _, l := range a.m.Links {
		if l.Host == "" || l.Hidden {
			continue
		}
		if !a.host(l.Host).shortener {
			return
		}
		total++
	}
	if total == 0 {
		return
	}
	if n := len(strings.Join(strings.Fields(a.m.Text+" "+a.m.HTMLText), " ")); n < maxShortText {
		a.add("shortener_only", strconv.Itoa(total)+" shortened link(s), "+strconv.Itoa(n)+" characters of text")
	}
}
