package guides

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

func TestLoadFSRefusesBrokenLibraries(t *testing.T) {
	cases := []struct{ dir, want string }{
		{"duplicate", "duplicate id"},
		{"brokenlink", "unknown guide"},
		{"brokenanchor", "unknown section"},
		{"badlink", "neither a guide: link nor an https"},
		{"bad", "bad-date.md"},
	}
	for _, c := range cases {
		_, err := LoadFS(os.DirFS("testdata"), c.dir)
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("LoadFS(%s) error = %v, want ErrInvalid mentioning %q", c.dir, err, c.want)
		}
	}
	if _, err := LoadFS(os.DirFS("testdata"), "missing"); err == nil {
		t.Error("LoadFS of a missing folder succeeded")
	}
}

func loadValid(t *testing.T) *Library {
	t.Helper()
	l, err := LoadFS(os.DirFS("testdata"), "valid")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestLibraryAccessors(t *testing.T) {
	l := loadValid(t)
	all := l.All()
	if len(all) != 2 || all[0].ID != "alpha" || all[1].ID != "beta" {
		t.Fatalf("All() = %v, want alpha (Les bases) then beta", ids(all))
	}
	if g, ok := l.Get("beta"); !ok || g.Title != "MSSanté pour les nuls" {
		t.Errorf("Get(beta) = %v, %v", g, ok)
	}
	if _, ok := l.Get("nope"); ok {
		t.Error("Get(nope) found a guide")
	}
	if got := ids(l.ByTheme("Messagerie et arnaques")); len(got) != 1 || got[0] != "beta" {
		t.Errorf("ByTheme = %v, want [beta]", got)
	}
	if got := l.Tags(); strings.Join(got, ",") != "essai,messagerie,poste" {
		t.Errorf("Tags() = %v", got)
	}
	all[0] = nil
	if l.All()[0] == nil {
		t.Error("All() returned the library's own slice")
	}
}

func TestGuideMarkdown(t *testing.T) {
	g, _ := loadValid(t).Get("beta")
	md := g.Markdown()
	for _, want := range []string{"# MSSanté pour les nuls\n", "## Deuxième partie", "## Sources", "- ANS, [Un autre document](https://esante.gouv.fr/), s. d.", "2026-01-31"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown() lacks %q:\n%s", want, md)
		}
	}
}

func TestWeekGuide(t *testing.T) {
	l := loadValid(t)
	monday := time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local)
	g := l.WeekGuide(monday, nil)
	if g == nil {
		t.Fatal("no guide of the week")
	}
	if same := l.WeekGuide(monday.AddDate(0, 0, 6), nil); same != g {
		t.Errorf("guide changed within the week: %s then %s", g.ID, same.ID)
	}
	if next := l.WeekGuide(monday.AddDate(0, 0, 7), nil); next == g {
		t.Errorf("guide did not change the next week: %s", g.ID)
	}
	other := l.WeekGuide(monday, func(id string) bool { return id == g.ID })
	if other == g {
		t.Errorf("skipped guide %s was still chosen", g.ID)
	}
	if all := l.WeekGuide(monday, func(string) bool { return true }); all != g {
		t.Errorf("when every guide is skipped, want the week's guide %s, got %v", g.ID, all)
	}
	if (&Library{}).WeekGuide(monday, nil) != nil {
		t.Error("an empty library has a guide of the week")
	}
}

func ids(gs []*Guide) []string {
	var out []string
	for _, g := range gs {
		out = append(out, g.ID)
	}
	return out
}
