package guides

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
)

//go:embed content/*.md content/en/*.md
var content embed.FS

// Library is the loaded, indexed set of guides. It is read-only after
// Load, so it is safe for concurrent use.
type Library struct {
	guides []*Guide // in display order: by theme, then title
	byID   map[string]*Guide
	// index is built on the first search: the dashboard shows the guide of
	// the week at start-up, and the index would only cost memory there.
	index func() *index
}

// Builtin returns the library embedded in Hygie, loaded and indexed on
// first use. The embedded guides are checked by the tests, so an error
// here means a broken build.
var Builtin = sync.OnceValues(func() (*Library, error) {
	return LoadFS(content, "content")
})

// LoadFS loads every .md file of dir in fsys, checks the guides as a
// whole (unique ids, links between guides that resolve) and indexes them.
func LoadFS(fsys fs.FS, dir string) (*Library, error) {
	l := &Library{byID: map[string]*Guide{}}
	if err := eachFile(fsys, dir, l.load); err != nil {
		return nil, err
	}
	if err := l.checkLinks(); err != nil {
		return nil, err
	}
	slices.SortFunc(l.guides, compareGuides)
	l.index = sync.OnceValue(func() *index { return buildIndex(l.guides) })
	return l, nil
}

// eachFile calls f with the name and content of every .md file of dir.
func eachFile(fsys fs.FS, dir string, f func(name string, data []byte) error) error {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return fmt.Errorf("read guides in %s: %w", dir, err)
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		name := path.Join(dir, e.Name())
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("read %s: %w", name, err)
		}
		if err := f(name, data); err != nil {
			return err
		}
	}
	return nil
}

func (l *Library) load(name string, data []byte) error {
	g, err := Parse(data)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if _, dup := l.byID[g.ID]; dup {
		return fmt.Errorf("%s: %w: duplicate id %q", name, ErrInvalid, g.ID)
	}
	l.byID[g.ID] = g
	l.guides = append(l.guides, g)
	return nil
}

func compareGuides(a, b *Guide) int {
	if d := slices.Index(Themes, a.Theme) - slices.Index(Themes, b.Theme); d != 0 {
		return d
	}
	return strings.Compare(a.Title, b.Title)
}

// All returns every guide, by theme then title. The slice is a copy.
func (l *Library) All() []*Guide {
	return slices.Clone(l.guides)
}

// Get returns the guide with id, or false.
func (l *Library) Get(id string) (*Guide, bool) {
	g, ok := l.byID[id]
	return g, ok
}

// ByTheme returns the guides of theme, by title.
func (l *Library) ByTheme(theme string) []*Guide {
	var out []*Guide
	for _, g := range l.guides {
		if g.Theme == theme {
			out = append(out, g)
		}
	}
	return out
}

// Tags returns every tag used, sorted, without duplicates.
func (l *Library) Tags() []string {
	var out []string
	for _, g := range l.guides {
		out = append(out, g.Tags...)
	}
	slices.SortFunc(out, func(a, b string) int {
		fa, _ := fold(a)
		fb, _ := fold(b)
		return strings.Compare(fa, fb)
	})
	return slices.Compact(out)
}

// everything is the answer to an empty query: every guide, in order.
func (l *Library) everything() []Result {
	out := make([]Result, len(l.guides))
	for i, g := range l.guides {
		out[i] = Result{Guide: g, Kind: KindTitle, Text: g.Title}
	}
	return out
}
