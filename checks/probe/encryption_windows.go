package probe

import "context"

func (s system) diskEncryption(ctx context.Context) Result {
	return s.psProbe(ctx, "BitLocker", psBitLocker, parseWinBitLocker)
}
