package mailbox

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"time"

	"hygie/mail"
	"hygie/store"
)

// RefreshTrustList downloads the ANS MSSanté list from url (normally
// mail.TrustListURL), checks that it parses, and saves it for the next
// scans. Only an explicit user action calls it: Hygie never reaches the
// network by itself. A failed refresh leaves the saved list as it was.
func (s *Store) RefreshTrustList(ctx context.Context, client *http.Client, url string) (*mail.TrustList, error) {
	data, err := mail.DownloadTrustList(ctx, client, url)
	if err != nil {
		return nil, err
	}
	return s.SaveTrustList(data, time.Now())
}

// SaveTrustList stores the XML list (already downloaded) if it parses and
// names at least one domain, and returns it parsed.
func (s *Store) SaveTrustList(xml []byte, fetched time.Time) (*mail.TrustList, error) {
	list, err := mail.ParseTrustList(bytes.NewReader(xml))
	if err != nil {
		return nil, err
	}
	if list.Len() == 0 {
		return nil, errors.New("save trust list: the list names no domain")
	}
	err = store.InTx(s.db, func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO mailbox_trust_list (id, fetched_at, xml) VALUES (1, ?, ?)
			ON CONFLICT(id) DO UPDATE SET fetched_at = excluded.fetched_at, xml = excluded.xml`,
			fetched.UTC().Format(time.RFC3339), xml)
		if err != nil {
			return fmt.Errorf("save trust list: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return list, nil
}

// TrustList returns the saved list and when it was fetched; nil and the
// zero time when none was ever downloaded (the engine then trusts
// mssante.fr and its sub-domains).
func (s *Store) TrustList() (*mail.TrustList, time.Time, error) {
	var at string
	var xml []byte
	err := s.db.QueryRow(`SELECT fetched_at, xml FROM mailbox_trust_list WHERE id = 1`).Scan(&at, &xml)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, time.Time{}, nil
	}
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("read trust list: %w", err)
	}
	list, err := mail.ParseTrustList(bytes.NewReader(xml))
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("read saved trust list: %w", err)
	}
	fetched, _ := time.Parse(time.RFC3339, at)
	return list, fetched, nil
}
