package ui

import (
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hygie/checks/diagnostic"
	"hygie/checks/diagnostic/policy"
	"hygie/checks/probe"
	"hygie/incident"
)

// newDiagnosticEnv is newHygieneEnv with the computer checks' results
// recorded as a probe run would, without reading the machine.
func newDiagnosticEnv(t *testing.T, results []probe.Result) *Env {
	t.Helper()
	env := newHygieneEnv(t, true)
	if len(results) > 0 {
		if _, err := env.hygiene.list.RecordProbes(results, hygieneNow()); err != nil {
			t.Fatal(err)
		}
		env.hygiene.changed()
	}
	return env
}

// radios lists the radio groups under o, in reading order.
func radios(o fyne.CanvasObject) []*widget.RadioGroup {
	var out []*widget.RadioGroup
	if r, ok := o.(*widget.RadioGroup); ok {
		return []*widget.RadioGroup{r}
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, k := range c.Objects {
			out = append(out, radios(k)...)
		}
	}
	return out
}

// questionRadio is the answer group of question index i of the shown theme.
func questionRadio(t *testing.T, q *quizView, i int) *widget.RadioGroup {
	t.Helper()
	rs := radios(q.questions)
	if i >= len(rs) {
		t.Fatalf("theme shows %d questions, want at least %d", len(rs), i+1)
	}
	return rs[i]
}

// themeIndex is the position of theme id in the questionnaire.
func themeIndex(t *testing.T, cat *diagnostic.Catalogue, id string) int {
	for i, th := range cat.Themes {
		if th.ID == id {
			return i
		}
	}
	t.Fatalf("no theme %s", id)
	return -1
}

// The computer's checks pre-fill their questions with the evidence in plain
// words; the user corrects one, « je ne sais pas » offers its guide, and
// the saved assessment holds both.
func TestDiagnosticPrefilledByProbes(t *testing.T) {
	env := newDiagnosticEnv(t, []probe.Result{
		{ID: probe.Firewall, Status: probe.Pass, Code: "firewall.on", Details: "ufw status: active"},
		{ID: probe.DiskEncryption, Status: probe.Fail, Code: "encryption.off", Details: "lsblk: no crypt"},
	})
	s := newDiagnosticScreen(env)
	s.content()
	if s.tabs.SelectedIndex() != diagTabQuiz {
		t.Errorf("without an assessment the questionnaire must show first, got tab %d", s.tabs.SelectedIndex())
	}
	q := s.quiz
	if a := q.answers["ws-firewall"]; a.Value != diagnostic.Yes || a.Source != diagnostic.FromProbe {
		t.Errorf("ws-firewall = %+v, want yes from the probe", a)
	}
	q.show(themeIndex(t, env.diag.cat, "workstations"))
	if !strings.Contains(q.step.Text, "Thème 3 sur 10") {
		t.Errorf("step = %q, want « Thème 3 sur 10 »", q.step.Text)
	}
	texts := strings.Join(orderedTexts(q.questions), "\n")
	if !strings.Contains(texts, "Vérifié sur cet ordinateur. Le pare-feu est actif.") {
		t.Errorf("the firewall's evidence is not shown in plain words:\n%s", texts)
	}
	// ws-updates is the first question of the theme, ws-encryption the fifth.
	questionRadio(t, q, 0).SetSelected("Je ne sais pas")
	questionRadio(t, q, 4).SetSelected("Oui")
	texts = strings.Join(orderedTexts(q.questions), "\n")
	if !strings.Contains(texts, "Pour le savoir :") {
		t.Errorf("« je ne sais pas » must say how to find out:\n%s", texts)
	}
	var asked string
	old := showGuide
	showGuide = func(_ *Env, id string) { asked = id }
	t.Cleanup(func() { showGuide = old })
	tapButton(t, q.questions, "Lire le guide")
	if asked != "mises-a-jour-antivirus" {
		t.Errorf("guide asked = %q, want the updates' guide", asked)
	}
	q.onSave()
	a, ok, err := env.diag.store.Latest()
	if err != nil || !ok {
		t.Fatalf("Latest = %v, %v", ok, err)
	}
	want := map[string]diagnostic.Answer{
		"ws-firewall":   {Value: diagnostic.Yes, Source: diagnostic.FromProbe},
		"ws-encryption": {Value: diagnostic.Yes, Source: diagnostic.FromUser},
		"ws-updates":    {Value: diagnostic.Unknown, Source: diagnostic.FromUser},
	}
	for id, w := range want {
		if got := a.Answers[id]; got.Value != w.Value || got.Source != w.Source {
			t.Errorf("saved %s = %+v, want %+v", id, got, w)
		}
	}
	if s.tabs.SelectedIndex() != diagTabResults {
		t.Errorf("after saving the results must show")
	}
	if _, err := os.Stat(filepath.Join(env.DataDir, "status.json")); err != nil {
		t.Errorf("saving must update the status document: %v", err)
	}
}

// allNo answers every question « non ».
func allNo(cat *diagnostic.Catalogue) map[string]diagnostic.Answer {
	out := map[string]diagnostic.Answer{}
	for _, q := range cat.Questions {
		out[q.ID] = diagnostic.Answer{Value: diagnostic.No, Source: diagnostic.FromUser}
	}
	return out
}

// The plan lists the gaps as the domain orders them, quick wins first,
// each with who, how long and its guide; marking one done raises the
// hygiene score and is « oui » in the next questionnaire.
func TestDiagnosticPlanOrderAndDone(t *testing.T) {
	env := newDiagnosticEnv(t, nil)
	cat := env.diag.cat
	if _, err := env.diag.store.Save(allNo(cat), hygieneNow().Add(-24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	env.hygiene.changed()
	s := newDiagnosticScreen(env)
	s.content()
	if s.tabs.SelectedIndex() != diagTabResults {
		t.Errorf("with an assessment the results must show first")
	}
	texts := orderedTexts(s.plan)
	items := cat.Plan(allNo(cat), nil)
	last := -1
	for i, it := range items[:5] {
		j := indexContaining(texts, it.Question.Action.FR)
		if j <= last {
			t.Errorf("plan item %d (%s) at %d, after %d: not in the domain's order", i, it.Question.ID, j, last)
		}
		last = j
	}
	if items[0].Priority != 9 || indexContaining(texts, "Qui : ") < 0 || indexContaining(texts, "Temps : quelques minutes") < 0 {
		t.Errorf("first item priority %d; texts:\n%s", items[0].Priority, strings.Join(texts[:8], "\n"))
	}
	before := env.hygiene.rec.Score(env.hygiene.today()).Total
	marks := radios(s.plan)
	for i := 0; i < 10; i++ {
		marks[i].SetSelected("Fait")
		marks = radios(s.plan) // the list is rebuilt after each mark
	}
	after := env.hygiene.rec.Score(env.hygiene.today()).Total
	if after <= before {
		t.Errorf("hygiene score %d → %d after ten plan items done, want a rise", before, after)
	}
	if got := indexContaining(orderedTexts(s.plan), "10 mesures faites sur"); got < 0 {
		t.Errorf("the plan must count the items done:\n%s", strings.Join(orderedTexts(s.plan)[:3], "\n"))
	}
	s.quiz.restart()
	if a := s.quiz.answers[items[0].Question.ID]; a.Value != diagnostic.Yes || a.Source != diagnostic.FromPlan {
		t.Errorf("next questionnaire: %s = %+v, want yes from the plan", items[0].Question.ID, a)
	}
}

// A failed save says so in French and keeps the answers on screen.
func TestDiagnosticSaveFailure(t *testing.T) {
	env := newDiagnosticEnv(t, nil)
	s := newDiagnosticScreen(env)
	s.content()
	questionRadio(t, s.quiz, 0).SetSelected("Oui")
	env.DB.Close()
	s.quiz.onSave()
	if !strings.Contains(s.quiz.status.Text, "n'a pas pu enregistrer") {
		t.Errorf("status = %q, want a French failure", s.quiz.status.Text)
	}
	if s.quiz.answers["gov-referent"].Value != diagnostic.Yes {
		t.Errorf("the answers must stay after a failure")
	}
}

// The policy is drafted from the answers and Réglages, numbered per
// export, and its PDF reads back.
func TestDiagnosticPolicyPDF(t *testing.T) {
	env := newDiagnosticEnv(t, nil)
	if _, err := env.diag.store.Save(allNo(env.diag.cat), hygieneNow()); err != nil {
		t.Fatal(err)
	}
	s := newDiagnosticScreen(env)
	s.content()
	p := s.policyDraft()
	p.Responsible = "Claire Martin"
	for v := 1; v <= 2; v++ {
		path := filepath.Join(t.TempDir(), "politique.pdf")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		msg, ok := s.exportPolicy(p, f, path)
		if !ok || !strings.Contains(msg, "Rapport enregistré") {
			t.Fatalf("export = %q, %v", msg, ok)
		}
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		text := strings.Join(strings.Fields(string(out)), " ")
		for _, want := range []string{"Politique de sécurité du cabinet", "Version " + string(rune('0'+v)) + " du 22 novembre 2026",
			"Responsable de la sécurité informatique : Claire Martin", "Sauvegardes et rotation", "Encore à mettre en place"} {
			if !strings.Contains(text, want) {
				t.Errorf("export %d lacks %q:\n%s", v, want, text)
			}
		}
	}
}

// seedDiagnostic saves two assessments (12 November, then today) and
// marks two plan items, as a practice that took the questionnaire twice.
func seedDiagnostic(t *testing.T, env *Env) {
	t.Helper()
	cat := env.diag.cat
	first, second := map[string]diagnostic.Answer{}, map[string]diagnostic.Answer{}
	cycle := []diagnostic.Value{diagnostic.Yes, diagnostic.No, diagnostic.Partial, diagnostic.Yes, diagnostic.Unknown, diagnostic.Yes}
	before := []diagnostic.Value{diagnostic.No, diagnostic.Unknown, diagnostic.Partial, diagnostic.Yes, diagnostic.No, diagnostic.Yes}
	for i, q := range cat.Questions {
		first[q.ID] = diagnostic.Answer{Value: before[i%len(before)], Source: diagnostic.FromUser}
		second[q.ID] = diagnostic.Answer{Value: cycle[i%len(cycle)], Source: diagnostic.FromUser}
	}
	now := hygieneNow()
	if _, err := env.diag.store.Save(first, time.Date(2026, 11, 12, 18, 0, 0, 0, time.Local)); err != nil {
		t.Fatal(err)
	}
	if _, err := env.diag.store.Save(second, now); err != nil {
		t.Fatal(err)
	}
	plan := cat.Plan(second, nil)
	if err := env.diag.store.SetPlanState(plan[0].Question.ID, diagnostic.PlanDone, now); err != nil {
		t.Fatal(err)
	}
	if err := env.diag.store.SetPlanState(plan[1].Question.ID, diagnostic.PlanPlanned, now); err != nil {
		t.Fatal(err)
	}
	env.hygiene.changed()
}

// An assessed practice's three tabs fit 900 × 600 in both languages, with
// no cut label and no French in the English interface, and their markup
// is kept as goldens.
func TestDiagnosticAssessedScreens(t *testing.T) {
	data := typedData()
	for _, lg := range []string{langFR, langEN} {
		t.Run(lg, func(t *testing.T) {
			env, w := goldenWindow(t, statePopulated, lg)
			seedDiagnostic(t, env)
			env.nav.show("diagnostic")
			i := slicesIndexKey(env.nav.sections, "diagnostic")
			stack := env.nav.tabs.Items[i].Content
			room := env.nav.tabs.Size().Width - stack.Position().X
			sub := screenTabs(stack)
			if sub == nil || len(sub.Items) != 3 {
				t.Fatalf("diagnostic: want three tabs")
			}
			seen := map[string]bool{}
			for j, key := range []string{"results", "quiz", "plan"} {
				sub.SelectIndex(j)
				checkPage(t, lg, walkPage{"diagnostic/" + key, "Diagnostic › " + sub.Items[j].Text, sub.Items[j].Content}, room, w, data, seen)
				assertGolden(t, goldenName("diagnostic", key, "assessed", lg), w.Canvas())
				if dir := os.Getenv("HYGIE_DIAG_PNG"); dir != "" {
					writePNG(t, filepath.Join(dir, key+"."+lg+".png"), w.Canvas().Capture())
				}
			}
		})
	}
}

func slicesIndexKey(sections []section, key string) int {
	for i, s := range sections {
		if s.key == key {
			return i
		}
	}
	return -1
}

func writePNG(t *testing.T, path string, img image.Image) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// The policy's form is drafted from Réglages and the answers, and what the
// practitioner edits there is what gets exported.
func TestDiagnosticPolicyForm(t *testing.T) {
	env := newDiagnosticEnv(t, nil)
	if err := env.journal.SavePractice(incident.Practice{Cabinet: "Cabinet des Lilas", Practitioner: "Claire Martin"}); err != nil {
		t.Fatal(err)
	}
	if _, err := env.diag.store.Save(allNo(env.diag.cat), hygieneNow()); err != nil {
		t.Fatal(err)
	}
	s := newDiagnosticScreen(env)
	s.content()
	s.onPolicy()
	top := env.Win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no policy form")
	}
	var entries []*widget.Entry
	walkObjects(top, func(o fyne.CanvasObject) bool {
		switch e := o.(type) {
		case *widget.Entry:
			entries = append(entries, e)
			return false
		case *field:
			entries = append(entries, &e.Entry)
			return false
		case *textArea:
			entries = append(entries, &e.Entry)
			return false
		}
		return true
	})
	if len(entries) != 9 || entries[0].Text != "Claire Martin" || !strings.Contains(entries[4].Text, "Encore à mettre en place") {
		t.Fatalf("form: %d fields, want the responsible person and 8 rules drafted", len(entries))
	}
	entries[0].SetText("Paul Durand")
	entries[4].SetText("Sauvegarde chaque soir sur deux disques, en alternance.")
	var handed *policy.Policy
	old := savePolicy
	savePolicy = func(_ *diagnosticScreen, p policy.Policy) { handed = &p }
	t.Cleanup(func() { savePolicy = old })
	var exported string
	walkObjects(top, func(o fyne.CanvasObject) bool {
		if b, ok := asButton(o); ok && b.Text == "Exporter en PDF…" && exported == "" {
			exported = b.Text
			test.Tap(b)
		}
		return true
	})
	if exported == "" {
		t.Fatal("no export button")
	}
	if handed == nil || handed.Responsible != "Paul Durand" || handed.Contacts.Practice != "Cabinet des Lilas" ||
		handed.Rules[3].Text != "Sauvegarde chaque soir sur deux disques, en alternance." {
		t.Errorf("the export must carry the edited form, got %+v", handed)
	}
}

// The status document follows the window: a checklist change rewrites it,
// and so does a plan mark; a data folder that does not exist is left alone.
func TestStatusFollowsChanges(t *testing.T) {
	env := newDiagnosticEnv(t, nil)
	path := filepath.Join(env.DataDir, "status.json")
	os.Remove(path)
	env.hygiene.changed()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("a checklist change must write the status document: %v", err)
	}
	if _, err := env.diag.store.Save(allNo(env.diag.cat), hygieneNow()); err != nil {
		t.Fatal(err)
	}
	os.Remove(path)
	s := newDiagnosticScreen(env)
	s.content()
	radios(s.plan)[0].SetSelected("Fait")
	data, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(data), `"assessed_on"`) {
		t.Fatalf("a plan mark must rewrite the status document: %v", err)
	}
	env.DataDir = filepath.Join(env.DataDir, "missing")
	updateStatus(env)
	if _, err := os.Stat(env.DataDir); err == nil {
		t.Errorf("updateStatus created a data folder")
	}
}

// Saving without any answer saves nothing and says what to do.
func TestDiagnosticSaveNothing(t *testing.T) {
	env := newDiagnosticEnv(t, nil)
	s := newDiagnosticScreen(env)
	s.content()
	s.quiz.onSave()
	if _, ok, _ := env.diag.store.Latest(); ok || !strings.Contains(s.quiz.status.Text, "au moins une question") {
		t.Errorf("an empty questionnaire was saved (status %q)", s.quiz.status.Text)
	}
}
