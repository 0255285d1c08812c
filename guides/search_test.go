package guides

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// relevanceCases are questions practitioners ask, with the guide that
// must come first (top 1) or among the first results (top > 1), and the
// section the result must point at when it matters.
var relevanceCases = []struct {
	query, want string
	top         int
	section     string
}{
	{"comment reconnaître un faux mail Ameli ?", "hameconnage", 1, ""},
	{"que faire si j'ai cliqué", "hameconnage", 2, "si-vous-avez-clique"},
	{"que faire si j'ai cliqué", "plan-reponse-incident", 2, ""},
	{"sauvegarde", "sauvegardes", 1, ""},
	{"sauvegrade", "sauvegardes", 1, ""}, // swapped letters
	{"sauvgarde", "sauvegardes", 1, ""},  // missing letter
	{"3-2-1", "sauvegardes", 1, "la-regle-3-2-1"},
	{"securite", "memento-ans-liberaux", 3, ""},
	{"mssante", "mssante", 1, ""},
	{"MSSANTÉ", "mssante", 1, ""},
	{"mot de passe", "mots-de-passe", 1, ""},
	{"gestionnaire de mots de passe", "mots-de-passe", 1, ""},
	{"e-cps", "double-authentification", 1, ""},
	{"ecps", "double-authentification", 1, ""},
	{"faux conseiller CPS au téléphone", "double-authentification", 2, ""},
	{"rançon", "rancongiciel", 1, ""},
	{"ransomware", "rancongiciel", 1, ""},
	{"wifi", "wifi-acces-distance", 1, ""},
	{"vpn", "wifi-acces-distance", 1, ""},
	{"bitlocker", "chiffrement-disque", 1, ""},
	{"ordinateur volé", "chiffrement-disque", 1, ""},
	{"pare-feu", "pare-feu", 1, ""},
	{"firewall", "pare-feu", 1, ""},
	{"72 heures", "plan-reponse-incident", 2, ""},
	{"notifier la CNIL", "plan-reponse-incident", 2, ""},
	{"HDS", "choisir-prestataire", 2, ""},
	{"hébergeur de données de santé", "choisir-prestataire", 2, ""},
	{"changement de RIB", "fraude-virement", 1, ""},
	{"registre", "rgpd-cabinet", 1, ""},
	{"droits des patients", "rgpd-cabinet", 1, ""},
	{"livret URPS", "livret-cyber-urps-mk", 1, ""},
	{"doctolib", "hameconnage", 1, ""},
	{"téléconsultation", "objets-connectes-telesante", 1, ""},
	{"mise a jour", "mises-a-jour-antivirus", 1, ""},
	{"antivirus", "mises-a-jour-antivirus", 1, ""},
	{"compte administrateur", "comptes-et-droits", 1, ""},
	{"j'ai été piraté", "plan-reponse-incident", 1, ""},
	{"clé usb", "verrouillage-usb", 1, ""},
	{"verrouiller l'écran", "verrouillage-usb", 1, ""},
	{"12 règles", "bonnes-pratiques-cpme", 1, ""},
	{"42 mesures ANSSI", "hygiene-essentiels", 1, ""},
	{"mémento libéraux", "memento-ans-liberaux", 1, ""},
	{"SecNumCloud", "choisir-prestataire", 1, ""},
	{"photos patients WhatsApp", "smartphone-messagerie", 1, ""},
	{"carte CPS perdue", "smartphone-messagerie", 2, ""},
	{"assurance cyber", "assurance-cyber-delais", 1, ""},
	{"plainte 72 heures assureur", "assurance-cyber-delais", 1, ""},
	{"recycler un vieil ordinateur", "fin-de-vie-materiel", 1, ""},
	{"copieur", "fin-de-vie-materiel", 1, ""},
	{"cession du cabinet", "fin-de-vie-materiel", 1, ""},
	{"remplaçant", "remplacants-stagiaires", 2, ""},
	{"stagiaire dernier jour", "remplacants-stagiaires", 1, ""},
	{"objets connectés", "objets-connectes-telesante", 1, ""},
}

func TestSearchRelevance(t *testing.T) {
	l := builtin(t)
	for _, c := range relevanceCases {
		rs := l.Search(c.query)
		i := slices.IndexFunc(rs, func(r Result) bool { return r.Guide.ID == c.want })
		if i < 0 || i >= c.top {
			t.Errorf("Search(%q): %s at rank %d, want within top %d; got %v", c.query, c.want, i+1, c.top, resultIDs(rs, 5))
			continue
		}
		if c.section != "" && rs[i].Section != c.section {
			t.Errorf("Search(%q): %s points at section %q, want %q", c.query, c.want, rs[i].Section, c.section)
		}
	}
}

func TestSearchRanksTitlesThenHeadingsThenBody(t *testing.T) {
	rs := builtin(t).Search("sauvegardes")
	var kinds []Kind
	for _, r := range rs {
		kinds = append(kinds, r.Kind)
	}
	if !slices.IsSorted(kinds) {
		t.Errorf("kinds of a one-word query are not in order title, heading, summary, body: %v", kinds)
	}
	if len(rs) < 3 || rs[0].Kind != KindTitle || kinds[len(kinds)-1] != KindBody {
		t.Errorf("want a title hit first and body hits last, got %v", kinds)
	}
}

func TestSearchIgnoresAccentsAndCase(t *testing.T) {
	l := builtin(t)
	pairs := [][2]string{{"securite", "Sécurité"}, {"mssante", "MSSanté"}, {"rancongiciel", "RANÇONGICIEL"}, {"hameconnage", "hameçonnage"}}
	for _, p := range pairs {
		a, b := resultIDs(l.Search(p[0]), 100), resultIDs(l.Search(p[1]), 100)
		if len(a) == 0 || !slices.Equal(a, b) {
			t.Errorf("Search(%q) = %v but Search(%q) = %v", p[0], a, p[1], b)
		}
	}
}

// TestSearchMatchesPointAtOriginalText checks that highlighted bytes
// spell the query in the accented text shown to the user.
func TestSearchMatchesPointAtOriginalText(t *testing.T) {
	cases := []struct{ query, want string }{
		{"securite", "sécurité"},
		{"mssante", "MSSanté"},
		{"rancon", "Rançon"},
	}
	for _, c := range cases {
		r := builtin(t).Search(c.query)[0]
		var got strings.Builder
		for _, s := range Spans(r.Text, r.Matches) {
			if s.Match {
				got.WriteString(r.Text[s.Start:s.End])
			}
		}
		if !strings.Contains(got.String(), c.want) {
			t.Errorf("Search(%q) highlights %q in %q, want %q", c.query, got.String(), r.Text, c.want)
		}
	}
}

func TestEmptyQueryListsEverything(t *testing.T) {
	l := builtin(t)
	for _, q := range []string{"", "   ", "\t\n", "s", " É "} {
		rs := l.Search(q)
		if len(rs) != len(l.All()) {
			t.Errorf("Search(%q) = %d results, want all %d guides", q, len(rs), len(l.All()))
		}
	}
}

func TestSearchFindsNothingForNonsense(t *testing.T) {
	for _, q := range []string{"zzzzqqq", "😀😀", "xkcdxkcd"} {
		if rs := builtin(t).Search(q); len(rs) != 0 {
			t.Errorf("Search(%q) = %v, want nothing", q, resultIDs(rs, 5))
		}
	}
}

// strangeQueries must return promptly, without panicking.
var strangeQueries = []string{
	strings.Repeat("sauvegarde ", 1000),
	strings.Repeat("é", 10000),
	strings.Repeat("a", 10000),
	"😀 sauvegarde 🔒",
	"mot\x00de\x07passe\x1b[31m",
	"\xff\xfe\xfd sauvegarde \xc3",
	"\u202e\u200b\ufeff",
	"#[](guide:x)**",
	"-", "--3--2--1--",
}

// TestStrangeQueriesReturnPromptly guards against hangs and blow-ups only;
// speed is measured by the benchmarks, so the bound is far above them.
func TestStrangeQueriesReturnPromptly(t *testing.T) {
	l := builtin(t)
	for _, q := range strangeQueries {
		start := time.Now()
		l.Search(q)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("Search of a %d-byte strange query took %v", len(q), d)
		}
	}
}

func FuzzSearch(f *testing.F) {
	for _, q := range strangeQueries {
		f.Add(q)
	}
	for _, c := range relevanceCases {
		f.Add(c.query)
	}
	l := builtin(f)
	f.Fuzz(func(t *testing.T, q string) {
		for _, r := range l.Search(q) {
			for _, m := range r.Matches {
				if m < 0 || m >= len(r.Text) {
					t.Fatalf("Search(%q): match offset %d outside %q", q, m, r.Text)
				}
			}
		}
	})
}

func TestSnippet(t *testing.T) {
	text := "Un disque de sauvegarde contient tous vos dossiers patients : perdu ou volé, il expose tout. Chiffrez-le."
	i := strings.Index(text, "volé")
	snip, ms := Snippet(text, []int{i, i + 1}, 40)
	if !strings.HasPrefix(snip, "…") || !strings.HasSuffix(snip, "…") {
		t.Errorf("Snippet = %q, want ellipses on both ends", snip)
	}
	if len(ms) != 2 || !strings.HasPrefix(snip[ms[0]:], "vo") {
		t.Errorf("Snippet matches %v do not point at the match in %q", ms, snip)
	}
	short, same := Snippet("court", []int{0}, 40)
	if short != "court" || len(same) != 1 {
		t.Errorf("Snippet of short text = %q %v", short, same)
	}
}

func TestSpans(t *testing.T) {
	got := Spans("Sécurité", []int{0, 1, 3, 99, 2})
	want := []Span{{0, 4, true}, {4, len("Sécurité"), false}}
	if !slices.Equal(got, want) {
		t.Errorf("Spans = %v, want %v", got, want)
	}
}

func resultIDs(rs []Result, n int) []string {
	var out []string
	for i, r := range rs {
		if i == n {
			break
		}
		out = append(out, r.Guide.ID)
	}
	return out
}
