package checks

import (
	"database/sql"
	"fmt"
	"time"

	"hygie/checks/probe"
)

// Load reads everything the checklist has stored, in one read transaction
// so the parts are consistent with each other. Values damaged on disk
// (a blob, a flag written as text, a day that is no date) read as unset
// or are left out, rather than hiding the whole history.
func (c *Checklist) Load() (Records, error) {
	r := Records{NA: map[string]NotApplicable{}, Probes: map[string]probe.Result{}}
	tx, err := c.db.Begin()
	if err != nil {
		return r, fmt.Errorf("load checklist: %w", err)
	}
	defer tx.Rollback()
	for _, load := range []func(*sql.Tx, *Records) error{loadTicks, loadNA, loadProbes, loadAccounts} {
		if err := load(tx, &r); err != nil {
			return r, err
		}
	}
	return r, nil
}

func loadTicks(tx *sql.Tx, r *Records) error {
	rows, err := tx.Query(`SELECT CAST(item AS TEXT), CAST(day AS TEXT), CAST(at AS TEXT), CAST(source AS TEXT), CAST(evidence AS TEXT)
		FROM checklist_tick ORDER BY day, item`)
	if err != nil {
		return fmt.Errorf("load ticks: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var t Tick
		var at, src string
		if err := rows.Scan(&t.Item, &t.Day, &at, &src, &t.Evidence); err != nil {
			return fmt.Errorf("read tick: %w", err)
		}
		if !ValidDay(t.Day) {
			continue // a damaged day belongs to no calendar day: leave it out
		}
		t.At, t.Source = parseInstant(at), Source(src)
		r.Ticks = append(r.Ticks, t)
	}
	return rows.Err()
}

func loadNA(tx *sql.Tx, r *Records) error {
	rows, err := tx.Query(`SELECT CAST(item AS TEXT), CAST(reason AS TEXT), CAST(since AS TEXT), CAST(at AS TEXT) FROM checklist_na`)
	if err != nil {
		return fmt.Errorf("load not-applicable items: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var na NotApplicable
		var at string
		if err := rows.Scan(&na.Item, &na.Reason, &na.Since, &at); err != nil {
			return fmt.Errorf("read not-applicable item: %w", err)
		}
		na.At = parseInstant(at)
		r.NA[na.Item] = na
	}
	return rows.Err()
}

func loadProbes(tx *sql.Tx, r *Records) error {
	rows, err := tx.Query(`SELECT CAST(probe AS TEXT), CAST(status AS TEXT), CAST(code AS TEXT), CAST(params AS TEXT),
		CAST(evidence AS TEXT), CAST(remedy AS TEXT), CAST(at AS TEXT) FROM checklist_probe`)
	if err != nil {
		return fmt.Errorf("load probe results: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p probe.Result
		var status, code, params, at string
		if err := rows.Scan(&p.ID, &status, &code, &params, &p.Details, &p.Remedy, &at); err != nil {
			return fmt.Errorf("read probe result: %w", err)
		}
		p.Status, p.Code, p.Params, p.At = probe.Status(status), probe.Code(code), readParams(params), parseInstant(at)
		r.Probes[p.ID] = p
	}
	return rows.Err()
}

func loadAccounts(tx *sql.Tx, r *Records) error {
	rows, err := tx.Query(`SELECT id, CAST(name AS TEXT), CAST(kind AS TEXT), COALESCE(enabled = 1, 0), CAST(method AS TEXT)
		FROM twofa_account ORDER BY id`)
	if err != nil {
		return fmt.Errorf("load 2FA inventory: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var a Account
		var kind, method string
		if err := rows.Scan(&a.ID, &a.Name, &kind, &a.Enabled, &method); err != nil {
			return fmt.Errorf("read 2FA account: %w", err)
		}
		a.Kind, a.Method = Kind(kind), Method(method)
		r.Accounts = append(r.Accounts, a)
	}
	return rows.Err()
}

// parseInstant reads a stored UTC instant; a damaged value reads as zero
// rather than hiding the rest of the history.
func parseInstant(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t
}
