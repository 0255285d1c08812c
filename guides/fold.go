package guides

import (
	"unicode"

	"hygie/i18n"
)

// fold returns s in the form search compares (i18n.Fold: lowercase, without
// accents, ligatures spelled out, punctuation and spaces made plain), with
// offs mapping every byte of the result back to the byte of s it came
// from, plus len(s), so that a match found in the folded text can be
// highlighted in the original, accented text.
func fold(s string) (folded string, offs []int) { return i18n.FoldOffsets(s) }

// isWordRune reports whether r belongs to a word once folded.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
