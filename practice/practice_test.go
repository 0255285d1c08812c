package practice

import (
	"errors"
	"reflect"
	"testing"

	"hygie/mail"
	"hygie/store"
)

func newStore(t *testing.T) *Store {
	t.Helper()
	db, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	st, err := Open(db)
	if err != nil {
		t.Fatal(err)
	}
	// Opening again is a no-op migration.
	if _, err := Open(db); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestPeopleRoundTrip(t *testing.T) {
	st := newStore(t)
	id, err := st.AddPerson(Person{Name: " Hélène Garcia ", Role: RoleAssociate, Addresses: []string{"Helene.Garcia@Cabinet-Martin.fr", "", "helene.garcia@cabinet-martin.fr"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddPerson(Person{Name: "Aline Bernard", Role: RoleSecretary, Addresses: []string{"accueil@cabinet-martin.fr"}}); err != nil {
		t.Fatal(err)
	}
	got, err := st.People()
	if err != nil {
		t.Fatal(err)
	}
	want := []Person{
		{ID: 2, Name: "Aline Bernard", Role: RoleSecretary, Addresses: []string{"accueil@cabinet-martin.fr"}},
		{ID: id, Name: "Hélène Garcia", Role: RoleAssociate, Addresses: []string{"helene.garcia@cabinet-martin.fr"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("People = %+v, want %+v", got, want)
	}
	want[1].Addresses = append(want[1].Addresses, "helene.garcia@gmail.com")
	if err := st.UpdatePerson(want[1]); err != nil {
		t.Fatal(err)
	}
	if err := st.RemovePerson(2); err != nil {
		t.Fatal(err)
	}
	got, _ = st.People()
	if !reflect.DeepEqual(got, want[1:]) {
		t.Errorf("after update and remove: %+v", got)
	}
	if err := st.RemovePerson(2); !errors.Is(err, ErrNotFound) {
		t.Errorf("RemovePerson(gone) = %v, want ErrNotFound", err)
	}
	if err := st.UpdatePerson(Person{ID: 99, Name: "X", Addresses: []string{"x@y.fr"}}); !errors.Is(err, ErrNotFound) {
		t.Errorf("UpdatePerson(gone) = %v, want ErrNotFound", err)
	}
}

func TestSuppliersRoundTrip(t *testing.T) {
	st := newStore(t)
	id, err := st.AddSupplier(Supplier{Name: "Cabinet comptable Roche", Kind: KindAccountant,
		Domains: []string{"https://www.Cabinet-Comptable-Roche.fr/contact", "@cabinet-comptable-roche.fr", "roche-expertise.fr"}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := st.Suppliers()
	if err != nil {
		t.Fatal(err)
	}
	want := []Supplier{{ID: id, Name: "Cabinet comptable Roche", Kind: KindAccountant, Domains: []string{"cabinet-comptable-roche.fr", "roche-expertise.fr"}}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Suppliers = %+v, want %+v", got, want)
	}
	opts, err := st.Apply(mail.Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if opts.Lang != "en" || len(opts.KnownSuppliers) != 1 || opts.KnownSuppliers[0].Domains[1] != "roche-expertise.fr" {
		t.Errorf("Apply = %+v", opts)
	}
	if err := st.RemoveSupplier(id); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Suppliers(); len(got) != 0 {
		t.Errorf("after remove: %+v", got)
	}
}

func TestInvalidEntries(t *testing.T) {
	st := newStore(t)
	for _, p := range []Person{
		{Name: "", Addresses: []string{"a@b.fr"}},
		{Name: "Sans adresse"},
		{Name: "Mauvaise adresse", Addresses: []string{"pas une adresse"}},
		{Name: "Sans domaine", Addresses: []string{"a@localhost"}},
	} {
		if _, err := st.AddPerson(p); !errors.Is(err, ErrInvalid) || err.Error() == "" || err.Error()[0] == 'p' && err.Error()[:8] == "practice" {
			t.Errorf("AddPerson(%+v) = %v, want a French ErrInvalid", p, err)
		}
	}
	for _, s := range []Supplier{
		{Name: "", Domains: []string{"a.fr"}},
		{Name: "Sans domaine"},
		{Name: "Mauvais domaine", Domains: []string{"pas un domaine"}},
	} {
		if _, err := st.AddSupplier(s); !errors.Is(err, ErrInvalid) {
			t.Errorf("AddSupplier(%+v) = %v, want ErrInvalid", s, err)
		}
	}
	if p, _ := st.People(); len(p) != 0 {
		t.Errorf("invalid entries were stored: %+v", p)
	}
}
