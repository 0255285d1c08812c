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
	"www.ordre.pharmacien.fr": true, "var.ordremk.fr": true,
	"urps-mk-paysdelaloire.fr": true, "touscybervigilants.fr": true,
	// Doctolib's patient help centre is hosted by Zendesk under Doctolib's
	// own account: its pages speak for Doctolib (its security team, the
	// phishing@doctolib.com address, the senders Doctolib also gave the
	// press in 2025). Only this host, not zendesk.com at large.
	"doctolibpatient.zendesk.com": true,
	// The ANS's MSSanté site serves its pages (« Industriels ») from this
	// host; mssante.fr itself serves the documents.
	"cms.mssante.fr": true,
	// Official State sites, checked 2026-12-02: the Ministry of the
	// Interior's announcement of 17Cyber (17 December 2024), its page on
	// transfer fraud (collectivites-locales.gouv.fr) and a prefecture's
	// page on THESEE, the online complaint for private persons.
	"www.interieur.gouv.fr": true, "collectivites-locales.gouv.fr": true,
	"www.loiret.gouv.fr": true,
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

// homePageSources are the only sources that may be a site's home page,
// each because the home page is itself what the guide cites (a service
// used from its front page) or because no deeper page of the document could
// be confirmed. Every other source is the page or document itself.
var homePageSources = map[string]string{
	// The reporting form is on the home page (Phishing Initiative's FAQ says
	// to paste the address "in the reporting form located on the homepage").
	"https://phishing-initiative.fr/": "the service is its home page",
	// The national reporting portal is the service; CERT Santé's own page
	// describing it is cited beside it.
	"https://signalement.social-sante.gouv.fr/": "the service is its home page",
	// No public copy of the URPS booklet or page describing it was found;
	// the guide says so and sends the reader to the URPS.
	"https://urps-mk-paysdelaloire.fr/": "no page of the booklet could be confirmed",
	// The campaign's own site; no deeper page was found in a stored copy.
	"https://touscybervigilants.fr/": "the campaign site; no deeper page confirmed",
	// Orange's help site moves its Mail Orange pages between versions; no
	// stored page on showing a message's source was found.
	"https://assistance.orange.fr/": "no page on a message's source confirmed",
}

// TestContentCitesDeepLink: every source of every guide is the page or
// document cited, not a site's home page, so that a reader (and a reviewer)
// can open what the guide relies on. The few home pages that stand are in
// homePageSources, with their reason, and each is still used.
func TestContentCitesDeepLink(t *testing.T) {
	used := map[string]bool{}
	for _, g := range builtin(t).All() {
		for _, s := range g.Sources {
			u, err := url.Parse(s.URL)
			if err != nil || strings.Trim(u.Path, "/") != "" || u.RawQuery != "" {
				continue
			}
			if _, ok := homePageSources[s.URL]; ok {
				used[s.URL] = true
				continue
			}
			t.Errorf("%s: source %q is a home page; cite the page or document itself", g.ID, s.URL)
		}
	}
	for u := range homePageSources {
		if !used[u] {
			t.Errorf("homePageSources lists %q, which no guide cites any more; remove it", u)
		}
	}
}
