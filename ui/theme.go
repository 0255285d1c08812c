package ui

import (
	"image/color"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/image/font/sfnt"
)

// Fonts: Hygie bundles no font. Fyne's own Noto Sans lacks some signs the
// texts use; its small symbol font has a few (→) but, drawn in bold text
// next to a space, showed « →� » (no emoji font with -tags no_emoji).
// fontSafe swaps each sign Noto Sans has not for one it has, or drops it.

// glyphSubstitutes are replacements from the fonts' own repertoire.
var glyphSubstitutes = map[rune]string{
	'✓': "•", '✔': "•", '✗': "–", '✘': "–", '☐': "", '☑': "•", '✅': "•", '❌': "–",
	'≥': ">=", '≤': "<=", '≠': "vs", '≈': "~", '⚠': "!", '▶': "›", '►': "›", '●': "•", '○': "•",
	'☎': "tél.", '\ufe0f': "", '\u200d': "", '→': "›", '←': "‹", '⇒': "›", '➜': "›",
}

var (
	fontOnce  sync.Once
	fontFaces []*sfnt.Font
)

// hasGlyph reports whether Fyne's text font, regular and bold, can draw r.
func hasGlyph(r rune) bool {
	fontOnce.Do(func() {
		for _, res := range []fyne.Resource{theme.DefaultTextFont(), theme.DefaultTextBoldFont()} {
			if res == nil {
				continue
			}
			if f, err := sfnt.Parse(res.Content()); err == nil {
				fontFaces = append(fontFaces, f)
			}
		}
	})
	if r < 0x80 {
		return true
	}
	var b sfnt.Buffer
	for _, f := range fontFaces {
		if i, err := f.GlyphIndex(&b, r); err != nil || i == 0 {
			return false
		}
	}
	return len(fontFaces) > 0
}

// fontSafe returns s with every sign the fonts cannot draw replaced.
func fontSafe(s string) string {
	ok := true
	for _, r := range s {
		if !hasGlyph(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case hasGlyph(r):
			b.WriteRune(r)
		default:
			b.WriteString(glyphSubstitutes[r]) // unknown: dropped rather than « � »
		}
	}
	return b.String()
}

// hygieTheme is Fyne's theme with what a practitioner needs to see: a
// focus highlight that stands out, and progress bars whose empty part is
// clearly lighter than their filled part.
type hygieTheme struct{ fyne.Theme }

// newHygieTheme wraps base (the app's current theme).
func newHygieTheme(base fyne.Theme) fyne.Theme { return hygieTheme{base} }

func (t hygieTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameFocus:
		// Fyne's focus is a faint tint of the primary colour; make it solid
		// enough to find at a glance.
		if v == theme.VariantLight {
			return color.NRGBA{R: 0x1e, G: 0x5e, B: 0xd6, A: 0x99}
		}
		return color.NRGBA{R: 0x7a, G: 0xb0, B: 0xff, A: 0x99}
	case theme.ColorNameInputBackground:
		// The unfilled part of a progress bar: a light grey in both
		// variants, lighter than the primary fill.
		if v == theme.VariantLight {
			return color.NRGBA{R: 0xe4, G: 0xe6, B: 0xeb, A: 0xff}
		}
		return color.NRGBA{R: 0x4a, G: 0x4d, B: 0x55, A: 0xff}
	}
	return t.Theme.Color(n, v)
}

// applyHygieTheme makes the app use hygieTheme over its current theme,
// once.
func applyHygieTheme(a fyne.App) {
	if a == nil {
		return
	}
	if _, done := a.Settings().Theme().(hygieTheme); done {
		return
	}
	a.Settings().SetTheme(newHygieTheme(a.Settings().Theme()))
}

// meter is a progress bar whose empty part is a light neutral and whose
// filled part is the primary colour, so « 0 sur 21 » looks empty. Fyne's
// ProgressBar tints its whole track with the primary colour.
type meter struct {
	widget.BaseWidget
	Value         float64       // 0 to 1
	TextFormatter func() string // the text shown on the bar
}

func newMeter() *meter {
	m := &meter{}
	m.ExtendBaseWidget(m)
	return m
}

// SetValue sets the filled part, clamped to 0–1, and redraws.
func (m *meter) SetValue(v float64) {
	m.Value = max(0, min(1, v))
	m.Refresh()
}

func (m *meter) CreateRenderer() fyne.WidgetRenderer {
	r := &meterRenderer{m: m, track: canvas.NewRectangle(color.Transparent), fill: canvas.NewRectangle(color.Transparent), text: canvas.NewText("", color.Black)}
	r.text.Alignment = fyne.TextAlignCenter
	r.Refresh()
	return r
}

type meterRenderer struct {
	m           *meter
	track, fill *canvas.Rectangle
	text        *canvas.Text
}

func (r *meterRenderer) Layout(size fyne.Size) {
	r.track.Resize(size)
	r.fill.Resize(fyne.NewSize(size.Width*float32(r.m.Value), size.Height))
	r.text.Resize(size)
}

func (r *meterRenderer) MinSize() fyne.Size {
	th := r.m.Theme()
	ts := fyne.MeasureText(r.text.Text, th.Size(theme.SizeNameText), fyne.TextStyle{})
	return fyne.NewSize(ts.Width+4*th.Size(theme.SizeNamePadding), ts.Height+2*th.Size(theme.SizeNameInnerPadding))
}

func (r *meterRenderer) Refresh() {
	th := r.m.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.track.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.track.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	r.track.StrokeWidth = 1
	r.fill.FillColor = th.Color(theme.ColorNamePrimary, v)
	radius := th.Size(theme.SizeNameInputRadius)
	r.track.CornerRadius, r.fill.CornerRadius = radius, radius
	r.text.Text = ""
	if r.m.TextFormatter != nil {
		r.text.Text = r.m.TextFormatter()
	}
	r.text.Color = th.Color(theme.ColorNameForeground, v)
	r.text.TextSize = th.Size(theme.SizeNameText)
	r.Layout(r.m.Size())
	r.track.Refresh()
	r.fill.Refresh()
	r.text.Refresh()
}

func (r *meterRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.track, r.fill, r.text}
}

func (r *meterRenderer) Destroy() {}
