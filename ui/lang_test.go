package ui

import (
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"hygie/assets"
)

var effectiveCases = []struct{ choice, system, want string }{
	{"", "fr", "fr"},
	{"", "en", "en"},
	{"", "de", "fr"}, // no translation matches: French
	{"", "und", "fr"},
	{"en", "fr", "en"},
	{"fr", "en", "fr"},
	{"xx", "en", "en"}, // unknown stored value behaves like "system"
}

func TestEffectiveLanguage(t *testing.T) {
	for _, c := range effectiveCases {
		if got := EffectiveLanguage(c.choice, c.system); got != c.want {
			t.Errorf("EffectiveLanguage(%q, %q) = %q, want %q", c.choice, c.system, got, c.want)
		}
	}
}

func TestSetupLanguageKeepsFyneMessages(t *testing.T) {
	before := lang.L("Quit")
	SetupLanguage(langFR)
	SetupLanguage("")
	if after := lang.L("Quit"); after != before {
		t.Errorf("Fyne's own \"Quit\" = %q after SetupLanguage, was %q", after, before)
	}
}

func TestBaseLanguage(t *testing.T) {
	for in, want := range map[string]string{"fr-FR": "fr", "en-US": "en", "fr": "fr", "de-CH": "de"} {
		if got := baseLanguage(fyne.Locale(in)); got != want {
			t.Errorf("baseLanguage(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSetupLanguageSwitchesMessages(t *testing.T) {
	SetupLanguage(langEN)
	if got := lang.X("nav.settings", "Réglages"); got != "Settings" {
		t.Errorf("in English nav.settings = %q, want Settings", got)
	}
	SetupLanguage(langFR)
	if got := lang.X("nav.settings", "?"); got != "Réglages" {
		t.Errorf("in French nav.settings = %q, want Réglages", got)
	}
}

// loadKeys reads every translation/<area>.<code>.json into area → keys.
func loadKeys(t *testing.T, code string) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{}
	entries, err := fs.ReadDir(assets.Translations, "translation")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		area, ok := strings.CutSuffix(e.Name(), "."+code+".json")
		if !ok {
			continue
		}
		data, err := fs.ReadFile(assets.Translations, path.Join("translation", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		out[area] = m
	}
	return out
}

func TestTranslationKeysMatch(t *testing.T) {
	fr, en := loadKeys(t, langFR), loadKeys(t, langEN)
	for area := range union(fr, en) {
		for k := range fr[area] {
			if _, ok := en[area][k]; !ok {
				t.Errorf("%s: key %q is in French but not in English", area, k)
			}
		}
		for k := range en[area] {
			if _, ok := fr[area][k]; !ok {
				t.Errorf("%s: key %q is in English but not in French", area, k)
			}
		}
	}
}

// keyUse finds lang.X("key" in the ui sources; keys built at run time are
// covered by TestTranslationKeysMatch only.
var keyUse = regexp.MustCompile(`lang\.X\(\s*"([^"]+)"`)

func TestEveryUsedKeyIsTranslated(t *testing.T) {
	known := map[string]bool{}
	for _, m := range loadKeys(t, langFR) {
		for k := range m {
			known[k] = true
		}
	}
	files, _ := filepath.Glob("*.go")
	var missing []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keyUse.FindAllStringSubmatch(string(src), -1) {
			if !known[m[1]] {
				missing = append(missing, f+": "+m[1])
			}
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("key used but not in the translation files: %s", m)
	}
}

func union(a, b map[string]map[string]string) map[string]bool {
	u := map[string]bool{}
	for k := range a {
		u[k] = true
	}
	for k := range b {
		u[k] = true
	}
	return u
}

func TestTranslationsHoldOnlyDrawableSigns(t *testing.T) {
	for _, code := range []string{langFR, langEN} {
		for _, data := range translationFiles(code) {
			var msgs map[string]any
			if err := json.Unmarshal(data, &msgs); err != nil {
				t.Fatalf("%s: %v", code, err)
			}
			for k, v := range msgs {
				if s, ok := v.(string); ok {
					if r, bad := undrawable(s); bad {
						t.Errorf("%s %s: %q holds %q, which the font cannot draw", code, k, s, r)
					}
				}
			}
		}
	}
	got := string(drawableTranslations("x.json", []byte(`{"a": "texte → destination"}`)))
	if strings.Contains(got, "→") || !strings.Contains(got, "texte") {
		t.Errorf("drawableTranslations kept the arrow: %s", got)
	}
}
