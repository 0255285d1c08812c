package ui

import (
	"bytes"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hygie/i18n"
	"hygie/mail"
	"hygie/mail/demo"
	"hygie/mail/mailbox"
)

// refreshMessages reloads the cache of the current account, or analyses
// the demonstration messages when the demo is chosen. The selected message
// stays selected when it is still there.
func (s *mailScreen) refreshMessages() {
	if s.demoOn {
		s.history = nil
		msgs, extra := demoMessages()
		s.setMessages(msgs, extra)
		return
	}
	s.history = s.senderHistory
	var msgs []mailbox.Message
	if a, ok := s.account(); ok {
		var err error
		msgs, err = s.store.Messages(a.Name)
		if err != nil {
			fyne.LogError("list cached messages", err)
			s.setStatus(lang.X("mail.err.list", "Les messages déjà analysés n'ont pas pu être relus dans la base d'Hygie. Rien n'est perdu : réessayez, ou relancez Hygie."), widget.DangerImportance)
		}
	}
	s.setMessages(msgs, nil)
}

// demoMessages analyses the demonstration mailbox now, in the language of
// the window. Nothing of it is written to the store.
func demoMessages() ([]mailbox.Message, []mailEntry) {
	an := mail.NewAnalyzer(mail.Options{Lang: currentLang})
	var msgs []mailbox.Message
	var extra []mailEntry
	for _, d := range demo.Messages() {
		rep, err := an.Analyze(bytes.NewReader(d.Raw))
		if err != nil {
			fyne.LogError("analyse demo message "+d.Name, err)
			continue
		}
		msgs = append(msgs, mailbox.Message{Date: rep.Date, Size: int64(len(d.Raw)), Report: rep})
		extra = append(extra, mailEntry{raw: d.Raw, demo: true})
	}
	return msgs, extra
}

// lastScanText summarises the last finished scan of any account.
func (s *mailScreen) lastScanText() string {
	rec, ok, err := s.store.LastScan()
	if err != nil || !ok {
		return lang.X("mail.scan.never", "Pas encore d'analyse : cliquez sur « Analyser ».")
	}
	return mailCardText(rec)
}

func mailCardText(r mailbox.ScanRecord) string {
	when := i18n.DateTime(r.Started.Local(), currentLang) // « 2 décembre 2026 à 09:15 »
	if r.Flagged == 0 {
		return lang.X("mail.card.clean", "Dernière analyse le {{.When}} : aucun message à vérifier de près.", map[string]string{"When": when})
	}
	return plural("mail.card.flagged", r.Flagged, "Dernière analyse le {{.When}} : {{.N}} message à vérifier de près.",
		"Dernière analyse le {{.When}} : {{.N}} messages à vérifier de près.", map[string]any{"When": when, "N": r.Flagged})
}

// senderHistory says whether m's address wrote before, among the messages
// Hygie analysed: a first message deserves more care than a usual one.
func (s *mailScreen) senderHistory(m mailbox.Message) string {
	n, err := s.store.SenderCount(m.Account, mail.SenderAddress(m.Report.From))
	switch {
	case err != nil:
		fyne.LogError("count sender's messages", err)
		return ""
	case n <= 1:
		return lang.X("mail.detail.firstmessage", "Premier message de cette adresse parmi ceux qu'Hygie a analysés.")
	}
	return lang.X("mail.detail.knownsender", "Cette adresse a écrit {{.Count}} messages parmi ceux qu'Hygie a analysés.", map[string]int{"Count": n})
}
