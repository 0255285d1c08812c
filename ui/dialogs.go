package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Dialogs a keyboard user can answer. Fyne's dialogs draw their own
// buttons, which Enter does not press and which nothing focuses when the
// dialog opens: a keyboard user would first have to Tab through the whole
// dialog, then press Space. Ours are Fyne's custom dialog with our buttons
// in its button row, the same texts, icons and importance; on Show, the
// first field takes the focus, or the main action when there is no field;
// Escape answers as the cancel button does.
//
// Escape reaches a dialog only through what has the focus (see
// keyboard.go): our buttons, fields (field, textArea) and the canvas when
// nothing has the focus pass it on. Fyne's own fields keep it and ignore
// it, so the fields of our dialogs are ours.

// textDialogMaxWidth is the widest a message dialog grows, as Fyne's.
const textDialogMaxWidth = 600

// dialogFocus is what a dialog focuses when it opens.
type dialogFocus int

const (
	focusFirstField dialogFocus = iota // the first field, else the main action
	focusConfirm                       // the main action
	focusDismiss                       // the cancel button: a choice never made by reflex
)

// dialogBox is a dialog whose buttons Enter presses and Escape cancels.
// It is a dialog.Dialog, so screens keep it as they kept Fyne's.
type dialogBox struct {
	*dialog.CustomDialog
	win      fyne.Window
	confirm  *button // nil for a dialog with one button
	dismiss  *button
	callback func(bool)
	focus    dialogFocus
	message  string // a message dialog's text, which sets its width
	sized    bool   // Resize was called: the message no longer sets the width
	answered bool
	hooked   bool // the window's keys come to us while nothing is focused
	prevKey  func(*fyne.KeyEvent)
}

// newDialogBox builds the dialog around content, with a cancel button and,
// when confirm is not "", a main action of HighImportance after it.
func newDialogBox(title, confirm, dismiss string, content fyne.CanvasObject, callback func(bool), win fyne.Window) *dialogBox {
	d := &dialogBox{CustomDialog: dialog.NewCustomWithoutButtons(title, content, win), win: win, callback: callback}
	cancel := func() { d.answer(false) }
	d.dismiss = newButton(dismiss, cancel)
	row := []fyne.CanvasObject{d.dismiss}
	if confirm != "" {
		d.dismiss.Icon = theme.CancelIcon()
		d.confirm = newButtonWithIcon(confirm, theme.ConfirmIcon(), func() { d.answer(true) })
		d.confirm.Importance = widget.HighImportance
		row = append(row, d.confirm)
	} else {
		d.focus = focusDismiss // its only button
	}
	d.SetButtons(row)
	escapeCancels(cancel, append(row, content)...)
	return d
}

// messageLabel is a dialog's message, centred and wrapped as Fyne's.
func messageLabel(message string) *widget.Label {
	return &widget.Label{Text: message, Alignment: fyne.TextAlignCenter, Wrapping: fyne.TextWrapWord}
}

// newConfirmDialog is dialog.NewConfirm: a question, « Non » and « Oui »
// unless SetDismissText and SetConfirmText say otherwise. Hygie asks only
// before removing something, so it opens on « Non »: a reflex Enter keeps
// the account; removing takes Tab then Enter, or a click.
func newConfirmDialog(title, message string, callback func(bool), win fyne.Window) *dialogBox {
	d := newDialogBox(title, lang.L("Yes"), lang.L("No"), messageLabel(message), callback, win)
	d.message = message
	d.SetIcon(theme.QuestionIcon())
	d.focus = focusDismiss
	return d
}

// showConfirmDialog shows newConfirmDialog's dialog.
func showConfirmDialog(title, message string, callback func(bool), win fyne.Window) {
	newConfirmDialog(title, message, callback, win).Show()
}

// newCustomConfirm is dialog.NewCustomConfirm.
func newCustomConfirm(title, confirm, dismiss string, content fyne.CanvasObject, callback func(bool), win fyne.Window) *dialogBox {
	return newDialogBox(title, confirm, dismiss, content, callback, win)
}

// newFormDialog is dialog.NewForm: the main action is disabled while a
// field says its value is not valid.
func newFormDialog(title, confirm, dismiss string, items []*widget.FormItem, callback func(bool), win fyne.Window) *dialogBox {
	form := widget.NewForm(items...)
	d := newDialogBox(title, confirm, dismiss, form, callback, win)
	valid := func(err error) {
		if err != nil {
			d.confirm.Disable()
		} else {
			d.confirm.Enable()
		}
	}
	valid(form.Validate())
	form.SetOnValidationChanged(valid)
	return d
}

// newInformation is dialog.NewInformation: a message and « OK », which
// Enter and Escape both press.
func newInformation(title, message string, win fyne.Window) *dialogBox {
	d := newDialogBox(title, "", lang.L("OK"), messageLabel(message), nil, win)
	d.message = message
	d.SetIcon(theme.InfoIcon())
	return d
}

// showInformation shows newInformation's dialog.
func showInformation(title, message string, win fyne.Window) {
	newInformation(title, message, win).Show()
}

// newCustomDialog is dialog.NewCustom: content and one button that closes
// it.
func newCustomDialog(title, dismiss string, content fyne.CanvasObject, win fyne.Window) *dialogBox {
	return newDialogBox(title, "", dismiss, content, nil, win)
}

// SetConfirmText changes the main action's text.
func (d *dialogBox) SetConfirmText(label string) {
	if d.confirm != nil {
		d.confirm.SetText(label)
	}
}

// SetDismissText changes the cancel button's text.
func (d *dialogBox) SetDismissText(label string) { d.dismiss.SetText(label) }

// SetConfirmImportance changes the main action's colour (DangerImportance
// for a removal).
func (d *dialogBox) SetConfirmImportance(i widget.Importance) {
	if d.confirm != nil {
		d.confirm.Importance = i
		d.confirm.Refresh()
	}
}

// SetOnClosed runs closed after the dialog's answer, whatever it is.
func (d *dialogBox) SetOnClosed(closed func()) {
	prev := d.callback
	d.callback = func(ok bool) {
		if prev != nil {
			prev(ok)
		}
		closed()
	}
}

// Show opens the dialog, sized as Fyne sizes a message, focuses what
// dialogFocus says and takes Escape while nothing in it has the focus.
func (d *dialogBox) Show() {
	d.answered = false
	if d.message != "" && !d.sized {
		w := widget.NewLabel(d.message).MinSize().Width + 32 + 2*theme.Padding() // Fyne's padWidth
		w = min(w, textDialogMaxWidth, d.win.Canvas().Size().Width*0.9)
		d.CustomDialog.Resize(fyne.NewSize(w, d.MinSize().Height))
	}
	d.CustomDialog.Show()
	if c := d.win.Canvas(); !d.hooked {
		d.hooked, d.prevKey = true, c.OnTypedKey()
		c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
			if ev.Name == fyne.KeyEscape {
				d.answer(false)
			} else if d.prevKey != nil {
				d.prevKey(ev)
			}
		})
	}
	d.focusOnShow()
}

// Resize sets the dialog's size, which a message then keeps.
func (d *dialogBox) Resize(size fyne.Size) {
	d.sized = true
	d.CustomDialog.Resize(size)
}

// focusOnShow focuses the first field, the main action or the cancel
// button. The canvas' next focus from nothing is the first focusable
// object of the dialog: a field, or the cancel button when there is none.
func (d *dialogBox) focusOnShow() {
	c := d.win.Canvas()
	target := fyne.Focusable(d.dismiss)
	switch d.focus {
	case focusFirstField:
		c.FocusNext()
		if f := c.Focused(); f != nil && f != fyne.Focusable(d.dismiss) && f != fyne.Focusable(d.confirm) {
			return
		}
		fallthrough
	case focusConfirm:
		if d.confirm != nil && !d.confirm.Disabled() {
			target = d.confirm
		}
	}
	c.Focus(target)
}

// Hide closes the dialog as its cancel button would.
func (d *dialogBox) Hide() { d.answer(false) }

// Dismiss closes the dialog as its cancel button would.
func (d *dialogBox) Dismiss() { d.answer(false) }

// Confirm closes the dialog as its main action would.
func (d *dialogBox) Confirm() { d.answer(true) }

// answer closes the dialog and hands ok to the callback, once: a callback
// that hides the dialog again does not answer twice.
func (d *dialogBox) answer(ok bool) {
	if d.answered {
		return
	}
	if ok && d.confirm != nil && d.confirm.Disabled() {
		return
	}
	d.answered = true
	d.CustomDialog.Hide()
	if d.hooked {
		d.hooked = false
		d.win.Canvas().SetOnTypedKey(d.prevKey)
	}
	if d.callback != nil {
		d.callback(ok)
	}
}

// escapeCancels makes Escape run cancel in every escaper under objs: our
// buttons, fields and text areas. Other fields (Fyne's entries, selects,
// checks) keep Escape to themselves and ignore it.
func escapeCancels(cancel func(), objs ...fyne.CanvasObject) {
	for _, o := range objs {
		if o == nil {
			continue
		}
		if e, ok := o.(escaper); ok {
			e.setOnEscape(cancel)
		}
		kids, _ := children(o)
		escapeCancels(cancel, kids...)
	}
}
