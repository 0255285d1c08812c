package guides

import (
	"net/url"
	"strings"
	"testing"
)

// agreedIDs are the guide ids other parts of Hygie link to ("how to fix"
// links of the checklist, the checks and the mail inspector).
var agreedIDs = []string{
	"hygiene-essentiels", "bonnes-pratiques-cpme", "memento-ans-liberaux", "livret-cyber-urps-mk",
	"mssante", "mots-de-passe", "double-authentification", "hameconnage", "fraude-virement",
	"sauvegardes", "rancongiciel", "mises-a-jour-antivirus", "pare-feu", "chiffrement-disque",
	"verrouillage-usb", "wifi-acces-distance", "comptes-et-droits", "rgpd-cabinet",
	"plan-reponse-incident", "objets-connectes-telesante", "choisir-prestataire",
}

// officialHosts are the sites the guides may cite: publishers whose pages
// were checked (see the comments). A new host needs a checked public source
// first.
var officialHosts = map[string]bool{
	"cyber.gouv.fr": true, "www.cnil.fr": true, "www.legifrance.gouv.fr": true,
	"eur-lex.europa.eu": true, "esante.gouv.fr": true, "mssante.fr": true,
	"espacedeconfiance.mssante.fr": true, "cyberveille.esante.gouv.fr": true,
	"signalement.social-sante.gouv.fr": true, "17cyber.gouv.fr": true,
	"www.cybermalveillance.gouv.fr": true, "www.ameli.fr": true,
	"www.ordre.pharmacien.fr": true, "var.ordremk.fr": true, "www.doctolib.fr": true,
	"urps-mk-paysdelaloire.fr": true, "touscybervigilants.fr": true,
	// The vendor's lifecycle page, for end-of-support dates (Windows 10 on
	// 14 October 2025, confirmed by Microsoft's statement in the press).
	"learn.microsoft.com": true,
	// Checked 2026-12-01: ANSSI's guide pages, the Assurance Maladie press
	// room, the national Order of physiotherapists, the reporting services
	// (33700 through the DGCCRF page, Signal Spam, Phishing Initiative,
	// THESEE on service-public.fr) and the CIS benchmarks (screen lock).
	"messervices.cyber.gouv.fr": true, "assurance-maladie.ameli.fr": true,
	"ordremk.fr": true, "www.economie.gouv.fr": true, "www.signal-spam.fr": true,
	"phishing-initiative.fr": true, "www.service-public.fr": true,
	"www.cisecurity.org": true,
	// The mail providers' own help pages, for how to show or save a
	// message's source (guide source-message).
	"support.google.com": true, "support.microsoft.com": true, "support.mozilla.org": true,
	"support.apple.com": true, "assistance.orange.fr": true,
}

func builtin(t testing.TB) *Library {
	t.Helper()
	l, err := Builtin()
	if err != nil {
		t.Fatalf("embedded guides do not load: %v", err)
	}
	return l
}

func TestContentHasAgreedGuides(t *testing.T) {
	l := builtin(t)
	if n := len(l.All()); n < 20 {
		t.Errorf("library has %d guides, want at least 20", n)
	}
	for _, id := range agreedIDs {
		if _, ok := l.Get(id); !ok {
			t.Errorf("guide %q is missing (other screens link to it)", id)
		}
	}
}

func TestContentFrontMatterComplete(t *testing.T) {
	titles := map[string]string{}
	for _, g := range builtin(t).All() {
		if g.ID == "" || g.Title == "" || g.Summary == "" || len(g.Audience) == 0 || g.Theme == "" ||
			len(g.Tags) == 0 || len(g.Sources) == 0 || g.LastReviewed == "" {
			t.Errorf("%s: incomplete front matter: %+v", g.ID, g)
		}
		if other, dup := titles[g.Title]; dup {
			t.Errorf("%s and %s have the same title %q", g.ID, other, g.Title)
		}
		titles[g.Title] = g.ID
		if len(g.Headings()) < 3 {
			t.Errorf("%s: %d section headings, want at least 3 for search and the table of contents", g.ID, len(g.Headings()))
		}
	}
}

func TestContentCitesOfficialHTTPS(t *testing.T) {
	for _, g := range builtin(t).All() {
		for _, s := range g.Sources {
			checkOfficial(t, g.ID, s.URL)
		}
		for _, target := range g.links() {
			if _, _, ok := ParseLink(target); !ok {
				checkOfficial(t, g.ID, target)
			}
		}
	}
}

func checkOfficial(t *testing.T, id, raw string) {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "https" {
		t.Errorf("%s: %q is not an https address", id, raw)
		return
	}
	if !officialHosts[u.Host] {
		t.Errorf("%s: %q is not on the list of checked official sites", id, raw)
	}
}

func TestContentLinksResolve(t *testing.T) {
	l := builtin(t)
	for _, g := range l.All() {
		for _, target := range g.links() {
			if err := l.checkLink(target); err != nil {
				t.Errorf("%s: %v", g.ID, err)
			}
		}
	}
}

// TestContentCitesDeepLink: every guide cites at least one source by the
// page or document itself, not only a site's home page, so that a reader
// (and a reviewer) can open what the guide relies on.
func TestContentCitesDeepLink(t *testing.T) {
	for _, g := range builtin(t).All() {
		deep := false
		for _, s := range g.Sources {
			if u, err := url.Parse(s.URL); err == nil && strings.Trim(u.Path, "/") != "" {
				deep = true
			}
		}
		if !deep {
			t.Errorf("%s: every source is a bare domain; cite the page or document itself", g.ID)
		}
	}
}
