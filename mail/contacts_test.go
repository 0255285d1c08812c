package mail

import (
	"slices"
	"testing"
)

func TestContactsFromHistory(t *testing.T) {
	safe := map[string]int{
		`"Hélène Dupré" <helene.dupre@cabinet-dupre.fr>`: 3, // a colleague
		`"Julien Roux" <JRoux@kine-roux.fr>`:             1, // once, then …
		`"Julien Roux" <jroux@kine-roux.fr>`:             1, // … again: the case differs, the address is one
		`"Paul Henry" <paul.henry@gmail.com>`:            2, // writes from two addresses:
		`"Paul Henry" <p.henry@cabinet-henry.fr>`:        2, // known, but the name flags neither
		`"Service client" <service@boutique.fr>`:         5, // a role, not a person
		`"Claire Martin" <claire@exemple-kine.fr>`:       1, // once only
		`<rappels@cabinet-dupre.fr>`:                     2, // no name
		`Undisclosed recipients`:                         4, // no address
		`"Brisé" <pas une adresse>`:                      9,
	}
	got := ContactsFromHistory(safe)
	slices.Sort(got)
	want := []string{
		`"Julien Roux" <jroux@kine-roux.fr>`,
		"<p.henry@cabinet-henry.fr>",
		"<paul.henry@gmail.com>",
		"<rappels@cabinet-dupre.fr>",
		"<service@boutique.fr>",
		"=?utf-8?q?H=C3=A9l=C3=A8ne_Dupr=C3=A9?= <helene.dupre@cabinet-dupre.fr>",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("ContactsFromHistory =\n%q\nwant\n%q", got, want)
	}
	book := newContactBook(got, nil)
	if !slices.Equal(book.names["helene dupre"], []string{"helene.dupre@cabinet-dupre.fr"}) || len(book.names) != 2 {
		t.Errorf("names read back = %v", book.names)
	}
}
