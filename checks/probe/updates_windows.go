package probe

import "context"

func (s system) updates(ctx context.Context) Result {
	return s.psProbe(ctx, "Windows Update", psUpdates, func(text string) Result {
		return parseWinUpdates(text, s.now())
	})
}
