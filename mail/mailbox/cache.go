package mailbox

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"hygie/store"
)

// boxState is what the cache knows of one mailbox: the UIDVALIDITY its rows
// belong to and the highest UID analysed (every UID up to it is done).
type boxState struct {
	uidValidity uint32
	lastUID     uint32
}

func (s *Store) state(account, box string) (boxState, bool, error) {
	var st boxState
	err := s.db.QueryRow(`SELECT uidvalidity, last_uid FROM mailbox_state WHERE account = ? AND mailbox = ?`,
		account, box).Scan(&st.uidValidity, &st.lastUID)
	if errors.Is(err, sql.ErrNoRows) {
		return boxState{}, false, nil
	}
	if err != nil {
		return boxState{}, false, fmt.Errorf("read state of %s: %w", box, err)
	}
	return st, true, nil
}

// reset forgets every cached message of box and starts over under a new
// UIDVALIDITY: the server says the old UIDs no longer mean the same messages.
func (s *Store) reset(account, box string, uidValidity uint32) error {
	return store.InTx(s.db, func(tx *sql.Tx) error {
		if _, err := tx.Exec(`DELETE FROM mailbox_messages WHERE account = ? AND mailbox = ?`, account, box); err != nil {
			return fmt.Errorf("reset %s: %w", box, err)
		}
		return setState(tx, account, box, boxState{uidValidity: uidValidity})
	})
}

func setState(tx *sql.Tx, account, box string, st boxState) error {
	_, err := tx.Exec(`INSERT INTO mailbox_state (account, mailbox, uidvalidity, last_uid) VALUES (?, ?, ?, ?)
		ON CONFLICT(account, mailbox) DO UPDATE SET uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid`,
		account, box, st.uidValidity, st.lastUID)
	if err != nil {
		return fmt.Errorf("save state of %s: %w", box, err)
	}
	return nil
}

// cachedUIDs lists the UIDs cached for box under uidValidity.
func (s *Store) cachedUIDs(account, box string, uidValidity uint32) ([]uint32, error) {
	rows, err := s.db.Query(`SELECT uid FROM mailbox_messages WHERE account = ? AND mailbox = ? AND uidvalidity = ?`,
		account, box, uidValidity)
	if err != nil {
		return nil, fmt.Errorf("list cached uids of %s: %w", box, err)
	}
	defer rows.Close()
	var out []uint32
	for rows.Next() {
		var uid uint32
		if err := rows.Scan(&uid); err != nil {
			return nil, fmt.Errorf("list cached uids of %s: %w", box, err)
		}
		out = append(out, uid)
	}
	return out, rows.Err()
}

// forget removes the rows of messages that left the server.
func (s *Store) forget(account, box string, uidValidity uint32, uids []uint32) error {
	if len(uids) == 0 {
		return nil
	}
	return store.InTx(s.db, func(tx *sql.Tx) error {
		stmt, err := tx.Prepare(`DELETE FROM mailbox_messages WHERE account = ? AND mailbox = ? AND uidvalidity = ? AND uid = ?`)
		if err != nil {
			return fmt.Errorf("forget vanished in %s: %w", box, err)
		}
		defer stmt.Close()
		for _, uid := range uids {
			if _, err := stmt.Exec(account, box, uidValidity, uid); err != nil {
				return fmt.Errorf("forget uid %d in %s: %w", uid, box, err)
			}
		}
		return nil
	})
}

// staleUIDs lists, highest first, the UIDs of box cached under
// uidValidity that an engine other than engine judged: the most recent
// mail is judged again first, should the user stop the scan halfway.
func (s *Store) staleUIDs(account, box string, uidValidity uint32, engine string) ([]uint32, error) {
	rows, err := s.db.Query(`SELECT uid FROM mailbox_messages WHERE account = ? AND mailbox = ? AND uidvalidity = ?
		AND engine != ? ORDER BY uid DESC`, account, box, uidValidity, engine)
	if err != nil {
		return nil, fmt.Errorf("list messages of %s judged by an older engine: %w", box, err)
	}
	defer rows.Close()
	var out []uint32
	for rows.Next() {
		var uid uint32
		if err := rows.Scan(&uid); err != nil {
			return nil, fmt.Errorf("list messages of %s judged by an older engine: %w", box, err)
		}
		out = append(out, uid)
	}
	return out, rows.Err()
}

// commit stores one batch and moves the mailbox's high-water mark to
// lastUID in the same transaction, so a cancelled or broken scan leaves a
// cache where every UID up to last_uid is analysed, and nothing half-done.
func (s *Store) commit(account, box string, st boxState, msgs []Message) error {
	return store.InTx(s.db, func(tx *sql.Tx) error {
		if err := storeMessages(tx, box, msgs); err != nil {
			return err
		}
		return setState(tx, account, box, st)
	})
}

// replace stores a batch of messages judged again, in one transaction; the
// high-water mark stays, since these UIDs are below it. A scan stopped
// halfway leaves each message with either its old report and version or
// its new ones, so the next scan re-checks exactly what is left.
func (s *Store) replace(box string, msgs []Message) error {
	return store.InTx(s.db, func(tx *sql.Tx) error {
		return storeMessages(tx, box, msgs)
	})
}

func storeMessages(tx *sql.Tx, box string, msgs []Message) error {
	stmt, err := tx.Prepare(`INSERT OR REPLACE INTO mailbox_messages (account, mailbox, uidvalidity, uid,
		message_id, subject, sender, date, size, truncated, flags, channel, verdict, score, report, weights,
		analysis_error, scanned_at, engine) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("store batch of %s: %w", box, err)
	}
	defer stmt.Close()
	for _, m := range msgs {
		if err := insertMessage(stmt, m); err != nil {
			return fmt.Errorf("store uid %d of %s: %w", m.UID, box, err)
		}
	}
	return nil
}

func insertMessage(stmt *sql.Stmt, m Message) error {
	r := m.Report
	report, err := json.Marshal(r)
	if err != nil {
		return err
	}
	weights := make([]int, len(r.Findings))
	for i, f := range r.Findings {
		weights[i] = f.Weight
	}
	w, _ := json.Marshal(weights)
	flags, _ := json.Marshal(m.Flags)
	_, err = stmt.Exec(m.Account, m.Mailbox, m.UIDValidity, m.UID, r.MessageID, r.Subject, r.From,
		formatTime(m.Date), m.Size, m.Truncated, string(flags), string(r.Channel), string(r.Verdict), r.Score,
		string(report), string(w), m.AnalysisError, formatTime(m.ScannedAt), m.Engine)
	return err
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return t
}

const messageColumns = `account, mailbox, uidvalidity, uid, date, size, truncated, flags, report, weights,
	analysis_error, scanned_at, engine`

// Messages returns the cached analyses of account's current mailboxes
// contents, flagged first, then newest first.
func (s *Store) Messages(account string) ([]Message, error) {
	rows, err := s.db.Query(`SELECT `+messageColumns+` FROM mailbox_messages m
		WHERE account = ? AND EXISTS (SELECT 1 FROM mailbox_state st WHERE st.account = m.account
			AND st.mailbox = m.mailbox AND st.uidvalidity = m.uidvalidity)
		ORDER BY verdict IN ('dangerous', 'suspicious') DESC, date DESC, uid DESC`, account)
	if err != nil {
		return nil, fmt.Errorf("list messages of %s: %w", account, err)
	}
	defer rows.Close()
	var out []Message
	for rows.Next() {
		m, err := scanMessage(rows)
		if err != nil {
			return nil, fmt.Errorf("list messages of %s: %w", account, err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

func scanMessage(r rowScanner) (Message, error) {
	var m Message
	var date, flags, report, weights, scanned string
	err := r.Scan(&m.Account, &m.Mailbox, &m.UIDValidity, &m.UID, &date, &m.Size, &m.Truncated, &flags,
		&report, &weights, &m.AnalysisError, &scanned, &m.Engine)
	if err != nil {
		return Message{}, err
	}
	m.Date, m.ScannedAt = parseTime(date), parseTime(scanned)
	if err := json.Unmarshal([]byte(flags), &m.Flags); err != nil {
		return Message{}, fmt.Errorf("uid %d flags: %w", m.UID, err)
	}
	if err := json.Unmarshal([]byte(report), &m.Report); err != nil {
		return Message{}, fmt.Errorf("uid %d report: %w", m.UID, err)
	}
	var w []int
	if err := json.Unmarshal([]byte(weights), &w); err != nil {
		return Message{}, fmt.Errorf("uid %d weights: %w", m.UID, err)
	}
	for i := range m.Report.Findings {
		if i < len(w) {
			m.Report.Findings[i].Weight = w[i]
		}
	}
	return m, nil
}

// countFlagged counts the suspicious and dangerous messages cached for
// account in boxes under their current UIDVALIDITY.
func (s *Store) countFlagged(account string, boxes []string) (int, error) {
	args := []any{account}
	for _, b := range boxes {
		args = append(args, b)
	}
	q := `SELECT COUNT(*) FROM mailbox_messages m JOIN mailbox_state st ON st.account = m.account
		AND st.mailbox = m.mailbox AND st.uidvalidity = m.uidvalidity
		WHERE m.account = ? AND m.mailbox IN (?` + strings.Repeat(", ?", len(boxes)-1) + `)
		AND m.verdict IN ('suspicious', 'dangerous')`
	var n int
	if err := s.db.QueryRow(q, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count flagged of %s: %w", account, err)
	}
	return n, nil
}

// recordScan logs a finished scan for the dashboard.
func (s *Store) recordScan(account string, started time.Time, sum Summary) error {
	return store.InTx(s.db, func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO mailbox_scans (account, started_at, seconds, scanned, new, flagged)
			VALUES (?, ?, ?, ?, ?, ?)`, account, formatTime(started), sum.Seconds, sum.Scanned, sum.New, sum.Flagged)
		if err != nil {
			return fmt.Errorf("record scan of %s: %w", account, err)
		}
		return nil
	})
}

// scannedBefore reports whether a scan of account ever finished: its
// server then worked with these settings. A failure to read counts as no.
func (s *Store) scannedBefore(account string) bool {
	var n int
	err := s.db.QueryRow(`SELECT COUNT(*) FROM mailbox_scans WHERE account = ?`, account).Scan(&n)
	return err == nil && n > 0
}

// LastScan returns the most recent finished scan of any account; ok is
// false when no scan ever finished.
func (s *Store) LastScan() (rec ScanRecord, ok bool, err error) {
	var started string
	err = s.db.QueryRow(`SELECT account, started_at, seconds, scanned, new, flagged FROM mailbox_scans
		ORDER BY id DESC LIMIT 1`).Scan(&rec.Account, &started, &rec.Seconds, &rec.Scanned, &rec.New, &rec.Flagged)
	if errors.Is(err, sql.ErrNoRows) {
		return ScanRecord{}, false, nil
	}
	if err != nil {
		return ScanRecord{}, false, fmt.Errorf("read last scan: %w", err)
	}
	rec.Started = parseTime(started)
	return rec, true, nil
}
