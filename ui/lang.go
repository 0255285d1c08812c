package ui

import (
	"encoding/json"
	"io/fs"
	"path"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"golang.org/x/text/language"

	"hygie/assets"
)

// Languages Hygie is written in; French is the reference.
const (
	langFR = "fr"
	langEN = "en"
)

// currentLang is the language the UI speaks since the last SetupLanguage;
// screens use it to pick the FR or EN field of domain data.
var currentLang = langFR

// EffectiveLanguage returns the language Hygie speaks for a user choice
// ("", "fr" or "en") and the system's language: French unless English was
// chosen, or the system is English and nothing was chosen.
func EffectiveLanguage(choice, system string) string {
	switch choice {
	case langFR, langEN:
		return choice
	}
	if strings.HasPrefix(strings.ToLower(system), langEN) {
		return langEN
	}
	return langFR
}

// SetupLanguage loads Hygie's translations for the chosen language.
//
// Fyne picks its localizer from the system locale alone, and falls back to
// English when nothing matches. To honour the user's choice and our French
// default, the messages of the effective language are registered under the
// tag Fyne will pick (the system's language) and under the fallback "en".
func SetupLanguage(choice string) string {
	sys := baseLanguage(lang.SystemLocale())
	eff := EffectiveLanguage(choice, sys)
	currentLang = eff
	tags := []string{langEN}
	if sys != langEN && sys != "und" {
		tags = append(tags, sys)
	}
	for _, data := range translationFiles(eff) {
		for _, tag := range tags {
			if err := lang.AddTranslationsForLocale(data, fyne.Locale(tag)); err != nil {
				fyne.LogError("load translations for "+tag, err)
			}
		}
	}
	return eff
}

// baseLanguage is the language of a locale without its region ("fr" for
// "fr-FR"). Registering under "fr-FR" would create a tag holding only our
// messages, which Fyne would then prefer, losing its own ("Quit", "Cancel").
func baseLanguage(l fyne.Locale) string {
	base, _ := language.Make(string(l)).Base()
	return base.String()
}

// translationFiles returns the contents of every translation/*.<code>.json.
func translationFiles(code string) [][]byte {
	var out [][]byte
	entries, err := fs.ReadDir(assets.Translations, "translation")
	if err != nil {
		fyne.LogError("read embedded translations", err)
		return nil
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), "."+code+".json") {
			continue
		}
		data, err := fs.ReadFile(assets.Translations, path.Join("translation", e.Name()))
		if err != nil {
			fyne.LogError("read "+e.Name(), err)
			continue
		}
		out = append(out, drawableTranslations(e.Name(), data))
	}
	return out
}

// drawableTranslations passes every message of a translation file through
// fontSafe, so that a sign the window's font lacks (« → ») never shows as
// « � », whichever screen uses the message.
func drawableTranslations(name string, data []byte) []byte {
	var msgs map[string]any
	if err := json.Unmarshal(data, &msgs); err != nil {
		return data // Fyne reports the broken file when it loads it
	}
	changed := false
	var safe func(v any) any
	safe = func(v any) any {
		switch t := v.(type) {
		case string:
			if s := fontSafe(t); s != t {
				changed = true
				return s
			}
		case map[string]any: // plural forms
			for k, x := range t {
				t[k] = safe(x)
			}
		}
		return v
	}
	for k, v := range msgs {
		msgs[k] = safe(v)
	}
	if !changed {
		return data
	}
	out, err := json.Marshal(msgs)
	if err != nil {
		fyne.LogError("rewrite "+name, err)
		return data
	}
	return out
}
