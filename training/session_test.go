package training

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"hygie/store"
)

func ids(ss []Sample) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.ID
	}
	return out
}

func TestSessionOrderChangesAndIsSeedable(t *testing.T) {
	a := ids(NewSession(Samples(), nil, rand.New(rand.NewPCG(1, 2))).Samples)
	b := ids(NewSession(Samples(), nil, rand.New(rand.NewPCG(1, 2))).Samples)
	c := ids(NewSession(Samples(), nil, rand.New(rand.NewPCG(3, 4))).Samples)
	if len(a) != SessionSize {
		t.Fatalf("session has %d samples, want %d", len(a), SessionSize)
	}
	if !slices.Equal(a, b) {
		t.Errorf("same seed gave %v then %v, want the same session", a, b)
	}
	if slices.Equal(a, c) {
		t.Errorf("another seed gave the same session %v", a)
	}
	seen := map[string]bool{}
	for _, id := range a {
		if seen[id] {
			t.Errorf("session %v repeats %s", a, id)
		}
		seen[id] = true
	}
}

func TestSessionBringsBackMissed(t *testing.T) {
	missed := []string{"faux-ameli-carte-vitale", "impots-avis-cfe"}
	for seed := range uint64(20) {
		got := ids(NewSession(Samples(), missed, rand.New(rand.NewPCG(seed, 0))).Samples)
		for _, m := range missed {
			if !slices.Contains(got, m) {
				t.Errorf("seed %d: session %v lacks missed %s", seed, got, m)
			}
		}
	}
	// Many missed ones: at most three come back, so two are new.
	all := ids(Samples())
	got := NewSession(Samples(), all[:10], rand.New(rand.NewPCG(5, 5))).Samples
	replays := 0
	for _, s := range got {
		if slices.Contains(all[:10], s.ID) {
			replays++
		}
	}
	if replays != maxReplays {
		t.Errorf("%d replays in a session with 10 missed, want %d", replays, maxReplays)
	}
}

func TestHistoryStoresScoresAndMissed(t *testing.T) {
	db, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	h, err := OpenHistory(db)
	if err != nil {
		t.Fatal(err)
	}
	s := NewSession(Samples(), nil, rand.New(rand.NewPCG(7, 7)))
	first, second := s.Samples[0], s.Samples[1]
	s.Answer(first.ID, first.Answer)
	if right, ok := s.Answer(second.ID, otherAnswer(second.Answer)); !ok || right {
		t.Fatalf("Answer(wrong) = %v, %v; want false, true", right, ok)
	}
	t0 := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	if err := h.Save(t0, s.Result()); err != nil {
		t.Fatal(err)
	}
	scores, err := h.Scores()
	if err != nil || len(scores) != 1 || scores[0].Score != 1 || scores[0].Total != SessionSize || !scores[0].At.Equal(t0) {
		t.Fatalf("Scores() = %+v, %v; want one session scored 1/%d", scores, err, SessionSize)
	}
	missed, _ := h.Missed()
	if len(missed) != SessionSize-1 || slices.Contains(missed, first.ID) || !slices.Contains(missed, second.ID) {
		t.Errorf("Missed() = %v, want the %d samples not answered right", missed, SessionSize-1)
	}
	// Answered right later: no longer missed.
	again := &Session{Samples: []Sample{second}, answers: map[string]Answer{}}
	again.Answer(second.ID, second.Answer)
	if err := h.Save(t0.Add(time.Hour), again.Result()); err != nil {
		t.Fatal(err)
	}
	missed, _ = h.Missed()
	if slices.Contains(missed, second.ID) {
		t.Errorf("Missed() = %v still holds %s after a right answer", missed, second.ID)
	}
}

func otherAnswer(a Answer) Answer {
	if a == Trap {
		return Legitimate
	}
	return Trap
}

func TestLinksAreText(t *testing.T) {
	s, _ := SampleByID("faux-doctolib-compte-suspendu")
	links, err := s.Links()
	if err != nil || len(links) == 0 {
		t.Fatalf("Links() = %v, %v; want the anchor first", links, err)
	}
	if links[0].Host != "doctolib-pro-compte.com" || links[0].Text != "https://pro.doctolib.fr/verification" {
		t.Errorf("Links() = %+v, want the real host and the shown text", links[0])
	}
}
