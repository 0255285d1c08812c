package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// Keyboard use, as Fyne v2.8 allows it. The window hands every key to the
// focused widget and nothing else (glfw window.processKeyPressed): no
// window hook sees Enter or Tab while a widget has the focus. So
//   - Enter on a button is the button's own business: button below;
//   - the navigation and sub-tab bars are our own focusable tabs
//     (keyboard_tabs.go), since Fyne's tab buttons take no focus;
//   - keeping the focused control on screen follows the canvas' focus
//     (followFocus), as no callback tells when Tab moved it.
//   - dialogs carry our buttons and fields, which pass Escape on to the
//     dialog's cancel (dialogs.go); a disclosure's header is our button
//     (keyboard_disclosure.go), where Fyne's accordion answers Space only.
//     A SelectEntry's arrow stays Fyne's: the field beside it takes typing.

// button is widget.Button that Enter activates too, as a keyboard user
// expects; Fyne's answers Space only. After a key press it keeps the focus
// (Fyne's Tapped drops it), so the next Tab goes on from here. In a
// dialog, Escape on it runs onEscape, the dialog's cancel (dialogs.go).
type button struct {
	widget.Button
	onEscape func()
}

// newButton is widget.NewButton whose button Enter activates.
func newButton(label string, tapped func()) *button {
	return newButtonWithIcon(label, nil, tapped)
}

// newButtonWithIcon is widget.NewButtonWithIcon whose button Enter
// activates.
func newButtonWithIcon(label string, icon fyne.Resource, tapped func()) *button {
	b := &button{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey taps the button on Enter, Return or Space.
func (b *button) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
	case fyne.KeyEscape:
		if b.onEscape != nil {
			b.onEscape()
			return
		}
		b.Button.TypedKey(ev)
		return
	default:
		b.Button.TypedKey(ev)
		return
	}
	b.Tapped(nil)
	if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil && b.Visible() && !b.Disabled() && c.Focused() == nil {
		c.Focus(b)
	}
}

// textArea is a multi-line entry that Tab leaves, as every other field:
// Fyne's keeps Tab to type a tab sign, so a keyboard user could not get out
// of it. Our multi-line fields (addresses, a pasted message) need no tabs.
// In a dialog, Escape in it runs onEscape, the dialog's cancel.
type textArea struct {
	widget.Entry
	onEscape func()
}

// newTextArea is widget.NewMultiLineEntry that Tab leaves.
func newTextArea() *textArea {
	e := &textArea{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip) // as widget.NewMultiLineEntry
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab is false: Tab moves the focus on.
func (e *textArea) AcceptsTab() bool { return false }

// TypedKey runs onEscape on Escape, when set; the entry has the rest.
func (e *textArea) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(ev)
}

// field is widget.Entry that, in a dialog, answers Escape as the dialog's
// cancel: Fyne's entry keeps Escape and ignores it, and the focus is in a
// field when a form opens.
type field struct {
	widget.Entry
	onEscape func()
}

// newField is widget.NewEntry that a dialog's Escape reaches.
func newField() *field {
	e := &field{}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip) // as widget.NewEntry
	e.ExtendBaseWidget(e)
	return e
}

// newPasswordField is widget.NewPasswordEntry that a dialog's Escape
// reaches.
func newPasswordField() *field {
	e := newField()
	e.Password = true
	return e
}

// TypedKey runs onEscape on Escape, when set; the entry has the rest.
func (e *field) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(ev)
}

// escaper is what a dialog tells to run its cancel on Escape.
type escaper interface{ setOnEscape(func()) }

func (b *button) setOnEscape(f func())   { b.onEscape = f }
func (e *field) setOnEscape(f func())    { e.onEscape = f }
func (e *textArea) setOnEscape(f func()) { e.onEscape = f }

// focusPoll is how often followFocus looks at the focus: often enough that
// a Tab press scrolls before the eye looks for the highlight.
const focusPoll = 80 * time.Millisecond

// followFocus keeps the focused control of w on screen: each time the
// focus moves (Tab, Shift+Tab, a click), the scroll containers around the
// focused object scroll it into view. It stops when stop is closed. Only a
// desktop driver has a keyboard; the test driver runs fyne.Do inline, so
// tests call scrollIntoView themselves.
func followFocus(w fyne.Window, stop <-chan struct{}) {
	if _, ok := fyne.CurrentApp().Driver().(desktop.Driver); !ok {
		return
	}
	var last fyne.Focusable
	go func() {
		tick := time.NewTicker(focusPoll)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				fyne.Do(func() {
					if f := w.Canvas().Focused(); f != last {
						last = f
						scrollIntoView(w.Canvas(), f)
					}
				})
			}
		}
	}()
}

// scrollIntoView scrolls each scroll container that holds obj, innermost
// first, the least needed for obj to be wholly visible.
func scrollIntoView(c fyne.Canvas, f fyne.Focusable) {
	obj, ok := f.(fyne.CanvasObject)
	if !ok || obj == nil {
		return
	}
	root := c.Content()
	if top := c.Overlays().Top(); top != nil {
		root = top
	}
	scrolls := scrollsAround(root, obj)
	d := fyne.CurrentApp().Driver()
	for i := len(scrolls) - 1; i >= 0; i-- {
		s := scrolls[i]
		at := d.AbsolutePositionForObject(obj).Subtract(d.AbsolutePositionForObject(s.Content))
		s.ScrollToOffset(offsetShowing(s, at, obj.Size()))
	}
}

// offsetShowing is the offset of s nearest its current one that shows
// the area at (in s's content) of that size, with a padding around it.
func offsetShowing(s *container.Scroll, at fyne.Position, size fyne.Size) fyne.Position {
	const margin = 8
	off := s.Offset
	view := s.Size()
	content := s.Content.Size()
	axis := func(cur, pos, length, viewLen, contentLen float32) float32 {
		switch {
		case pos-margin < cur:
			cur = pos - margin
		case pos+length+margin > cur+viewLen:
			cur = min(pos-margin, pos+length+margin-viewLen)
		}
		return max(0, min(cur, contentLen-viewLen))
	}
	if s.Direction == container.ScrollVerticalOnly || s.Direction == container.ScrollBoth {
		off.Y = axis(off.Y, at.Y, size.Height, view.Height, content.Height)
	}
	if s.Direction == container.ScrollHorizontalOnly || s.Direction == container.ScrollBoth {
		off.X = axis(off.X, at.X, size.Width, view.Width, content.Width)
	}
	return off
}

// scrollsAround returns the scroll containers between root and obj,
// outermost first, or nil when obj is in none. It walks what the public
// API shows (containers, cards, forms, disclosures, tabs, splits); inside
// another widget, an object within its bounds counts as held by it.
func scrollsAround(root, obj fyne.CanvasObject) []*container.Scroll {
	var path, found []*container.Scroll
	target := fyne.CurrentApp().Driver().AbsolutePositionForObject(obj)
	// inside: o, at abs, covers obj; positions add up along the walk, so
	// this costs no further walk of the tree.
	inside := func(o fyne.CanvasObject, abs fyne.Position) bool {
		end, oEnd := target.Add(obj.Size()), abs.Add(o.Size())
		return target.X >= abs.X && target.Y >= abs.Y && end.X <= oEnd.X+0.5 && end.Y <= oEnd.Y+0.5
	}
	var walk func(o fyne.CanvasObject, parent fyne.Position) bool
	walk = func(o fyne.CanvasObject, parent fyne.Position) bool {
		if o == nil || !o.Visible() {
			return false
		}
		abs := parent.Add(o.Position())
		if o == obj {
			found = append([]*container.Scroll(nil), path...)
			return true
		}
		kids, known := children(o)
		if !known {
			if _, isWidget := o.(fyne.Widget); isWidget && len(path) > 0 && inside(o, abs) {
				found = append([]*container.Scroll(nil), path...)
				return true
			}
			return false
		}
		if s, ok := o.(*container.Scroll); ok {
			path = append(path, s)
			defer func() { path = path[:len(path)-1] }()
		}
		for _, k := range kids {
			if walk(k, abs) {
				return true
			}
		}
		return false
	}
	walk(root, fyne.Position{})
	return found
}

// children is what o holds as the public API shows it; known is false for
// a widget whose parts only its renderer knows.
func children(o fyne.CanvasObject) (kids []fyne.CanvasObject, known bool) {
	switch v := o.(type) {
	case *fyne.Container:
		return v.Objects, true
	case *container.Scroll:
		return []fyne.CanvasObject{v.Content}, true
	case *widget.Card:
		return []fyne.CanvasObject{v.Content}, true
	case *widget.Form:
		for _, it := range v.Items {
			kids = append(kids, it.Widget)
		}
		return kids, true
	case *disclosure:
		return []fyne.CanvasObject{v.box}, true
	case *container.Split:
		return []fyne.CanvasObject{v.Leading, v.Trailing}, true
	case *tabs:
		return []fyne.CanvasObject{v.root}, true
	}
	return nil, false
}

// border is container.NewBorder with its objects in reading order: top,
// leading, centre, trailing, bottom. Tab follows the order of a
// container's objects, and Fyne's NewBorder puts the centre first, so Tab
// would reach a list before the search field above it.
func border(top, bottom, left, right fyne.CanvasObject, center ...fyne.CanvasObject) *fyne.Container {
	var objs []fyne.CanvasObject
	for _, o := range []fyne.CanvasObject{top, left} {
		if o != nil {
			objs = append(objs, o)
		}
	}
	for _, o := range center {
		if o != nil {
			objs = append(objs, o)
		}
	}
	for _, o := range []fyne.CanvasObject{right, bottom} {
		if o != nil {
			objs = append(objs, o)
		}
	}
	return container.New(layout.NewBorderLayout(top, bottom, left, right), objs...)
}
