package probe

import "context"

func (s system) screenLock(ctx context.Context) Result {
	return s.psProbe(ctx, "Registre (économiseur d'écran)", psScreenLock, parseWinScreenLock)
}
