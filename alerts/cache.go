package alerts

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"hygie/store"
)

// Component is the name under which the alerts' tables are migrated.
const Component = "alerts"

// migrations are the alerts' schema versions; never edit one, append.
var migrations = []string{
	`CREATE TABLE alerts_item (
		guid      TEXT PRIMARY KEY,
		feed      TEXT NOT NULL,
		title     TEXT NOT NULL,
		link      TEXT NOT NULL,
		summary   TEXT NOT NULL,
		published TEXT NOT NULL   -- UTC instant, RFC 3339; '' when unknown
	);
	CREATE TABLE alerts_setting (
		key   TEXT PRIMARY KEY,   -- opt_in, last_check, tags
		value TEXT NOT NULL
	)`,
}

// Settings keys. opt_in is absent (off) until the user turns it on.
const (
	keyOptIn     = "opt_in"
	keyLastCheck = "last_check"
	keyTags      = "tags"
)

// keep bounds the cache: older alerts than the newest keep are dropped.
const keep = 200

// Cache is the alerts kept in the database and the user's choices.
type Cache struct {
	db *sql.DB
}

// Open migrates the alerts' tables in db.
func Open(db *sql.DB) (*Cache, error) {
	if err := store.Migrate(db, Component, migrations); err != nil {
		return nil, fmt.Errorf("open alerts cache: %w", err)
	}
	return &Cache{db: db}, nil
}

func (c *Cache) get(key string) (string, error) {
	var v string
	err := c.db.QueryRow(`SELECT value FROM alerts_setting WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read alerts setting %s: %w", key, err)
	}
	return v, nil
}

func setTx(tx *sql.Tx, key, value string) error {
	_, err := tx.Exec(`INSERT INTO alerts_setting(key, value) VALUES(?, ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("save alerts setting %s: %w", key, err)
	}
	return nil
}

func (c *Cache) set(key, value string) error {
	return store.InTx(c.db, func(tx *sql.Tx) error { return setTx(tx, key, value) })
}

// OptedIn reports whether the user turned the alerts on; off by default.
func (c *Cache) OptedIn() (bool, error) {
	v, err := c.get(keyOptIn)
	return v == "1", err
}

// SetOptIn turns fetching on or off. Turning it off keeps the cache.
func (c *Cache) SetOptIn(on bool) error {
	v := "0"
	if on {
		v = "1"
	}
	return c.set(keyOptIn, v)
}

// Ticked returns the ids of the tags the user ticked.
func (c *Cache) Ticked() ([]string, error) {
	v, err := c.get(keyTags)
	if err != nil || v == "" {
		return nil, err
	}
	return strings.Split(v, ","), nil
}

// SetTicked saves the tags the user ticked; unknown ids are refused.
func (c *Cache) SetTicked(ids []string) error {
	for _, id := range ids {
		if _, ok := TagByID(id); !ok {
			return fmt.Errorf("alerts: unknown software tag %q", id)
		}
	}
	return c.set(keyTags, strings.Join(ids, ","))
}

// TagByID returns the tag with that id.
func TagByID(id string) (Tag, bool) {
	for _, t := range Tags() {
		if t.ID == id {
			return t, true
		}
	}
	return Tag{}, false
}

// LastCheck is when the feeds were last read successfully (zero if never).
func (c *Cache) LastCheck() (time.Time, error) {
	v, err := c.get(keyLastCheck)
	if err != nil || v == "" {
		return time.Time{}, err
	}
	t, _ := time.Parse(time.RFC3339, v)
	return t, nil
}

// Due reports whether an automatic check is due at now.
func (c *Cache) Due(now time.Time) (bool, error) {
	last, err := c.LastCheck()
	if err != nil {
		return false, err
	}
	return last.IsZero() || now.Sub(last) >= CheckEvery || now.Before(last), nil
}

// Refresh reads feeds with client when the user opted in and a check is
// due at now (or force is set), and stores what it read with the check's
// time, in one transaction. It returns whether it fetched. On any failure
// the cache is left as it was, so the last alerts stay readable offline.
func (c *Cache) Refresh(ctx context.Context, client *http.Client, feeds []Feed, now time.Time, force bool) (bool, error) {
	on, err := c.OptedIn()
	if err != nil {
		return false, err
	}
	if !on {
		return false, ErrOptInOff
	}
	if due, err := c.Due(now); err != nil || (!due && !force) {
		return false, err
	}
	var all []Item
	for _, f := range feeds {
		items, err := Fetch(ctx, client, f.ID, f.URL)
		if err != nil {
			return false, err
		}
		all = append(all, items...)
	}
	return true, c.save(all, now)
}

func (c *Cache) save(items []Item, now time.Time) error {
	return store.InTx(c.db, func(tx *sql.Tx) error {
		for _, it := range items {
			pub := ""
			if !it.Published.IsZero() {
				pub = it.Published.UTC().Format(time.RFC3339)
			}
			_, err := tx.Exec(`INSERT INTO alerts_item(guid, feed, title, link, summary, published)
				VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(guid) DO UPDATE SET
				feed = excluded.feed, title = excluded.title, link = excluded.link,
				summary = excluded.summary, published = excluded.published`,
				it.GUID, it.Feed, it.Title, it.Link, it.Summary, pub)
			if err != nil {
				return fmt.Errorf("cache alert %s: %w", it.GUID, err)
			}
		}
		if _, err := tx.Exec(`DELETE FROM alerts_item WHERE guid NOT IN
			(SELECT guid FROM alerts_item ORDER BY published DESC LIMIT ?)`, keep); err != nil {
			return fmt.Errorf("trim alerts cache: %w", err)
		}
		return setTx(tx, keyLastCheck, now.UTC().Format(time.RFC3339))
	})
}

// Items returns the cached alerts, newest first, at most limit (0: all).
func (c *Cache) Items(limit int) ([]Item, error) {
	q := `SELECT guid, feed, title, link, summary, published FROM alerts_item ORDER BY published DESC, guid`
	if limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", limit)
	}
	rows, err := c.db.Query(q)
	if err != nil {
		return nil, fmt.Errorf("read alerts cache: %w", err)
	}
	defer rows.Close()
	var out []Item
	for rows.Next() {
		var it Item
		var pub string
		if err := rows.Scan(&it.GUID, &it.Feed, &it.Title, &it.Link, &it.Summary, &pub); err != nil {
			return nil, fmt.Errorf("read alerts cache: %w", err)
		}
		it.Published, _ = time.Parse(time.RFC3339, pub)
		out = append(out, it)
	}
	return out, rows.Err()
}

// Latest returns the newest cached alert of the "alerte" feed, for the
// dashboard; ok is false when none is cached.
func (c *Cache) Latest() (it Item, ok bool, err error) {
	items, err := c.Items(0)
	if err != nil {
		return Item{}, false, err
	}
	for _, it := range items {
		if it.Feed == "alerte" {
			return it, true, nil
		}
	}
	return Item{}, false, nil
}
