package diagnostic

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hygie/checks/probe"
	"hygie/guides"
	"hygie/store"
)

func builtin(t *testing.T) *Catalogue {
	t.Helper()
	c, err := Builtin()
	if err != nil {
		t.Fatalf("embedded questions do not load: %v", err)
	}
	return c
}

// TestCatalogue: every theme has questions, every guide exists, every
// source is a public https address, and each workstation measure a probe
// can read is linked to it.
func TestCatalogue(t *testing.T) {
	c := builtin(t)
	lib, err := guides.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(c.Questions); n < 38 {
		t.Errorf("%d questions, want about 40", n)
	}
	perTheme := map[string]int{}
	for _, q := range c.Questions {
		perTheme[q.Theme]++
		if _, ok := lib.Get(q.Guide); !ok {
			t.Errorf("question %s: guide %q does not exist", q.ID, q.Guide)
		}
	}
	for _, th := range c.Themes {
		if perTheme[th.ID] < 2 {
			t.Errorf("theme %s has %d questions", th.ID, perTheme[th.ID])
		}
	}
	for key, s := range c.Sources {
		if !strings.HasPrefix(s.URL, "https://") || s.Publisher == "" || s.Title == "" {
			t.Errorf("source %s = %+v", key, s)
		}
	}
	linked := map[string]bool{}
	for _, q := range c.Questions {
		linked[q.Probe] = true
	}
	for _, id := range probe.IDs() {
		if !linked[id] {
			t.Errorf("probe %s pre-fills no question", id)
		}
	}
}

var badCatalogues = []struct{ name, json string }{
	{"duplicate id", `{"sources":{"s":{"publisher":"p","title":"t","url":"https://x"}},"themes":[{"id":"a","title":{"fr":"A","en":"A"}}],"questions":[` + q("x", "") + `,` + q("x", "") + `]}`},
	{"unknown probe", `{"sources":{"s":{"publisher":"p","title":"t","url":"https://x"}},"themes":[{"id":"a","title":{"fr":"A","en":"A"}}],"questions":[` + q("x", `"probe":"nope",`) + `]}`},
	{"missing english", `{"sources":{"s":{"publisher":"p","title":"t","url":"https://x"}},"themes":[{"id":"a","title":{"fr":"A","en":"A"}}],"questions":[` + strings.Replace(q("x", ""), `"en":"T"`, `"en":""`, 1) + `]}`},
	{"unknown theme", `{"sources":{"s":{"publisher":"p","title":"t","url":"https://x"}},"themes":[],"questions":[` + q("x", "") + `]}`},
	{"unknown source", `{"sources":{},"themes":[{"id":"a","title":{"fr":"A","en":"A"}}],"questions":[` + q("x", "") + `]}`},
	{"weight out of range", `{"sources":{"s":{"publisher":"p","title":"t","url":"https://x"}},"themes":[{"id":"a","title":{"fr":"A","en":"A"}}],"questions":[` + strings.Replace(q("x", ""), `"weight":1`, `"weight":7`, 1) + `]}`},
}

func q(id, extra string) string {
	return `{"id":"` + id + `","theme":"a",` + extra + `"weight":1,"risk":1,"ease":1,"effort":"minutes","who":"practitioner","guide":"g","source":"s",` +
		`"measure":{"fr":"m","en":"m"},"text":{"fr":"T","en":"T"},"find_out":{"fr":"F","en":"F"},"action":{"fr":"A","en":"A"}}`
}

func TestParseRejects(t *testing.T) {
	for _, tc := range badCatalogues {
		if _, err := Parse([]byte(tc.json)); err == nil {
			t.Errorf("Parse(%s) = nil error, want a refusal", tc.name)
		}
	}
}

// answersFor gives every question of theme the same value.
func answersFor(c *Catalogue, theme string, v Value) map[string]Answer {
	out := map[string]Answer{}
	for _, q := range c.Questions {
		if q.Theme == theme {
			out[q.ID] = Answer{Value: v, Source: FromUser}
		}
	}
	return out
}

var scoreCases = []struct {
	name    string
	value   Value
	percent int
	level   Level // 0: nil
}{
	{"all yes", Yes, 100, Exemplary},
	{"all partial", Partial, 50, Progress},
	{"all no", No, 0, ToBuild},
	{"all unknown counts as a gap", Unknown, 0, ToBuild},
	{"all not applicable", NA, 0, 0},
}

func TestScoreTheme(t *testing.T) {
	c := builtin(t)
	for _, tc := range scoreCases {
		res := c.Score(answersFor(c, "backups", tc.value))
		var ts ThemeScore
		for _, s := range res.Themes {
			if s.Theme == "backups" {
				ts = s
			} else if s.Level != nil {
				t.Errorf("%s: unanswered theme %s has level %d", tc.name, s.Theme, *s.Level)
			}
		}
		got := Level(0)
		if ts.Level != nil {
			got = *ts.Level
		}
		if ts.Percent != tc.percent || got != tc.level {
			t.Errorf("Score(%s) = %d %%, level %d; want %d %%, level %d", tc.name, ts.Percent, got, tc.percent, tc.level)
		}
	}
}

func TestScoreWeightsAndUnanswered(t *testing.T) {
	c := builtin(t)
	// bak-frequency (weight 3) yes, the three others unanswered: 3 / (3+2+3+3).
	res := c.Score(map[string]Answer{"bak-frequency": {Value: Yes, Source: FromUser}})
	if res.Percent != 27 || res.Level == nil || *res.Level != ToBuild {
		t.Errorf("overall = %d %%, level %v; want 27 %%, level 1", res.Percent, res.Level)
	}
	if empty := c.Score(nil); empty.Level != nil {
		t.Errorf("Score(nil).Level = %d, want nil", *empty.Level)
	}
}

var levelCases = []struct {
	ratio float64
	want  Level
}{{0, ToBuild}, {0.39, ToBuild}, {0.40, Progress}, {0.649, Progress}, {0.65, Solid}, {0.85, Exemplary}, {1, Exemplary}}

func TestLevelOf(t *testing.T) {
	for _, tc := range levelCases {
		if got := levelOf(tc.ratio); got != tc.want {
			t.Errorf("levelOf(%v) = %d, want %d", tc.ratio, got, tc.want)
		}
	}
}

func TestPrefillAndOverride(t *testing.T) {
	c := builtin(t)
	results := []probe.Result{
		{ID: probe.Firewall, Status: probe.Pass, Details: "ufw status: active"},
		{ID: probe.DiskEncryption, Status: probe.Fail, Details: "lsblk: no crypt"},
		{ID: probe.Updates, Status: probe.Unknown},
	}
	pre := c.Prefill(results)
	want := map[string]Value{"ws-firewall": Yes, "ws-encryption": No}
	if len(pre) != len(want) {
		t.Errorf("Prefill = %v, want %v", pre, want)
	}
	for id, v := range want {
		if a := pre[id]; a.Value != v || a.Source != FromProbe || a.Evidence == "" {
			t.Errorf("Prefill[%s] = %+v, want %s from the probe with evidence", id, a, v)
		}
	}
	merged := Merge(pre, map[string]Answer{"ws-encryption": {Value: NA, Source: FromUser}})
	if merged["ws-encryption"].Value != NA || merged["ws-firewall"].Value != Yes {
		t.Errorf("Merge = %v: the user's answer must win and the rest stay", merged)
	}
}

func TestPlanOrder(t *testing.T) {
	c := builtin(t)
	answers := map[string]Answer{}
	for _, q := range c.Questions {
		answers[q.ID] = Answer{Value: No, Source: FromUser}
	}
	answers["gov-referent"] = Answer{Value: Unknown, Source: FromUser}
	answers["acc-2fa"] = Answer{Value: Yes, Source: FromUser}
	plan := c.Plan(answers, map[string]string{"ws-updates": PlanDone})
	if len(plan) != len(c.Questions)-1 {
		t.Fatalf("plan has %d items, want %d", len(plan), len(c.Questions)-1)
	}
	for i := 1; i < len(plan); i++ {
		a, b := plan[i-1], plan[i]
		if a.Priority < b.Priority || (a.Priority == b.Priority && effortRank[a.Question.Effort] > effortRank[b.Question.Effort]) {
			t.Errorf("plan[%d] %s (%d, %s) before %s (%d, %s)", i-1, a.Question.ID, a.Priority, a.Question.Effort, b.Question.ID, b.Priority, b.Question.Effort)
		}
	}
	if plan[0].Priority != 9 || plan[0].Question.Effort != Minutes {
		t.Errorf("first item %s: priority %d, %s; want a quick win (9, minutes)", plan[0].Question.ID, plan[0].Priority, plan[0].Question.Effort)
	}
	for _, it := range plan {
		switch it.Question.ID {
		case "gov-referent":
			if !it.FindOut {
				t.Errorf("« je ne sais pas » must start by finding out")
			}
		case "ws-updates":
			if it.State != PlanDone {
				t.Errorf("ws-updates state = %s, want done", it.State)
			}
		}
	}
}

func openDB(t *testing.T) *Store {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s, err := Open(db, builtin(t))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestStoreRoundTrip(t *testing.T) {
	s := openDB(t)
	if _, ok, err := s.Latest(); ok || err != nil {
		t.Fatalf("Latest on empty database = %v, %v", ok, err)
	}
	day1 := time.Date(2026, 11, 3, 9, 0, 0, 0, time.Local)
	first := map[string]Answer{"ws-firewall": {Value: Yes, Source: FromProbe, Evidence: "ufw: active"}}
	second := map[string]Answer{"ws-firewall": {Value: No, Source: FromUser}, "bak-offline": {Value: Partial, Source: FromUser}}
	if _, err := s.Save(first, day1); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Save(second, day1.AddDate(0, 1, 0)); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.Latest()
	if err != nil || !ok || got.Day != "2026-12-03" || len(got.Answers) != 2 || got.Answers["bak-offline"].Value != Partial {
		t.Errorf("Latest = %+v, %v, %v", got, ok, err)
	}
	hist, err := s.History()
	if err != nil || len(hist) != 2 || hist[0].Answers["ws-firewall"].Evidence != "ufw: active" {
		t.Errorf("History = %+v, %v", hist, err)
	}
}

// A refused answer saves nothing: no half-written assessment.
func TestSaveRefusesAndChangesNothing(t *testing.T) {
	s := openDB(t)
	bad := map[string]Answer{"ws-firewall": {Value: Yes, Source: FromUser}, "nope": {Value: Yes, Source: FromUser}}
	if _, err := s.Save(bad, time.Now()); !errors.Is(err, ErrInvalid) {
		t.Errorf("Save(unknown question) = %v, want ErrInvalid", err)
	}
	if _, err := s.Save(map[string]Answer{"ws-firewall": {Value: "maybe", Source: FromUser}}, time.Now()); !errors.Is(err, ErrInvalid) {
		t.Errorf("Save(unknown value) = %v, want ErrInvalid", err)
	}
	if _, ok, _ := s.Latest(); ok {
		t.Errorf("a refused assessment was saved")
	}
}

func TestPlanStates(t *testing.T) {
	s := openDB(t)
	now := time.Now()
	for _, step := range []struct{ id, state string }{{"ws-firewall", PlanPlanned}, {"bak-offline", PlanDone}, {"bak-offline", PlanPlanned}, {"ws-firewall", PlanTodo}} {
		if err := s.SetPlanState(step.id, step.state, now); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.PlanStates()
	if err != nil || len(got) != 1 || got["bak-offline"] != PlanPlanned {
		t.Errorf("PlanStates = %v, %v; want only bak-offline planned", got, err)
	}
	if err := s.SetPlanState("ws-firewall", "finished", now); !errors.Is(err, ErrInvalid) {
		t.Errorf("SetPlanState(bad state) = %v, want ErrInvalid", err)
	}
}

// TestDoneFeedsBack: a plan item marked done is « oui » in the next
// assessment and in the progress the hygiene score counts, unless the
// computer's check says otherwise.
func TestDoneFeedsBack(t *testing.T) {
	c := builtin(t)
	prev := map[string]Answer{
		"bak-offline":   {Value: No, Source: FromUser},
		"ws-firewall":   {Value: No, Source: FromUser},
		"bak-encrypted": {Value: No, Source: FromUser},
	}
	states := map[string]string{"bak-offline": PlanDone, "ws-firewall": PlanDone, "bak-encrypted": PlanPlanned}
	start := c.Start(prev, states, []probe.Result{{ID: probe.Firewall, Status: probe.Fail, Details: "ufw: inactive"}})
	if a := start["bak-offline"]; a.Value != Yes || a.Source != FromPlan {
		t.Errorf("Start[bak-offline] = %+v, want yes from the plan", a)
	}
	if a := start["ws-firewall"]; a.Value != No || a.Source != FromProbe {
		t.Errorf("Start[ws-firewall] = %+v, want the probe's no over the mark", a)
	}
	if a := start["bak-encrypted"]; a.Value != No {
		t.Errorf("Start[bak-encrypted] = %+v: planned is not done", a)
	}
	if err := c.Check(start); err != nil {
		t.Errorf("Check(Start) = %v", err)
	}
	before, ok := c.Progress(prev, nil)
	after, ok2 := c.Progress(prev, states)
	if !ok || !ok2 || after <= before {
		t.Errorf("Progress = %.2f then %.2f with done items, want a rise", before, after)
	}
	if _, ok := c.Progress(nil, states); ok {
		t.Errorf("Progress without an assessment must not count")
	}
}
