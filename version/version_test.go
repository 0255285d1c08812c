package version

import "testing"

func TestBuild(t *testing.T) {
	cases := []struct {
		commit, date, lang, want string
	}{
		{"", "", "fr", ""},
		{"1a2b3c4", "2026-12-02", "fr", "commit 1a2b3c4, construit le 2026-12-02"},
		{"1a2b3c4", "2026-12-02", "en", "commit 1a2b3c4, built on 2026-12-02"},
		{"1a2b3c4", "", "fr", "commit 1a2b3c4"},
		{"", "2026-12-02", "en", "built on 2026-12-02"},
	}
	defer func(c, d string) { Commit, Date = c, d }(Commit, Date)
	for _, c := range cases {
		Commit, Date = c.commit, c.date
		if got := Build(c.lang); got != c.want {
			t.Errorf("Build(%q) with commit %q, date %q = %q, want %q", c.lang, c.commit, c.date, got, c.want)
		}
	}
}
