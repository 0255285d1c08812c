package probe

import "context"

func (s system) screenLock(ctx context.Context) Result {
	return s.psProbe(ctx, "Registry (screen saver)", psScreenLock, parseWinScreenLock)
}
