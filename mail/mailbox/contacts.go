package mailbox

import (
	"fmt"

	"hygie/mail"
)

// knownContacts learns the practice's correspondents from the messages of
// account already analysed and judged safe (see mail.ContactsFromHistory).
// Nothing leaves the database; the list is rebuilt at each scan from what
// the cache holds, so messages deleted from the server stop counting.
func (s *Store) knownContacts(account string) ([]string, error) {
	rows, err := s.db.Query(`SELECT sender, COUNT(*) FROM mailbox_messages
		WHERE account = ? AND verdict = ? GROUP BY sender`, account, string(mail.Safe))
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
