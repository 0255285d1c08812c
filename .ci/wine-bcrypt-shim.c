/* For package-test only, never shipped: Debian 12's Wine 8.0 has no
 * bcryptprimitives.dll, whose ProcessPrng the Go runtime (>= 1.23) calls at
 * start-up. Real Windows has it. This stand-in fills the buffer from
 * RtlGenRandom (advapi32's SystemFunction036).
 *
 * x86_64-w64-mingw32-gcc -O2 -shared -s -o bcryptprimitives.dll wine-bcrypt-shim.c -ladvapi32
 */
#include <windows.h>
#include <ntsecapi.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!RtlGenRandom(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
