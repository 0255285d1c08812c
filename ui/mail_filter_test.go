package ui

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"hygie/mail"
	"hygie/mail/mailbox"
)

// filterReports are the messages the filter cases look at.
var filterReports = []mail.Report{
	{From: `"Assurance Maladie" <service@ameli-rembourse.example>`, Subject: "Remboursement en attente", Verdict: mail.Dangerous,
		Date: time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)},
	{From: `"Dr Hélène Martin" <dr.martin@medecin.mssante.fr>`, Subject: "Compte rendu opératoire", Verdict: mail.Safe,
		Channel: mail.ChannelMSSante, Date: time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC)},
	{From: `secretariat@gmail.com`, Subject: "Ordonnance de Mme Bernard", Verdict: mail.Caution,
		Findings: []mail.Finding{{ID: healthOutsideRule}}, Date: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)},
	{From: `compta@fournisseur.example`, Subject: "Facture impayée", Verdict: mail.Suspicious,
		Attachments: []mail.Attachment{{Name: "facture.pdf"}}, Date: time.Date(2026, 11, 4, 0, 0, 0, 0, time.UTC)},
	{From: `julie@orange.fr`, Subject: "Remplacement", Verdict: mail.Safe, Date: time.Date(2026, 11, 5, 0, 0, 0, 0, time.UTC)},
}

var filterCases = []struct {
	name string
	f    mailFilter
	want []int
}{
	{"none", mailFilter{}, []int{0, 1, 2, 3, 4}},
	{"check or worse", mailFilter{checkOrWorse: true}, []int{0, 2, 3}},
	{"mssante", mailFilter{mssante: true}, []int{1}},
	{"health outside", mailFilter{healthOutside: true}, []int{2}},
	{"attachments", mailFilter{attachments: true}, []int{3}},
	{"accent-insensitive sender", mailFilter{query: "helene"}, []int{1}},
	{"accented query", mailFilter{query: "Hélène MARTIN"}, []int{1}},
	{"subject word", mailFilter{query: "rembour"}, []int{0}},
	{"query and filter", mailFilter{query: "re", checkOrWorse: true}, []int{0, 2, 3}},
	{"no match", mailFilter{query: "zzz"}, nil},
}

func TestMailFilter(t *testing.T) {
	items := make([]mailItem, len(filterReports))
	for i, r := range filterReports {
		items[i] = newMailItem(r)
	}
	for _, c := range filterCases {
		if got := c.f.apply(items, nil); !slices.Equal(got, c.want) {
			t.Errorf("filter %s = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestMailOrder(t *testing.T) {
	items := make([]mailItem, len(filterReports))
	for i, r := range filterReports {
		items[i] = newMailItem(r)
	}
	if got, want := mailOrder(items, sortByVerdict), []int{0, 3, 2, 4, 1}; !slices.Equal(got, want) {
		t.Errorf("by verdict then date = %v, want %v", got, want)
	}
	if got, want := mailOrder(items, sortByDate), []int{4, 3, 1, 0, 2}; !slices.Equal(got, want) {
		t.Errorf("by date = %v, want %v", got, want)
	}
}

// tenThousand is a mailbox of 10,000 cached messages.
func tenThousand() []mailbox.Message {
	verdicts := []mail.Verdict{mail.Safe, mail.Safe, mail.Safe, mail.Caution, mail.Suspicious, mail.Dangerous}
	msgs := make([]mailbox.Message, 10000)
	for i := range msgs {
		r := mail.Report{From: fmt.Sprintf(`"Cabinet Médical n°%d" <contact%d@cabinet-%d.example>`, i, i, i%300),
			Subject: fmt.Sprintf("Compte rendu de séance %d — rééducation épaule", i), Verdict: verdicts[i%len(verdicts)],
			Date: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)}
		if i%7 == 0 {
			r.Channel = mail.ChannelMSSante
		}
		msgs[i] = mailbox.Message{Account: "cabinet", UID: uint32(i + 1), Report: r}
	}
	return msgs
}

// BenchmarkMailFilterKeystroke is what one keystroke in the search box
// costs on 10,000 messages: the filters and the search over every one.
// The budget is 16 ms (one frame).
func BenchmarkMailFilterKeystroke(b *testing.B) {
	msgs := tenThousand()
	items := make([]mailItem, len(msgs))
	for i, m := range msgs {
		items[i] = newMailItem(m.Report)
	}
	queries := []string{"r", "re", "ree", "reed", "rééd", "cabinet 42", "epaule"}
	var out []int
	b.ResetTimer()
	for i := range b.N {
		f := mailFilter{query: queries[i%len(queries)], checkOrWorse: i%2 == 0}
		out = f.apply(items, out)
	}
}
