package guides

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"hygie/checks"
	"hygie/checks/probe"
	"hygie/incident"
)

// sharedFigures are the figures the guides share with the checklist and
// the incident steps. Each must appear, word for word, in the guide that
// explains it, in French and in English. The checklist and the incident
// steps must say the same: TestSharedFiguresElsewhere.
var sharedFigures = []struct {
	name, guide string
	fr, en      string
}{
	{"screen lock", "verrouillage-usb", "**5 minutes** d'inactivité au plus", "**5 minutes** of inactivity at most"},
	{"restore test", "sauvegardes", "**une fois par mois**", "**once a month**"},
	{"insurer complaint", "plan-reponse-incident", "**au plus tard 72 heures**", "**no later than 72 hours**"},
	{"insurer complaint", "assurance-cyber-delais", "**déposé plainte au plus tard 72 heures**", "**filed a complaint no later than 72 hours**"},
	{"CNIL notification", "plan-reponse-incident", "**notifiez la CNIL dans les 72 heures**", ""},
	{"CNIL notification", "assurance-cyber-delais", "**notifier la CNIL dans les 72 heures**", "**notify the CNIL**"},
	{"CNIL notification", "rgpd-cabinet", "**notifiez la CNIL dans les 72 heures**", ""},
}

func TestSharedFiguresStated(t *testing.T) {
	fr := builtin(t)
	en, err := BuiltinFor("en")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range sharedFigures {
		for _, c := range []struct {
			lib  *Library
			want string
		}{{fr, f.fr}, {en, f.en}} {
			if c.want == "" {
				continue
			}
			g, ok := c.lib.Get(f.guide)
			if !ok {
				t.Errorf("%s: guide %s is missing", f.name, f.guide)
				continue
			}
			if !strings.Contains(g.Body, c.want) {
				t.Errorf("%s: guide %s (%s) no longer says %q", f.name, f.guide, g.Lang, c.want)
			}
		}
	}
}

// figureRules catch a sentence, in any guide and either language, that
// gives the same figure another value: a screen-lock delay other than 5
// minutes (the CIS values may be quoted as such), a restore test at another
// rhythm than monthly, a CNIL or complaint deadline other than 72 hours.
var figureRules = []struct {
	name    string
	topic   *regexp.Regexp // the sentence is about the figure
	value   *regexp.Regexp // a value it gives
	allowed *regexp.Regexp // the agreed value, or a quoted reference
}{
	{"screen lock", regexp.MustCompile(`(?i)verrouill|\block`), regexp.MustCompile(`(?i)\b\d+ minutes?|quelques minutes|a few minutes`),
		regexp.MustCompile(`(?i)^5 minutes$|CIS`)},
	{"restore test", regexp.MustCompile(`(?i)restaur|restore`), regexp.MustCompile(`(?i)trimestre|quarter|par an\b|a year\b|chaque semaine|every week|par mois|a month`),
		regexp.MustCompile(`(?i)^(par mois|a month)$`)},
	{"72-hour clocks", regexp.MustCompile(`(?i)CNIL|plainte|complaint`), regexp.MustCompile(`(?i)\b\d+ (heures|hours|h)\b`),
		regexp.MustCompile(`(?i)^72 (heures|hours|h)$`)},
}

var sentenceEnd = regexp.MustCompile(`[.;:!?]\s|\n`)

func TestSharedFiguresAgree(t *testing.T) {
	fr := builtin(t)
	en, err := BuiltinFor("en")
	if err != nil {
		t.Fatal(err)
	}
	for _, lib := range []*Library{fr, en} {
		for _, g := range lib.All() {
			for _, s := range sentenceEnd.Split(g.Summary+"\n"+g.Body, -1) {
				for _, r := range figureRules {
					if !r.topic.MatchString(s) {
						continue
					}
					for _, v := range r.value.FindAllString(s, -1) {
						if !r.allowed.MatchString(v) && !r.allowed.MatchString(s) {
							t.Errorf("%s (%s): %s given as %q in %q", g.ID, g.Lang, r.name, v, strings.TrimSpace(s))
						}
					}
				}
			}
		}
	}
}

// TestSharedFiguresElsewhere checks the same figures where the checklist,
// the screen-lock probe and the incident steps state them: the guides and
// these must never disagree.
func TestSharedFiguresElsewhere(t *testing.T) {
	fiveMinutes := regexp.MustCompile(`\b5 minutes\b`)
	lock, ok := checks.Find("screen-auto-lock")
	if !ok {
		t.Fatal("checklist item screen-auto-lock is missing")
	}
	for _, lang := range []string{"fr", "en"} {
		if got := lock.Title(lang); !fiveMinutes.MatchString(got) {
			t.Errorf("screen-auto-lock title (%s) = %q, want it to say 5 minutes", lang, got)
		}
	}
	if probe.MaxLockDelay != 5*time.Minute {
		t.Errorf("screen-lock probe threshold = %v, want 5m0s", probe.MaxLockDelay)
	}

	restore, ok := checks.Find("restore-test")
	if !ok {
		t.Fatal("checklist item restore-test is missing")
	}
	if restore.Freq != checks.Monthly {
		t.Errorf("restore-test frequency = %s, want %s", restore.Freq, checks.Monthly)
	}

	steps := map[string]incident.Step{}
	for _, s := range incident.Steps() {
		steps[s.ID] = s
	}
	for _, id := range []string{"cnil", "insurer", "complaint"} {
		s, ok := steps[id]
		if !ok {
			t.Errorf("incident step %s is missing", id)
			continue
		}
		for _, lang := range []string{"fr", "en"} {
			if got := s.Title.In(lang) + " " + s.Why.In(lang); !saysOnly72Hours(got) {
				t.Errorf("incident step %s (%s) = %q, want it to say 72 hours and no other delay", id, lang, got)
			}
		}
	}
	contacts := map[string]incident.Contact{}
	for _, c := range incident.Contacts() {
		contacts[c.ID] = c
	}
	for _, id := range []string{"cnil", "assureur"} {
		c, ok := contacts[id]
		if !ok {
			t.Errorf("incident contact %s is missing", id)
			continue
		}
		for _, lang := range []string{"fr", "en"} {
			if got := c.When.In(lang); !saysOnly72Hours(got) {
				t.Errorf("incident contact %s (%s) = %q, want it to say 72 hours and no other delay", id, lang, got)
			}
		}
	}
}

var delay = regexp.MustCompile(`(?i)\b\d+ (heures?|hours?|h|jours?|days?)\b`)

// saysOnly72Hours reports whether s gives 72 hours as a delay, and no other.
func saysOnly72Hours(s string) bool {
	found := delay.FindAllString(s, -1)
	for _, d := range found {
		if d != "72 heures" && d != "72 hours" {
			return false
		}
	}
	return len(found) > 0
}
