package ui

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hygie/mail/mailbox"
)

// answers records what a dialog's callback was given.
type answers []bool

func (a *answers) record(ok bool) { *a = append(*a, ok) }

// TestConfirmDialogTakesEnterAndEscape: a confirmation (Hygie asks one
// only before removing something) opens on « Annuler », so a reflex Enter
// keeps things; Tab then Enter presses the main action; Escape, on a
// button or with nothing focused, answers as « Annuler ».
func TestConfirmDialogTakesEnterAndEscape(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("écran"))
	w.Resize(fyne.NewSize(900, 600))
	c := w.Canvas()
	var got answers
	d := newConfirmDialog("Retirer ce compte ?", "« Doctolib » ne sera plus dans l'inventaire.", got.record, w)
	d.SetConfirmText("Retirer")
	d.SetDismissText("Annuler")

	d.Show()
	if c.Focused() != d.dismiss {
		t.Fatalf("focused %v on opening, want « Annuler »", c.Focused())
	}
	pressKey(c, fyne.KeyReturn)
	if len(got) != 1 || got[0] || c.Overlays().Top() != nil {
		t.Fatalf("Enter on opening: answers %v, dialog open %v; want [false] and closed", got, c.Overlays().Top() != nil)
	}

	d.Show()
	c.FocusNext()
	if c.Focused() != d.confirm {
		t.Fatalf("focused %v after Tab, want « Retirer »", c.Focused())
	}
	pressKey(c, fyne.KeyReturn)
	if len(got) != 2 || !got[1] || c.Overlays().Top() != nil {
		t.Fatalf("Tab, Enter: answers %v, dialog open %v; want true and closed", got, c.Overlays().Top() != nil)
	}

	d.Show()
	pressKey(c, fyne.KeyEscape)
	if len(got) != 3 || got[2] || c.Overlays().Top() != nil {
		t.Fatalf("Escape: answers %v, dialog open %v; want false and closed", got, c.Overlays().Top() != nil)
	}

	d.Show()
	c.Unfocus()
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) // what the window does with nothing focused
	if len(got) != 4 || got[3] || c.Overlays().Top() != nil {
		t.Fatalf("Escape with nothing focused: answers %v, dialog open %v", got, c.Overlays().Top() != nil)
	}
	if c.OnTypedKey() != nil {
		t.Error("the closed dialog still takes the window's keys")
	}
}

// TestDialogButtonsAreOurs: every kind of dialog Hygie opens has buttons
// Enter presses, with Fyne's texts and the main action last and
// highlighted.
func TestDialogButtonsAreOurs(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("écran"))
	w.Resize(fyne.NewSize(900, 600))
	c := w.Canvas()
	entry := widget.NewEntry()
	for name, tc := range map[string]struct {
		d    *dialogBox
		want string
	}{
		"information": {newInformation("Lecture seule", "Hygie ne peut rien enregistrer.", w), "OK"},
		"confirm":     {newConfirmDialog("Supprimer ce compte", "Le mot de passe sera retiré.", nil, w), lang.L("No") + " | " + lang.L("Yes")},
		"custom":      {newCustomConfirm("Certificat", "Faire confiance", "Annuler", widget.NewLabel("…"), nil, w), "Annuler | Faire confiance"},
		"form":        {newFormDialog("Non applicable", "Enregistrer", "Annuler", []*widget.FormItem{widget.NewFormItem("Raison", entry)}, nil, w), "Annuler | Enregistrer"},
		"guide":       {newCustomDialog("Guide", "Fermer", widget.NewLabel("…"), w), "Fermer"},
	} {
		tc.d.Show()
		var labels []string
		walkObjects(c.Overlays().Top(), func(o fyne.CanvasObject) bool {
			if !o.Visible() {
				return false // a form's unused submit button
			}
			switch b := o.(type) {
			case *widget.Button:
				t.Errorf("%s: Fyne's button %q, which Enter does not press", name, b.Text)
			case *button:
				labels = append(labels, b.Text)
			}
			return true
		})
		if got := strings.Join(labels, " | "); got != tc.want {
			t.Errorf("%s: buttons %q, want %q", name, got, tc.want)
		}
		if tc.d.confirm != nil && tc.d.confirm.Importance != widget.HighImportance {
			t.Errorf("%s: the main action is not highlighted", name)
		}
		tc.d.Hide()
	}
}

// TestFormDialogFocusesTheFirstField: a form opens on its first field;
// the main action waits for a valid value, then Enter on it saves; Escape
// in the field answers as « Annuler ».
func TestFormDialogFocusesTheFirstField(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("écran"))
	w.Resize(fyne.NewSize(900, 600))
	c := w.Canvas()
	reason := newField()
	reason.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("empty")
		}
		return nil
	}
	var got answers
	d := newFormDialog("Non applicable au cabinet", "Enregistrer", "Annuler",
		[]*widget.FormItem{widget.NewFormItem("Geste", widget.NewLabel("Doctolib")), widget.NewFormItem("Raison", reason)}, got.record, w)
	d.Show()
	if c.Focused() != reason {
		t.Fatalf("focused %v on opening, want the reason", c.Focused())
	}
	c.Focus(d.confirm)
	if c.Focused() == d.confirm {
		t.Error("« Enregistrer » takes the focus while the reason is empty")
	}
	d.Confirm()
	if len(got) != 0 {
		t.Fatalf("saved with an empty reason: %v", got)
	}
	test.Type(reason, "pas de compte")
	c.Focus(d.confirm)
	pressKey(c, fyne.KeyEnter)
	if len(got) != 1 || !got[0] {
		t.Errorf("Enter on « Enregistrer »: answers %v, want [true]", got)
	}
	d.Show()
	if c.Focused() != reason {
		t.Fatalf("focused %v on opening again, want the reason", c.Focused())
	}
	pressKey(c, fyne.KeyEscape)
	if len(got) != 2 || got[1] || c.Overlays().Top() != nil {
		t.Errorf("Escape in the field: answers %v, dialog open %v; want false and closed", got, c.Overlays().Top() != nil)
	}
}

// TestTwoFARemovalByKeyboard: on the screen, « Retirer » asks; Escape or
// a reflex Enter keeps the account, Tab then Enter removes it.
func TestTwoFARemovalByKeyboard(t *testing.T) {
	env := newHygieneEnv(t, true)
	m := env.hygiene
	s := newTwoFAScreen(m)
	env.Win.SetContent(s.content())
	test.Type(s.name, "Doctolib")
	test.Tap(s.add)
	c := env.Win.Canvas()
	tapButton(t, s.list.Objects[0], "Retirer")
	pressKey(c, fyne.KeyEscape)
	if len(m.rec.Accounts) != 1 || c.Overlays().Top() != nil {
		t.Fatalf("Escape: %d accounts, dialog open %v; want the account kept and the dialog closed", len(m.rec.Accounts), c.Overlays().Top() != nil)
	}
	tapButton(t, s.list.Objects[0], "Retirer")
	pressKey(c, fyne.KeyReturn)
	if len(m.rec.Accounts) != 1 {
		t.Fatalf("Enter on opening: %d accounts, want the account kept", len(m.rec.Accounts))
	}
	tapButton(t, s.list.Objects[0], "Retirer")
	c.FocusNext()
	pressKey(c, fyne.KeyReturn)
	if len(m.rec.Accounts) != 0 {
		t.Errorf("Enter: %d accounts, want the account removed", len(m.rec.Accounts))
	}
}

// TestDisclosureOpensWithEnter: Tab reaches the header, Enter opens the
// detail and keeps the focus, Space closes it, a tap opens it again.
func TestDisclosureOpensWithEnter(t *testing.T) {
	test.NewTempApp(t)
	detail := widget.NewLabel("sudo ufw status : inactive")
	d := newDisclosure("Détails", detail)
	w := test.NewTempWindow(t, container.NewVBox(widget.NewLabel("Pare-feu"), d))
	c := w.Canvas()
	if d.IsOpen() || detail.Visible() {
		t.Fatal("the detail shows before it is opened")
	}
	test.FocusNext(c)
	if c.Focused() != d.header {
		t.Fatalf("Tab focuses %v, want the « Détails » header", c.Focused())
	}
	pressKey(c, fyne.KeyReturn)
	if !d.IsOpen() || !detail.Visible() || c.Focused() != d.header {
		t.Errorf("Enter: open %v, detail shown %v, focus kept %v", d.IsOpen(), detail.Visible(), c.Focused() == d.header)
	}
	if got := collectTexts(w.Content()); !walkSees(got, "Détails") || !walkSees(got, "sudo ufw status : inactive") {
		t.Errorf("the walk sees %v, want the header and the open detail", got)
	}
	pressKey(c, fyne.KeySpace)
	if d.IsOpen() || detail.Visible() {
		t.Error("Space left the detail open")
	}
	if got := collectTexts(w.Content()); walkSees(got, "sudo ufw status : inactive") {
		t.Errorf("the walk sees the closed detail: %v", got)
	}
	test.Tap(d.header)
	if !d.IsOpen() {
		t.Error("a tap did not open the detail")
	}
}

func walkSees(texts []pageText, s string) bool {
	for _, p := range texts {
		if p.text == s {
			return true
		}
	}
	return false
}

// fyneDialogsAllowed are the dialog constructors Hygie may still call:
// the file choosers, Fyne's own, and the bare dialog ours build on.
var fyneDialogsAllowed = map[string]bool{
	"NewCustomWithoutButtons": true,
	"NewFileOpen":             true, "NewFileSave": true, "NewFolderOpen": true,
	"ShowFileOpen": true, "ShowFileSave": true, "ShowFolderOpen": true,
}

// TestNoFyneDialogButtons: no screen builds a Fyne dialog whose buttons
// Enter does not press; dialogs.go has the same dialogs with ours.
func TestNoFyneDialogButtons(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	call := regexp.MustCompile(`\bdialog\.((?:New|Show)\w*)\(`)
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllSubmatch(src, -1) {
			if !fyneDialogsAllowed[string(m[1])] {
				t.Errorf("%s: dialog.%s, whose buttons Enter does not press: use its twin in dialogs.go", name, m[1])
			}
		}
	}
}

// TestAccountFormByKeyboard: the new account form opens on the address;
// Escape there closes it as « Annuler ».
func TestAccountFormByKeyboard(t *testing.T) {
	SetupLanguage(langFR)
	f := newMailFixture(t, &mailbox.MemoryKeychain{}, false)
	form := f.s.openAccountForm(nil)
	c := f.env.Win.Canvas()
	if c.Focused() != form.si.address {
		t.Fatalf("focused %v on opening, want the address", c.Focused())
	}
	pressKey(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil {
		t.Error("Escape in the address left the form open")
	}
}
