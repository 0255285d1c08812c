package training

import (
	"math/rand/v2"
	"slices"
)

// SessionSize is the number of messages in one quiz session.
const SessionSize = 5

// maxReplays caps the missed messages brought back in one session, so a
// session always has something new too.
const maxReplays = 3

// Session is one run of the quiz: a few samples in a fresh order.
type Session struct {
	Samples []Sample
	answers map[string]Answer
}

// NewSession draws SessionSize samples from pool with rng: up to three of
// the missed ones (sample ids answered wrongly last time) come back, the
// rest are drawn from the others, and the order is shuffled. A seeded rng
// gives a reproducible session for the tests; the app seeds from the clock.
func NewSession(pool []Sample, missed []string, rng *rand.Rand) *Session {
	var again, others []Sample
	for _, s := range pool {
		if slices.Contains(missed, s.ID) {
			again = append(again, s)
		} else {
			others = append(others, s)
		}
	}
	shuffle(rng, again)
	shuffle(rng, others)
	n := min(SessionSize, len(pool))
	k := min(maxReplays, len(again), n)
	picked := append(slices.Clone(again[:k]), others[:min(n-k, len(others))]...)
	if len(picked) < n { // not enough new ones: top up with more replays
		picked = append(picked, again[k:k+n-len(picked)]...)
	}
	shuffle(rng, picked)
	return &Session{Samples: picked, answers: map[string]Answer{}}
}

func shuffle(rng *rand.Rand, s []Sample) {
	rng.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
}

// Answer records the user's answer for the sample with that id and tells
// whether it is right. Answering again replaces the first answer.
func (s *Session) Answer(id string, a Answer) (correct bool, ok bool) {
	for _, smp := range s.Samples {
		if smp.ID == id {
			s.answers[id] = a
			return smp.Judge(a), true
		}
	}
	return false, false
}

// Result is the outcome of one session, per sample.
type Result struct {
	Correct map[string]bool // sample id → answered right
}

// Score is the number of right answers.
func (r Result) Score() int {
	n := 0
	for _, ok := range r.Correct {
		if ok {
			n++
		}
	}
	return n
}

// Result returns the session's outcome; an unanswered sample counts as
// missed, so it comes back.
func (s *Session) Result() Result {
	r := Result{Correct: make(map[string]bool, len(s.Samples))}
	for _, smp := range s.Samples {
		a, answered := s.answers[smp.ID]
		r.Correct[smp.ID] = answered && smp.Judge(a)
	}
	return r
}
