package probe

import "context"

func (s system) adminAccounts(ctx context.Context) Result {
	return s.psProbe(ctx, "Get-LocalGroupMember", psAdmins, parseWinAdmins)
}
