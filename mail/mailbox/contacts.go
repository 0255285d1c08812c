package mailbox

import (
	"fmt"
	"slices"
	"strings"

	"hygie/mail"
	"hygie/practice"
)

// AnalyzerOptions returns opts completed with what Hygie's database knows
// of the practice, so that every caller judges alike (a mailbox scan, the
// window's "Vérifier un message", `hygie inspect`): the practice's people
// and suppliers as the practitioner listed them (package practice), the
// correspondents learned from the history of account ("" = of every
// account), and the MSSanté trust list last downloaded unless opts has
// one.
func (s *Store) AnalyzerOptions(opts mail.Options, account string) (mail.Options, error) {
	pr, err := practice.Open(s.db)
	if err != nil {
		return opts, err
	}
	if opts, err = pr.Apply(opts); err != nil {
		return opts, err
	}
	learned, err := s.knownContacts(account)
	if err != nil {
		return opts, err
	}
	opts.KnownContacts = append(slices.Clip(opts.KnownContacts), learned...)
	if opts.TrustList == nil {
		list, _, err := s.TrustList()
		if err != nil {
			return opts, err
		}
		opts.TrustList = list
	}
	return opts, nil
}

// knownContacts learns the practice's correspondents from the messages of
// account ("" = every account) already analysed and judged safe (see
// mail.ContactsFromHistory).
// Nothing leaves the database; the list is rebuilt at each scan from what
// the cache holds, so messages deleted from the server stop counting.
func (s *Store) knownContacts(account string) ([]string, error) {
	rows, err := s.db.Query(`SELECT sender, COUNT(*) FROM mailbox_messages
		WHERE (account = ? OR ? = '') AND verdict = ? GROUP BY sender`, account, account, string(mail.Safe))
	if err != nil {
		return nil, fmt.Errorf("known contacts of %s: %w", account, err)
	}
	defer rows.Close()
	safe := map[string]int{}
	for rows.Next() {
		var sender string
		var n int
		if err := rows.Scan(&sender, &n); err != nil {
			return nil, fmt.Errorf("known contacts of %s: %w", account, err)
		}
		safe[sender] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("known contacts of %s: %w", account, err)
	}
	return mail.ContactsFromHistory(safe), nil
}

// SenderCount is how many messages of account, among those analysed, come
// from addr (any case), so the Messagerie screen can tell a first message
// from a usual correspondent.
func (s *Store) SenderCount(account, addr string) (int, error) {
	if addr == "" {
		return 0, nil
	}
	pattern := "%<" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(strings.ToLower(addr)) + ">"
	var n int
	err := s.db.QueryRow(`SELECT COUNT(*) FROM mailbox_messages
		WHERE account = ? AND lower(sender) LIKE ? ESCAPE '\'`, account, pattern).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count messages from %s: %w", addr, err)
	}
	return n, nil
}
