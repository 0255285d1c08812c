package checks

import (
	"database/sql"
	"fmt"
	"strings"
)

// maxName bounds an account name: it is a label, not a document.
const maxName = 200

func validAccount(a Account) error {
	name := strings.TrimSpace(a.Name)
	switch {
	case name == "" || len(name) > maxName:
		return fmt.Errorf("account name: %w", ErrInvalid)
	case !ValidKind(a.Kind):
		return fmt.Errorf("account kind %q: %w", a.Kind, ErrInvalid)
	case !ValidMethod(a.Method):
		return fmt.Errorf("account method %q: %w", a.Method, ErrInvalid)
	}
	return nil
}

// normalise keeps "off" consistent: an account without 2FA has no method.
func normalise(a Account) Account {
	a.Name = strings.TrimSpace(a.Name)
	if !a.Enabled {
		a.Method = MethodNone
	}
	return a
}

// AddAccount adds a to the two-factor inventory and returns its id.
func (c *Checklist) AddAccount(a Account) (int64, error) {
	if err := validAccount(a); err != nil {
		return 0, err
	}
	a = normalise(a)
	var id int64
	err := c.write(func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO twofa_account(name, kind, enabled, method) VALUES(?, ?, ?, ?)`,
			a.Name, string(a.Kind), a.Enabled, string(a.Method))
		if err != nil {
			return fmt.Errorf("add 2FA account: %w", err)
		}
		id, err = res.LastInsertId()
		return err
	})
	return id, err
}

// UpdateAccount replaces the account with a.ID.
func (c *Checklist) UpdateAccount(a Account) error {
	if err := validAccount(a); err != nil {
		return err
	}
	a = normalise(a)
	return c.write(func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE twofa_account SET name = ?, kind = ?, enabled = ?, method = ? WHERE id = ?`,
			a.Name, string(a.Kind), a.Enabled, string(a.Method), a.ID)
		if err != nil {
			return fmt.Errorf("update 2FA account %d: %w", a.ID, err)
		}
		return nil
	})
}

// DeleteAccount removes the account with id from the inventory.
func (c *Checklist) DeleteAccount(id int64) error {
	return c.write(func(tx *sql.Tx) error {
		if _, err := tx.Exec(`DELETE FROM twofa_account WHERE id = ?`, id); err != nil {
			return fmt.Errorf("delete 2FA account %d: %w", id, err)
		}
		return nil
	})
}
