package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// disclosure is a header that opens and closes the detail below it, as
// widget.Accordion with one item, whose header the keyboard presses: Tab
// reaches it, Enter or Space opens or closes it, and it shows the focus.
// Fyne's accordion draws a header button that Enter does not press.
type disclosure struct {
	widget.BaseWidget
	Title  string
	Detail fyne.CanvasObject

	open   bool
	header *button
	box    *fyne.Container
}

// newDisclosure is widget.NewAccordion(widget.NewAccordionItem(title,
// detail)): closed, the header only.
func newDisclosure(title string, detail fyne.CanvasObject) *disclosure {
	d := &disclosure{Title: title, Detail: detail}
	d.header = newButtonWithIcon(title, nil, d.toggle)
	d.header.Alignment = widget.ButtonAlignLeading
	d.header.IconPlacement = widget.ButtonIconLeadingText
	d.header.Importance = widget.LowImportance
	d.box = container.NewVBox(d.header, detail)
	d.ExtendBaseWidget(d)
	d.show()
	return d
}

// IsOpen tells whether the detail shows.
func (d *disclosure) IsOpen() bool { return d.open }

// Open shows the detail.
func (d *disclosure) Open() { d.open = true; d.show() }

// Close hides the detail.
func (d *disclosure) Close() { d.open = false; d.show() }

func (d *disclosure) toggle() { d.open = !d.open; d.show() }

// show matches the chevron and the detail to open, as Fyne's accordion:
// pointing down when closed, up when open.
func (d *disclosure) show() {
	if d.open {
		d.header.Icon = theme.MenuDropUpIcon()
		d.Detail.Show()
	} else {
		d.header.Icon = theme.MenuDropDownIcon()
		d.Detail.Hide()
	}
	d.header.Refresh()
	d.box.Refresh()
	d.Refresh()
}

func (d *disclosure) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(d.box)
}
