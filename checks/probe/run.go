package probe

import (
	"context"
	"time"
)

// ProbeTimeout is each probe's time limit in RunAll. With every probe
// running at once, the whole run ends within it plus a short grace.
const ProbeTimeout = 2500 * time.Millisecond

// graceAfterTimeout is how long RunProbes still waits for a probe that
// ignores its deadline before reporting it as too slow.
const graceAfterTimeout = 200 * time.Millisecond

// RunProbes runs the probes concurrently, each under its own timeout, and
// returns their results in the probes' order. A probe that panics or
// overruns its deadline gives an unknown result instead of stopping the run.
func RunProbes(ctx context.Context, probes []Probe, timeout time.Duration) []Result {
	chans := make([]chan Result, len(probes))
	for i, p := range probes {
		chans[i] = make(chan Result, 1)
		go func() { chans[i] <- runOne(ctx, p, timeout) }()
	}
	results := make([]Result, len(probes))
	deadline := time.NewTimer(timeout + graceAfterTimeout)
	defer deadline.Stop()
	start, expired := time.Now(), false
	for i, ch := range chans {
		results[i] = await(ch, deadline.C, &expired, probes[i].ID(), start)
	}
	return results
}

// await takes a probe's result, or reports it too slow once the run's
// deadline has passed; after that, only results already there are taken.
func await(ch <-chan Result, deadline <-chan time.Time, expired *bool, id string, start time.Time) Result {
	if !*expired {
		select {
		case r := <-ch:
			return r
		case <-deadline:
			*expired = true
		}
	}
	select {
	case r := <-ch:
		return r
	default:
		return tooSlow(id, start)
	}
}

// runOne runs one probe under its timeout, timing it and turning a panic
// into an unknown result.
func runOne(ctx context.Context, p Probe, timeout time.Duration) (r Result) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	start := time.Now()
	defer func() {
		if v := recover(); v != nil {
			// The panic value may hold raw command output: keep it out
			// of the text shown to the user.
			r = unknown(CodeInternal, Params{}, "")
			r.ID, r.Remedy = p.ID(), RemedyFor(p.ID())
		}
		r.At, r.Duration = start, time.Since(start)
	}()
	r = p.Run(ctx)
	if r.Status == Unknown && r.Code == "" && ctx.Err() != nil {
		r.Code = CodeTimeout
	}
	return r
}

func tooSlow(id string, start time.Time) Result {
	r := unknown(CodeTimeout, Params{}, "probe still running after its deadline")
	r.ID, r.Remedy = id, RemedyFor(id)
	r.At, r.Duration = start, time.Since(start)
	return r
}
