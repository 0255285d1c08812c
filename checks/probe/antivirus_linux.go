package probe

import "context"

// antivirus recognises ClamAV and checks its signatures are fresh;
// without it, it says plainly that Linux needs none by default.
func (s system) antivirus(ctx context.Context) Result {
	for _, tool := range []string{"clamscan", "clamdscan"} {
		out := s.cmd(ctx, tool, "--version")
		if out.Missing() {
			continue
		}
		if out.Err != nil {
			return cmdUnknown(out, tool+" --version")
		}
		return parseClamVersion(out.Stdout, s.now())
	}
	return unknown(CodeAVNoneLinux, Params{}, "neither clamscan nor clamdscan found")
}
