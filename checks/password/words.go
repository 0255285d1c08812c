package password

import (
	"bufio"
	"embed"
	"strings"
	"sync"
	"unicode"

	"hygie/i18n"
)

//go:embed data/*.txt
var data embed.FS

// lists are the embedded French word lists, most guessable first, with the
// weakness each one reveals.
var lists = []struct {
	file string
	weak Weakness
}{
	{"data/mots-de-passe-courants.txt", WeakCommon},
	{"data/prenoms.txt", WeakFirstName},
	{"data/mots-du-cabinet.txt", WeakPractice},
	{"data/villes.txt", WeakCity},
}

var (
	loadOnce sync.Once
	french   []string
	byWord   map[string]Weakness
)

func load() {
	byWord = map[string]Weakness{}
	for _, l := range lists {
		for _, w := range readList(l.file) {
			if _, dup := byWord[w]; !dup {
				byWord[w] = l.weak
				french = append(french, w)
			}
		}
	}
}

// readList returns the words of an embedded list: one a line, "#" starts
// a comment.
func readList(name string) []string {
	f, err := data.Open(name)
	if err != nil {
		panic("password: embedded list missing: " + name) // a build mistake, caught by the tests
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w != "" && !strings.HasPrefix(w, "#") {
			out = append(out, unaccent(strings.ToLower(w)))
		}
	}
	return out
}

// frenchWords is every French word, in rank order.
func frenchWords() []string {
	loadOnce.Do(load)
	return french
}

// listOf maps each French word to the weakness it reveals.
func listOf() map[string]Weakness {
	loadOnce.Do(load)
	return byWord
}

// leet undoes the usual character substitutions.
var leet = strings.NewReplacer("@", "a", "4", "a", "3", "e", "1", "i", "!", "i", "0", "o", "$", "s", "5", "s", "7", "t", "€", "e")

// fold removes accents and undoes l33t substitutions, keeping case, so
// "Kinésithérapeute" and "k1nés1thérapeute" meet the list's "kinesitherapeute".
func fold(s string) string { return leet.Replace(unaccent(s)) }

// unaccent removes accents, keeping case (i18n.Unaccent).
func unaccent(s string) string { return i18n.Unaccent(s) }

// words splits the practice's details into lower-case, folded words of at
// least 3 letters, plus each detail written without spaces.
func (in Inputs) words() []string {
	var out []string
	seen := map[string]bool{}
	add := func(w string) {
		w = unaccent(strings.ToLower(w))
		if len([]rune(w)) >= 3 && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	for _, field := range append([]string{in.Name, in.Practice, in.City, in.Profession}, in.Other...) {
		parts := strings.FieldsFunc(field, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		for _, p := range parts {
			add(p)
		}
		add(strings.Join(parts, ""))
	}
	return out
}
