package checks

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"hygie/checks/probe"
)

// RecordProbes stores the latest result of each probe (its reason code,
// parameters and technical details) and ticks, as verified automatically
// with those details, the items whose probe passed. An unknown result never ticks anything. It returns the ids of
// the items it ticked. All of it is one transaction.
func (c *Checklist) RecordProbes(results []probe.Result, now time.Time) ([]string, error) {
	var ticked []string
	err := c.write(func(tx *sql.Tx) error {
		ticked = ticked[:0]
		for _, res := range results {
			ids, err := recordProbe(tx, res, now)
			if err != nil {
				return err
			}
			ticked = append(ticked, ids...)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ticked, nil
}

func recordProbe(tx *sql.Tx, res probe.Result, now time.Time) ([]string, error) {
	at := res.At
	if at.IsZero() {
		at = now
	}
	stamp := at.UTC().Format(time.RFC3339)
	params, err := json.Marshal(res.Params)
	if err != nil {
		return nil, fmt.Errorf("record probe %s: %w", res.ID, err)
	}
	// why stays empty: the reason is worded from code and params when shown.
	_, err = tx.Exec(`INSERT INTO checklist_probe(probe, status, code, params, evidence, why, remedy, at) VALUES(?, ?, ?, ?, ?, '', ?, ?)
		ON CONFLICT(probe) DO UPDATE SET status = excluded.status, code = excluded.code, params = excluded.params,
			evidence = excluded.evidence, why = '', remedy = excluded.remedy, at = excluded.at`,
		res.ID, string(res.Status), string(res.Code), string(params), res.Details, res.Remedy, stamp)
	if err != nil {
		return nil, fmt.Errorf("record probe %s: %w", res.ID, err)
	}
	if res.Status != probe.Pass {
		return nil, nil
	}
	var ids []string
	for _, it := range ForProbe(res.ID) {
		_, err := tx.Exec(`INSERT INTO checklist_tick(item, day, at, source, evidence) VALUES(?, ?, ?, 'automatic', ?)
			ON CONFLICT(item, day) DO UPDATE SET at = excluded.at, source = 'automatic', evidence = excluded.evidence`,
			it.ID, DayOf(now), stamp, res.Details)
		if err != nil {
			return nil, fmt.Errorf("tick %s from probe %s: %w", it.ID, res.ID, err)
		}
		ids = append(ids, it.ID)
	}
	return ids, nil
}

// readParams reads stored parameters; damaged or missing ones read as
// none, and the sentence says what it can without them.
func readParams(s string) probe.Params {
	var p probe.Params
	if s != "" {
		_ = json.Unmarshal([]byte(s), &p)
	}
	return p
}
