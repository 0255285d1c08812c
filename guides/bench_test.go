package guides

import (
	"testing"
)

// benchQueries are realistic queries, typed whole or being typed.
var benchQueries = []string{
	"comment reconnaître un faux mail Ameli ?",
	"que faire si j'ai cliqué",
	"sauvegarde",
	"sauvgarde",
	"mssante",
	"mot de passe",
	"e-cps",
	"securite",
	"s",
	"sa",
	"sau",
	"rançongiciel",
	"changement de RIB",
	"72 heures",
	"hébergeur de données de santé",
}

// BenchmarkLoad measures start-up: parsing and indexing every embedded
// guide. Target: ≤ 50 ms.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		l, err := LoadFS(content, "content")
		if err != nil {
			b.Fatal(err)
		}
		l.index() // built on the first search; measured with the load
	}
}

// BenchmarkSearch runs each realistic query over the whole library.
// Target: ≤ 1 ms per query (ns/op divided by the query count, reported
// as ns/query).
func BenchmarkSearch(b *testing.B) {
	l := builtin(b)
	for b.Loop() {
		for _, q := range benchQueries {
			l.Search(q)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(benchQueries)), "ns/query")
}

// BenchmarkSearchEach reports every query on its own, so the median can
// be read off the sub-benchmarks.
func BenchmarkSearchEach(b *testing.B) {
	l := builtin(b)
	for _, q := range benchQueries {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				l.Search(q)
			}
		})
	}
}
