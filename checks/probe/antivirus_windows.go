package probe

import "context"

func (s system) antivirus(ctx context.Context) Result {
	return s.psProbe(ctx, "Get-MpComputerStatus", psAntivirus, parseWinAntivirus)
}
