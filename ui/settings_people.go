package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hygie/practice"
)

// peopleCard is « Les personnes et fournisseurs du cabinet » in Réglages:
// the practice's people and usual suppliers, which the mail analysis
// knows from day one (package practice).
type peopleCard struct {
	env               *Env
	people            []practice.Person
	suppliers         []practice.Supplier
	peopleBox, supBox *fyne.Container
	addPerson, addSup *button
	status            *widget.Label

	// form is the dialog open to add or change an entry, nil when none is.
	form *peopleForm
}

// peopleForm is the small dialog that adds or changes a person or a
// supplier; its error line shows what the store refused, and the dialog
// stays open until the entry is saved or the user cancels.
type peopleForm struct {
	dlg          dialog.Dialog
	name         *field
	role         *widget.SelectEntry // the role of a person, the kind of a supplier
	list         *textArea           // addresses or domains, one a line
	errLine      *widget.Label
	save, cancel *button
}

func newPeopleCard(env *Env) *peopleCard {
	c := &peopleCard{env: env, peopleBox: container.NewVBox(), supBox: container.NewVBox()}
	c.status = wrapped("")
	c.status.Hide()
	c.addPerson = newButtonWithIcon(lang.X("settings.people.person.add", "Ajouter une personne"), theme.ContentAddIcon(), func() { c.editPerson(practice.Person{}) })
	c.addSup = newButtonWithIcon(lang.X("settings.people.supplier.add", "Ajouter un fournisseur"), theme.ContentAddIcon(), func() { c.editSupplier(practice.Supplier{}) })
	return c
}

func (c *peopleCard) content() fyne.CanvasObject {
	title := lang.X("settings.people.title", "Les personnes et fournisseurs du cabinet")
	why := wrapped(lang.X("settings.people.why", "Hygie reconnaît ainsi dès le premier jour qui écrit vraiment au cabinet, et signale quelqu'un qui emprunte leur nom ou leur domaine. Ces listes restent sur cet ordinateur."))
	if c.env.practice == nil {
		msg := wrapped(lang.X("settings.people.unavailable", "Ces listes ne peuvent pas être enregistrées car les données d'Hygie sont indisponibles (voir l'accueil)."))
		return widget.NewCard(title, "", container.NewVBox(why, msg))
	}
	c.refresh()
	return widget.NewCard(title, "", container.NewVBox(why,
		listHeading(lang.X("settings.people.people", "Les personnes du cabinet")), c.peopleBox, container.NewHBox(c.addPerson),
		listHeading(lang.X("settings.people.suppliers", "Les fournisseurs et prestataires")), c.supBox, container.NewHBox(c.addSup),
		c.status))
}

// listHeading is a bold label over one of the card's lists.
func listHeading(text string) *widget.Label {
	l := wrapped(text)
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}

// refresh reads both lists again and shows them.
func (c *peopleCard) refresh() {
	people, err := c.env.practice.People()
	if err == nil {
		var sups []practice.Supplier
		if sups, err = c.env.practice.Suppliers(); err == nil {
			c.people, c.suppliers = people, sups
		}
	}
	if err != nil {
		fyne.LogError("read practice people and suppliers", err)
		c.showStatus(lang.X("settings.people.readerr", "Les listes n'ont pas pu être lues. Rien n'a été effacé : réessayez dans un instant."))
	}
	c.peopleBox.Objects = nil
	for _, p := range c.people {
		text := p.Name
		if p.Role != "" {
			text += " (" + usualLabel(p.Role) + ")"
		}
		text += " — " + strings.Join(p.Addresses, ", ")
		c.peopleBox.Add(c.row(text, func() { c.editPerson(p) }, func() { c.confirmRemove(p.Name, func() error { return c.env.practice.RemovePerson(p.ID) }) }))
	}
	if len(c.people) == 0 {
		c.peopleBox.Add(wrapped(lang.X("settings.people.person.none", "Aucune personne pour l'instant : ajoutez vos associés, remplaçants et secrétaire.")))
	}
	c.supBox.Objects = nil
	for _, s := range c.suppliers {
		text := s.Name
		if s.Kind != "" {
			text += " (" + usualLabel(s.Kind) + ")"
		}
		text += " — " + strings.Join(s.Domains, ", ")
		c.supBox.Add(c.row(text, func() { c.editSupplier(s) }, func() { c.confirmRemove(s.Name, func() error { return c.env.practice.RemoveSupplier(s.ID) }) }))
	}
	if len(c.suppliers) == 0 {
		c.supBox.Add(wrapped(lang.X("settings.people.supplier.none", "Aucun fournisseur pour l'instant : ajoutez votre comptable, votre éditeur de logiciel, votre prestataire informatique, votre banque.")))
	}
	c.peopleBox.Refresh()
	c.supBox.Refresh()
}

// row is one entry of a list with its « Modifier » and « Supprimer ».
func (c *peopleCard) row(text string, edit, remove func()) fyne.CanvasObject {
	ed := newButtonWithIcon(lang.X("settings.people.edit", "Modifier"), theme.DocumentCreateIcon(), edit)
	rm := newButtonWithIcon(lang.X("settings.people.remove", "Supprimer"), theme.DeleteIcon(), remove)
	return container.NewBorder(nil, nil, nil, container.NewHBox(ed, rm), wrapped(text))
}

func (c *peopleCard) showStatus(text string) {
	c.status.Importance = widget.DangerImportance
	c.status.SetText(text)
	c.status.Show()
}

// failure is the sentence for an error of the store: the store's own
// French sentence for bad input, else a database failure.
func failure(err error) string {
	switch {
	case errors.Is(err, practice.ErrInvalid):
		return err.Error()
	case errors.Is(err, practice.ErrNotFound):
		return lang.X("settings.people.gone", "Cette entrée n'existe plus : elle a déjà été supprimée.")
	}
	fyne.LogError("save practice people and suppliers", err)
	return lang.X("settings.people.saveerr", "Les données d'Hygie n'ont pas pu être enregistrées. Rien n'a été perdu : réessayez dans un instant.")
}

// usualLabels are the usual roles and kinds in the window's language; what
// is stored stays the package's constant, so a list typed in French reads
// in English too.
func usualLabels() map[string]string {
	return map[string]string{
		practice.RoleAssociate:  lang.X("settings.people.role.associate", "associé"),
		practice.RoleLocum:      lang.X("settings.people.role.locum", "remplaçant"),
		practice.RoleSecretary:  lang.X("settings.people.role.secretary", "secrétaire"),
		practice.KindAccountant: lang.X("settings.people.kind.accountant", "comptable"),
		practice.KindSoftware:   lang.X("settings.people.kind.software", "logiciel"),
		practice.KindIT:         lang.X("settings.people.kind.it", "informatique"),
		practice.KindBank:       lang.X("settings.people.kind.bank", "banque"),
		practice.KindSupplier:   lang.X("settings.people.kind.supplier", "fournisseur"),
	}
}

// usualLabel shows a stored role or kind; other text is shown as typed.
func usualLabel(v string) string {
	if l, ok := usualLabels()[v]; ok {
		return l
	}
	return v
}

// usualValue is what to store for a role or kind typed or chosen.
func usualValue(label string) string {
	label = strings.TrimSpace(label)
	for v, l := range usualLabels() {
		if strings.EqualFold(l, label) {
			return v
		}
	}
	return label
}

// usualChoices are the labels of values, for a choice list.
func usualChoices(values ...string) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = usualLabel(v)
	}
	return out
}

// splitList reads the lines (or commas) of an addresses or domains box.
func splitList(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == ',' || r == ';' || r == ' ' || r == '\t' }) {
		out = append(out, f)
	}
	return out
}

// openForm shows the dialog; save writes the entry and returns the store's
// error, which keeps the dialog open.
func (c *peopleCard) openForm(title, roleLabel, listLabel, listHint string, roles []string, name, role string, list []string, save func(f *peopleForm) error) {
	f := &peopleForm{name: newField(), role: widget.NewSelectEntry(roles), list: newTextArea(), errLine: wrapped("")}
	f.name.SetText(name)
	f.role.SetText(usualLabel(role))
	f.list.SetText(strings.Join(list, "\n"))
	f.list.SetPlaceHolder(listHint)
	f.list.SetMinRowsVisible(3)
	f.errLine.Importance = widget.DangerImportance
	f.errLine.Hide()
	form := widget.NewForm(
		widget.NewFormItem(lang.X("settings.people.name", "Nom"), f.name),
		widget.NewFormItem(roleLabel, f.role),
		widget.NewFormItem(listLabel, f.list),
	)
	f.cancel = newButton(lang.X("settings.people.cancel", "Annuler"), func() { f.dlg.Hide(); c.form = nil })
	f.save = newButtonWithIcon(lang.X("settings.practice.save", "Enregistrer"), theme.DocumentSaveIcon(), func() {
		if err := save(f); err != nil {
			f.errLine.SetText(failure(err))
			f.errLine.Show()
			return
		}
		f.dlg.Hide()
		c.form = nil
		c.refresh()
	})
	f.save.Importance = widget.HighImportance
	content := container.NewVBox(form, f.errLine, container.NewHBox(layout.NewSpacer(), f.cancel, f.save))
	escapeCancels(f.cancel.OnTapped, content)
	f.dlg = dialog.NewCustomWithoutButtons(title, content, c.env.Win)
	f.dlg.Resize(fyne.NewSize(520, f.dlg.MinSize().Height))
	c.form = f
	f.dlg.Show()
	c.env.Win.Canvas().Focus(f.name)
}

func (c *peopleCard) editPerson(p practice.Person) {
	title := lang.X("settings.people.person.new", "Ajouter une personne")
	if p.ID != 0 {
		title = lang.X("settings.people.person.change", "Modifier une personne")
	}
	c.openForm(title, lang.X("settings.people.role", "Rôle"), lang.X("settings.people.addresses", "Adresses habituelles"),
		lang.X("settings.people.addresses.hint", "une adresse par ligne"),
		usualChoices(practice.RoleAssociate, practice.RoleLocum, practice.RoleSecretary), p.Name, p.Role, p.Addresses,
		func(f *peopleForm) error {
			q := practice.Person{ID: p.ID, Name: f.name.Text, Role: usualValue(f.role.Text), Addresses: splitList(f.list.Text)}
			if q.ID == 0 {
				_, err := c.env.practice.AddPerson(q)
				return err
			}
			return c.env.practice.UpdatePerson(q)
		})
}

func (c *peopleCard) editSupplier(s practice.Supplier) {
	title := lang.X("settings.people.supplier.new", "Ajouter un fournisseur")
	if s.ID != 0 {
		title = lang.X("settings.people.supplier.change", "Modifier un fournisseur")
	}
	c.openForm(title, lang.X("settings.people.kind", "Type"), lang.X("settings.people.domains", "Domaines"),
		lang.X("settings.people.domains.hint", "un domaine par ligne, par exemple exemple.fr"),
		usualChoices(practice.KindAccountant, practice.KindSoftware, practice.KindIT, practice.KindBank, practice.KindSupplier), s.Name, s.Kind, s.Domains,
		func(f *peopleForm) error {
			q := practice.Supplier{ID: s.ID, Name: f.name.Text, Kind: usualValue(f.role.Text), Domains: splitList(f.list.Text)}
			if q.ID == 0 {
				_, err := c.env.practice.AddSupplier(q)
				return err
			}
			return c.env.practice.UpdateSupplier(q)
		})
}

// confirmRemove asks before remove runs; a failure says so under the lists.
func (c *peopleCard) confirmRemove(name string, remove func() error) {
	d := newConfirmDialog(lang.X("settings.people.remove.title", "Supprimer ?"),
		lang.X("settings.people.remove.ask", "Retirer « {{.Name}} » de la liste ? Hygie ne le reconnaîtra plus comme un correspondant du cabinet.", map[string]string{"Name": name}),
		func(ok bool) {
			if !ok {
				return
			}
			if err := remove(); err != nil {
				c.showStatus(failure(err))
			} else {
				c.status.Hide()
			}
			c.refresh()
		}, c.env.Win)
	d.SetConfirmText(lang.X("settings.people.remove", "Supprimer"))
	d.SetDismissText(lang.X("settings.people.cancel", "Annuler"))
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}
