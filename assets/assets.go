// Package assets embeds Hygie's icon and translation files. Only main and ui
// import it, so the domain packages stay free of Fyne.
package assets

import (
	"embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Translations holds translation/<area>.<lang>.json files: flat maps of
// message key to text, one pair (fr, en) per area of the app.
//
//go:embed translation
var Translations embed.FS

// Icon is Hygie's application icon, drawn by assets/icongen.
func Icon() fyne.Resource {
	return fyne.NewStaticResource("icon.png", iconPNG)
}
