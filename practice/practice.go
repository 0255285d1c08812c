// Package practice keeps the practice's own people (associates, locums,
// the secretary, with their usual addresses) and its usual suppliers and
// providers (the accountant, the software vendor, the IT provider, the
// bank, with their domains) in Hygie's local database, so that the mail
// analysis knows them from day one (mail.Options.KnownPeople and
// KnownSuppliers). Nothing leaves the computer.
//
// API for the Réglages screen (plain Go, no Fyne; every write is one
// transaction, so a failed write changes nothing):
//
//	st, err := practice.Open(db)           // db from store.Open; creates the tables
//	people, err := st.People()             // sorted by name
//	id, err := st.AddPerson(practice.Person{Name: "Hélène Garcia", Role: "associée",
//		Addresses: []string{"helene.garcia@cabinet-martin.fr"}})
//	err = st.UpdatePerson(p)               // p.ID from People; ErrNotFound if gone
//	err = st.RemovePerson(id)
//	sups, err := st.Suppliers()
//	id, err = st.AddSupplier(practice.Supplier{Name: "Cabinet comptable Roche",
//		Kind: practice.KindAccountant, Domains: []string{"cabinet-comptable-roche.fr"}})
//	err = st.UpdateSupplier(s); err = st.RemoveSupplier(id)
//	opts, err = st.Apply(opts)             // fills opts.KnownPeople and KnownSuppliers
//
// Bad input gives an error matching ErrInvalid whose message is a French
// sentence for the user (`errors.Is(err, practice.ErrInvalid)`: show
// err.Error() as is); a vanished id gives ErrNotFound. Addresses are kept lower-case; domains are reduced to
// their host ("https://www.exemple.fr/" and "@exemple.fr" give
// "exemple.fr"). Roles and kinds are free text; the Role* and Kind*
// constants are the usual ones, for a choice list.
package practice

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/mail"
	"sort"
	"strings"

	hmail "hygie/mail"
	"hygie/store"
)

// The usual roles of the practice's people and kinds of suppliers.
const (
	RoleAssociate = "associé"
	RoleLocum     = "remplaçant"
	RoleSecretary = "secrétaire"

	KindAccountant = "comptable"
	KindSoftware   = "logiciel"
	KindIT         = "informatique"
	KindBank       = "banque"
	KindSupplier   = "fournisseur"
)

// Person is one of the practice's people.
type Person struct {
	ID        int64    `json:"id"`
	Name      string   `json:"name"`
	Role      string   `json:"role,omitempty"`
	Addresses []string `json:"addresses"`
}

// Supplier is one of the practice's usual suppliers or providers.
type Supplier struct {
	ID      int64    `json:"id"`
	Name    string   `json:"name"`
	Kind    string   `json:"kind,omitempty"`
	Domains []string `json:"domains"`
}

// Errors of the store. ErrInvalid wraps a French sentence for the user.
var (
	ErrInvalid  = errors.New("practice: invalid entry")
	ErrNotFound = errors.New("practice: no such entry")
)

// component is this package's name in the schema_version table.
const component = "practice"

// migrations are the numbered schema changes of this package's tables;
// migrations[0] is version 1. Never edit one that has shipped: append.
var migrations = []string{
	// 1: the practice's people and suppliers; addresses and domains are
	// JSON arrays of lower-case strings.
	`CREATE TABLE practice_people (
		id        INTEGER PRIMARY KEY AUTOINCREMENT,
		name      TEXT NOT NULL,
		role      TEXT NOT NULL DEFAULT '',
		addresses TEXT NOT NULL
	);
	CREATE TABLE practice_suppliers (
		id      INTEGER PRIMARY KEY AUTOINCREMENT,
		name    TEXT NOT NULL,
		kind    TEXT NOT NULL DEFAULT '',
		domains TEXT NOT NULL
	);`,
}

// Store keeps the practice's people and suppliers in Hygie's database.
type Store struct {
	db *sql.DB
}

// Open brings this package's tables up to date in db and returns a Store.
func Open(db *sql.DB) (*Store, error) {
	if err := store.Migrate(db, component, migrations); err != nil {
		return nil, fmt.Errorf("practice tables: %w", err)
	}
	return &Store{db: db}, nil
}

// invalid is a French sentence for the user that matches ErrInvalid.
func invalid(format string, args ...any) error {
	return &invalidError{fmt.Sprintf(format, args...)}
}

type invalidError struct{ sentence string }

func (e *invalidError) Error() string        { return e.sentence }
func (e *invalidError) Is(target error) bool { return target == ErrInvalid }

// cleanPerson checks and normalises p.
func cleanPerson(p Person) (Person, error) {
	p.Name, p.Role = strings.TrimSpace(p.Name), strings.TrimSpace(p.Role)
	if p.Name == "" {
		return p, invalid("indiquez le nom de la personne")
	}
	var addrs []string
	for _, a := range p.Addresses {
		a = strings.ToLower(strings.TrimSpace(a))
		if a == "" {
			continue
		}
		parsed, err := mail.ParseAddress(a)
		if err != nil || strings.Count(parsed.Address, "@") != 1 || !strings.Contains(parsed.Address[strings.IndexByte(parsed.Address, '@'):], ".") {
			return p, invalid("« %s » n'est pas une adresse e-mail valable", a)
		}
		if !contains(addrs, parsed.Address) {
			addrs = append(addrs, parsed.Address)
		}
	}
	if len(addrs) == 0 {
		return p, invalid("indiquez au moins une adresse e-mail habituelle de %s", p.Name)
	}
	p.Addresses = addrs
	return p, nil
}

// cleanDomain reduces what the user typed to a host name.
func cleanDomain(d string) string {
	d = strings.ToLower(strings.TrimSpace(d))
	if i := strings.Index(d, "://"); i >= 0 {
		d = d[i+3:]
	}
	if i := strings.LastIndexByte(d, '@'); i >= 0 {
		d = d[i+1:]
	}
	if i := strings.IndexAny(d, "/?#:"); i >= 0 {
		d = d[:i]
	}
	return strings.TrimPrefix(strings.Trim(d, "."), "www.")
}

func validDomain(d string) bool {
	if !strings.Contains(d, ".") || len(d) > 253 || strings.Contains(d, "..") {
		return false
	}
	for _, r := range d {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '.' || r > 127) {
			return false
		}
	}
	return true
}

// cleanSupplier checks and normalises s.
func cleanSupplier(s Supplier) (Supplier, error) {
	s.Name, s.Kind = strings.TrimSpace(s.Name), strings.TrimSpace(s.Kind)
	if s.Name == "" {
		return s, invalid("indiquez le nom du fournisseur ou du prestataire")
	}
	var doms []string
	for _, d := range s.Domains {
		raw := strings.TrimSpace(d)
		if d = cleanDomain(d); d == "" {
			continue
		}
		if !validDomain(d) {
			return s, invalid("« %s » n'est pas un nom de domaine valable (exemple : cabinet-comptable.fr)", raw)
		}
		if !contains(doms, d) {
			doms = append(doms, d)
		}
	}
	if len(doms) == 0 {
		return s, invalid("indiquez au moins un domaine de %s (ce qui suit le @ de ses adresses)", s.Name)
	}
	s.Domains = doms
	return s, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// People lists the practice's people by name.
func (s *Store) People() ([]Person, error) {
	rows, err := s.db.Query(`SELECT id, name, role, addresses FROM practice_people`)
	if err != nil {
		return nil, fmt.Errorf("list practice people: %w", err)
	}
	defer rows.Close()
	var out []Person
	for rows.Next() {
		var p Person
		var addrs string
		if err := rows.Scan(&p.ID, &p.Name, &p.Role, &addrs); err != nil {
			return nil, fmt.Errorf("read practice person: %w", err)
		}
		if err := json.Unmarshal([]byte(addrs), &p.Addresses); err != nil {
			return nil, fmt.Errorf("read addresses of %s: %w", p.Name, err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list practice people: %w", err)
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out, nil
}

// AddPerson saves a new person and returns its id.
func (s *Store) AddPerson(p Person) (int64, error) {
	p, err := cleanPerson(p)
	if err != nil {
		return 0, err
	}
	addrs, _ := json.Marshal(p.Addresses)
	var id int64
	err = store.InTx(s.db, func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO practice_people(name, role, addresses) VALUES(?, ?, ?)`, p.Name, p.Role, string(addrs))
		if err != nil {
			return fmt.Errorf("add person %s: %w", p.Name, err)
		}
		id, err = res.LastInsertId()
		return err
	})
	return id, err
}

// UpdatePerson replaces the person with p.ID.
func (s *Store) UpdatePerson(p Person) error {
	p, err := cleanPerson(p)
	if err != nil {
		return err
	}
	addrs, _ := json.Marshal(p.Addresses)
	return s.change(`UPDATE practice_people SET name = ?, role = ?, addresses = ? WHERE id = ?`, p.ID, p.Name, p.Role, string(addrs), p.ID)
}

// RemovePerson forgets the person with id.
func (s *Store) RemovePerson(id int64) error {
	return s.change(`DELETE FROM practice_people WHERE id = ?`, id, id)
}

// Suppliers lists the practice's suppliers by name.
func (s *Store) Suppliers() ([]Supplier, error) {
	rows, err := s.db.Query(`SELECT id, name, kind, domains FROM practice_suppliers`)
	if err != nil {
		return nil, fmt.Errorf("list practice suppliers: %w", err)
	}
	defer rows.Close()
	var out []Supplier
	for rows.Next() {
		var sp Supplier
		var doms string
		if err := rows.Scan(&sp.ID, &sp.Name, &sp.Kind, &doms); err != nil {
			return nil, fmt.Errorf("read practice supplier: %w", err)
		}
		if err := json.Unmarshal([]byte(doms), &sp.Domains); err != nil {
			return nil, fmt.Errorf("read domains of %s: %w", sp.Name, err)
		}
		out = append(out, sp)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list practice suppliers: %w", err)
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out, nil
}

// AddSupplier saves a new supplier and returns its id.
func (s *Store) AddSupplier(sp Supplier) (int64, error) {
	sp, err := cleanSupplier(sp)
	if err != nil {
		return 0, err
	}
	doms, _ := json.Marshal(sp.Domains)
	var id int64
	err = store.InTx(s.db, func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO practice_suppliers(name, kind, domains) VALUES(?, ?, ?)`, sp.Name, sp.Kind, string(doms))
		if err != nil {
			return fmt.Errorf("add supplier %s: %w", sp.Name, err)
		}
		id, err = res.LastInsertId()
		return err
	})
	return id, err
}

// UpdateSupplier replaces the supplier with sp.ID.
func (s *Store) UpdateSupplier(sp Supplier) error {
	sp, err := cleanSupplier(sp)
	if err != nil {
		return err
	}
	doms, _ := json.Marshal(sp.Domains)
	return s.change(`UPDATE practice_suppliers SET name = ?, kind = ?, domains = ? WHERE id = ?`, sp.ID, sp.Name, sp.Kind, string(doms), sp.ID)
}

// RemoveSupplier forgets the supplier with id.
func (s *Store) RemoveSupplier(id int64) error {
	return s.change(`DELETE FROM practice_suppliers WHERE id = ?`, id, id)
}

// change runs one statement that must touch the row id, in a transaction.
func (s *Store) change(query string, id int64, args ...any) error {
	return store.InTx(s.db, func(tx *sql.Tx) error {
		res, err := tx.Exec(query, args...)
		if err != nil {
			return fmt.Errorf("practice entry %d: %w", id, err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return fmt.Errorf("practice entry %d: %w", id, ErrNotFound)
		}
		return nil
	})
}

// Apply returns opts with the practice's people and suppliers added to
// KnownPeople and KnownSuppliers, for mail.NewAnalyzer.
func (s *Store) Apply(opts hmail.Options) (hmail.Options, error) {
	people, err := s.People()
	if err != nil {
		return opts, err
	}
	sups, err := s.Suppliers()
	if err != nil {
		return opts, err
	}
	opts.KnownPeople = append([]hmail.Person(nil), opts.KnownPeople...)
	for _, p := range people {
		opts.KnownPeople = append(opts.KnownPeople, hmail.Person{Name: p.Name, Role: p.Role, Addresses: p.Addresses})
	}
	opts.KnownSuppliers = append([]hmail.Supplier(nil), opts.KnownSuppliers...)
	for _, sp := range sups {
		opts.KnownSuppliers = append(opts.KnownSuppliers, hmail.Supplier{Name: sp.Name, Kind: sp.Kind, Domains: sp.Domains})
	}
	return opts, nil
}
