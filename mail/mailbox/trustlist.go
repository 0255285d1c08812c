package mailbox

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"hygie/mail"
	"hygie/store"
)

// TrustListURL is where the ANS publishes the MSSanté trust-space list.
const TrustListURL = "https://espacedeconfiance.mssante.fr/listeblanchemssante.xml"

// maxTrustListBytes caps a downloaded list (the real one is a few MB).
const maxTrustListBytes = 64 << 20

// RefreshTrustList downloads the ANS MSSanté list from url (normally
// TrustListURL), checks that it parses, and saves it for the next
// scans. Only an explicit user action calls it: Hygie never reaches the
// network by itself. A failed refresh leaves the saved list as it was.
func (s *Store) RefreshTrustList(ctx context.Context, client *http.Client, url string) (*mail.TrustList, error) {
	data, err := downloadTrustList(ctx, client, url)
	if err != nil {
		return nil, err
	}
	return s.SaveTrustList(data, time.Now())
}

// downloadTrustList returns the list's XML as served at url, at most
// 64 MB, so that it can be kept for later runs. It is the only network
// access of the mail packages besides the IMAP server, and only
// RefreshTrustList, on the user's request, calls it.
func downloadTrustList(ctx context.Context, client *http.Client, url string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("fetch trust list: %w", err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch trust list: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch trust list: %s", resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxTrustListBytes+1))
	if err != nil {
		return nil, fmt.Errorf("fetch trust list: %w", err)
	}
	if len(data) > maxTrustListBytes {
		return nil, fmt.Errorf("fetch trust list: larger than %d MB", maxTrustListBytes>>20)
	}
	return data, nil
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
