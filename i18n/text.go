// Package i18n holds the one bilingual text type that Hygie's content is
// written in (checklist, incident steps, mail rules, advice, presets…) and
// the one way to pick a language from a tag. It is plain Go: the domain
// packages and the command line use it as the UI does.
package i18n

import "strings"

// The languages Hygie is written in; French is the reference.
const (
	FR = "fr"
	EN = "en"
)

// Text is one piece of content in French and English, as it is kept in the
// embedded JSON files: {"fr": "…", "en": "…"}.
type Text struct {
	FR string `json:"fr"`
	EN string `json:"en"`
}

// Lang reduces a language tag ("en", "en-GB", "fr_FR", "") to one Hygie
// speaks: English for an English tag, French for anything else.
func Lang(tag string) string {
	if strings.HasPrefix(strings.ToLower(tag), EN) {
		return EN
	}
	return FR
}

// In returns the text in the language of tag. An English text that was
// never written falls back to the French reference rather than to nothing.
func (t Text) In(tag string) string {
	if Lang(tag) == EN && t.EN != "" {
		return t.EN
	}
	return t.FR
}

// Complete reports whether both languages are written, for the tests that
// keep every content file bilingual.
func (t Text) Complete() bool {
	return strings.TrimSpace(t.FR) != "" && strings.TrimSpace(t.EN) != ""
}
