package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hygie/checks"
)

// twoFAScreen is the inventory of the practice's accounts and whether
// two-factor authentication protects them. Only facts are kept, never a
// password or a code.
type twoFAScreen struct {
	m       *hygieneModel
	name    *widget.Entry
	kind    *widget.Select
	enabled *widget.Check
	method  *widget.Select
	add     *button
	list    *fyne.Container
}

func kindLabel(k checks.Kind) string {
	switch k {
	case checks.KindMail:
		return lang.X("hygiene.kind.mail", "Messagerie")
	case checks.KindMSSante:
		return lang.X("hygiene.kind.mssante", "MSSanté")
	case checks.KindSoftware:
		return lang.X("hygiene.kind.software", "Logiciel métier")
	case checks.KindAmeliPro:
		return lang.X("hygiene.kind.amelipro", "Ameli Pro")
	case checks.KindBank:
		return lang.X("hygiene.kind.bank", "Banque")
	case checks.KindDoctolib:
		return lang.X("hygiene.kind.doctolib", "Doctolib")
	}
	return lang.X("hygiene.kind.other", "Autre")
}

func methodLabel(m checks.Method) string {
	switch m {
	case checks.MethodApp:
		return lang.X("hygiene.method.app", "Application (code à 6 chiffres)")
	case checks.MethodBankApp:
		return lang.X("hygiene.method.bankapp", "Validation dans l'application de la banque")
	case checks.MethodSMS:
		return lang.X("hygiene.method.sms", "SMS")
	case checks.MethodKey:
		return lang.X("hygiene.method.key", "Clé de sécurité")
	case checks.MethodCPS:
		return lang.X("hygiene.method.cps", "Carte CPS ou e-CPS")
	}
	return lang.X("hygiene.method.none", "Non précisée")
}

func adviceLabel(a checks.Advice) string {
	switch a {
	case checks.AdviceEnable:
		return lang.X("hygiene.advice.enable", "À activer en priorité : un mot de passe volé suffit aujourd'hui pour entrer.")
	case checks.AdviceReplaceSMS:
		return lang.X("hygiene.advice.sms", "Le SMS peut être détourné : préférez une application, une clé ou la carte CPS si le service le permet.")
	case checks.AdviceSayMethod:
		return lang.X("hygiene.advice.method", "Précisez la méthode utilisée pour mieux évaluer la protection.")
	}
	return lang.X("hygiene.advice.ok", "Bien protégé.")
}

func newTwoFAScreen(m *hygieneModel) *twoFAScreen {
	s := &twoFAScreen{m: m, name: widget.NewEntry(), list: container.NewVBox()}
	s.name.SetPlaceHolder(lang.X("hygiene.twofa.name", "Nom du compte (ex. : messagerie du cabinet)"))
	kinds := checks.Kinds()
	labels := make([]string, len(kinds))
	for i, k := range kinds {
		labels[i] = kindLabel(k)
	}
	s.kind = widget.NewSelect(labels, nil)
	s.kind.SetSelectedIndex(0)
	mlabels := []string{}
	for _, mm := range checks.Methods() {
		mlabels = append(mlabels, methodLabel(mm))
	}
	s.method = widget.NewSelect(mlabels, nil)
	s.method.PlaceHolder = lang.X("hygiene.twofa.method", "Méthode")
	s.method.Disable()
	s.enabled = widget.NewCheck(lang.X("hygiene.twofa.enabled", "Double authentification activée"), func(on bool) {
		if on {
			s.method.Enable()
		} else {
			s.method.Disable()
		}
	})
	s.add = newButton(lang.X("hygiene.twofa.add", "Ajouter"), s.onAdd)
	if m.readOnly() {
		s.add.Disable()
	}
	m.onChange(s.refresh)
	return s
}

func (s *twoFAScreen) content() fyne.CanvasObject {
	intro := wrapped(lang.X("hygiene.twofa.intro", "Listez les comptes du cabinet et dites si la double authentification les protège. Hygie n'enregistre que ces informations : aucun mot de passe, aucun code."))
	how := newButton(lang.X("hygiene.twofa.guide", "Comment activer la double authentification"), func() { showGuide(s.m.env, "double-authentification") })
	form := container.NewVBox(s.name, container.NewGridWithColumns(3, s.kind, s.enabled, s.method), container.NewHBox(s.add, how))
	s.refresh()
	return border(container.NewVBox(intro, form, widget.NewSeparator()), nil, nil, nil, container.NewVScroll(s.list))
}

func (s *twoFAScreen) onAdd() {
	a := checks.Account{Name: s.name.Text, Kind: checks.Kinds()[max(s.kind.SelectedIndex(), 0)], Enabled: s.enabled.Checked}
	if a.Enabled && s.method.SelectedIndex() >= 0 {
		a.Method = checks.Methods()[s.method.SelectedIndex()]
	}
	ok := s.m.do("add 2FA account", func(l *checks.Checklist) error {
		_, err := l.AddAccount(a)
		return err
	})
	if ok {
		s.name.SetText("")
		s.enabled.SetChecked(false)
		s.method.ClearSelected()
	}
}

// refresh lists the accounts by risk: no 2FA first, then SMS.
func (s *twoFAScreen) refresh() {
	var objs []fyne.CanvasObject
	for _, sg := range checks.Suggestions(s.m.rec.Accounts) {
		objs = append(objs, s.row(sg))
	}
	if len(objs) == 0 {
		objs = append(objs, widget.NewLabel(lang.X("hygiene.twofa.empty", "Aucun compte pour l'instant. Commencez par la messagerie : elle permet de réinitialiser tous les autres.")))
	}
	s.list.Objects = objs
	s.list.Refresh()
}

func (s *twoFAScreen) row(sg checks.Suggestion) fyne.CanvasObject {
	a := sg.Account
	state := lang.X("hygiene.twofa.off", "désactivée")
	if a.Enabled {
		state = methodLabel(a.Method)
	}
	title := wrapped(a.Name + " — " + kindLabel(a.Kind) + " — " + state)
	title.TextStyle.Bold = true
	advice := wrapped(adviceLabel(sg.Advice))
	advice.Importance = map[checks.Advice]widget.Importance{checks.AdviceEnable: widget.DangerImportance, checks.AdviceReplaceSMS: widget.WarningImportance, checks.AdviceNothing: widget.SuccessImportance}[sg.Advice]
	del := newButton(lang.X("hygiene.twofa.delete", "Retirer"), func() { s.confirmDelete(a) })
	edit := newButton(lang.X("hygiene.twofa.edit", "Modifier"), func() { s.editAccount(a) })
	if s.m.readOnly() {
		del.Disable()
		edit.Disable()
	}
	return container.NewBorder(nil, nil, nil, container.NewVBox(container.NewHBox(edit, del)), container.NewVBox(title, advice))
}

// editAccount changes whether 2FA is on and its method, the facts that
// change most often (the practitioner turned it on after a suggestion).
func (s *twoFAScreen) editAccount(a checks.Account) {
	if s.m.env.Win == nil {
		return
	}
	name := newField()
	name.SetText(a.Name)
	var mlabels []string
	for _, mm := range checks.Methods() {
		mlabels = append(mlabels, methodLabel(mm))
	}
	method := widget.NewSelect(mlabels, nil)
	for i, mm := range checks.Methods() {
		if mm == a.Method {
			method.SetSelectedIndex(i)
		}
	}
	on := widget.NewCheck(lang.X("hygiene.twofa.enabled", "Double authentification activée"), nil)
	on.SetChecked(a.Enabled)
	items := []*widget.FormItem{
		widget.NewFormItem(lang.X("hygiene.twofa.field.name", "Compte"), name),
		widget.NewFormItem("", on),
		widget.NewFormItem(lang.X("hygiene.twofa.method", "Méthode"), method),
	}
	newFormDialog(lang.X("hygiene.twofa.edit.title", "Modifier le compte"), lang.X("hygiene.na.ok", "Enregistrer"),
		lang.X("hygiene.cancel", "Annuler"), items, func(ok bool) {
			if ok {
				s.update(a, name.Text, on.Checked, method.SelectedIndex())
			}
		}, s.m.env.Win).Show()
}

// update saves the edited account; methodIdx indexes checks.Methods, -1 for none.
func (s *twoFAScreen) update(a checks.Account, name string, on bool, methodIdx int) {
	a.Name, a.Enabled, a.Method = name, on, checks.MethodNone
	if on && methodIdx >= 0 && methodIdx < len(checks.Methods()) {
		a.Method = checks.Methods()[methodIdx]
	}
	s.m.do("update 2FA account", func(l *checks.Checklist) error { return l.UpdateAccount(a) })
}

// confirmDelete asks before removing an account from the inventory: the
// line cannot be brought back except by typing it again.
func (s *twoFAScreen) confirmDelete(a checks.Account) {
	remove := func() {
		s.m.do("delete 2FA account", func(l *checks.Checklist) error { return l.DeleteAccount(a.ID) })
	}
	if s.m.env.Win == nil {
		return
	}
	d := newConfirmDialog(lang.X("hygiene.twofa.delete.title", "Retirer ce compte ?"),
		lang.X("hygiene.twofa.delete.confirm", "« {{.Name}} » ne sera plus dans l'inventaire de la double authentification, ni dans le rapport.", map[string]any{"Name": a.Name}),
		func(ok bool) {
			if ok {
				remove()
			}
		}, s.m.env.Win)
	d.SetConfirmText(lang.X("hygiene.twofa.delete", "Retirer"))
	d.SetDismissText(lang.X("hygiene.cancel", "Annuler"))
	d.Show()
}
