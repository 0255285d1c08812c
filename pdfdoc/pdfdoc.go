// Package pdfdoc starts Hygie's PDF documents — the hygiene report, the
// incident file, the security policy — the same way: A4, the Go fonts
// embedded (BSD licence, from golang.org/x/image) so that accents, « » and
// every sign of a UTF-8 text print as typed, and the few text helpers the
// three share.
package pdfdoc

import (
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
)

// Family is the font family name the documents use: "", "B" and "I".
const Family = "go"

// LineH is the height of a line of body text, in mm.
const LineH = 5.5

// Doc is an A4 document with the Go fonts loaded.
type Doc struct{ *fpdf.Fpdf }

// New starts a document. created is its creation date (the zero time
// leaves fpdf's, the moment of output); compress false keeps the pages
// readable, for tests.
func New(title string, created time.Time, compress bool) Doc {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(compress)
	pdf.SetTitle(title, true)
	pdf.SetCreator("Hygie", true)
	if !created.IsZero() {
		pdf.SetCreationDate(created)
	}
	pdf.AddUTF8FontFromBytes(Family, "", goregular.TTF)
	pdf.AddUTF8FontFromBytes(Family, "B", gobold.TTF)
	pdf.AddUTF8FontFromBytes(Family, "I", goitalic.TTF)
	return Doc{pdf}
}

// Text writes s as a paragraph in the given size and style.
func (d Doc) Text(size float64, style, s string) {
	d.SetFont(Family, style, size)
	d.MultiCell(0, LineH, s, "", "L", false)
}

// Title writes a section heading in Hygie's blue.
func (d Doc) Title(size float64, s string) {
	d.Ln(4)
	d.SetTextColor(20, 60, 110)
	d.Text(size, "B", s)
	d.SetTextColor(0, 0, 0)
	d.Ln(1)
}

// KeepWithNext starts a new page when less than mm are left, so that a
// heading never ends a page without its text.
func (d Doc) KeepWithNext(mm float64) {
	_, h := d.GetPageSize()
	_, _, _, bottom := d.GetMargins()
	if d.GetY()+mm > h-bottom {
		d.AddPage()
	}
}
