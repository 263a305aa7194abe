/*
 * bcryptprimitives.dll for Wine 8, which lacks ProcessPrng.
 *
 * Go programs since Go 1.22 draw all their randomness from ProcessPrng in
 * bcryptprimitives.dll (Windows 10 and later have it). Wine 8, the version
 * Debian 12 ships, has no such export, so every Go program for Windows stops
 * at start-up under it. This DLL exports ProcessPrng over RtlGenRandom
 * (advapi32's SystemFunction036), which Wine implements with the host's
 * random source. It is used only to run the Windows build under Wine in
 * make test; nothing of it is shipped.
 *
 * Build: x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll
 *        bcryptprimitives.c bcryptprimitives.def
 */
#include <windows.h>

typedef BOOLEAN (WINAPI *rtlgenrandom_fn)(PVOID, ULONG);

static rtlgenrandom_fn rtlgenrandom(void)
{
	static rtlgenrandom_fn fn;
	if (fn == NULL) {
		HMODULE advapi = LoadLibraryA("advapi32.dll");
		if (advapi != NULL)
			fn = (rtlgenrandom_fn)(void *)GetProcAddress(advapi, "SystemFunction036");
	}
	return fn;
}

/* ProcessPrng fills data with size random bytes; like Windows it always
 * returns TRUE, so on a failure of the source it stops the process rather
 * than hand back bytes that are not random. */
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
	rtlgenrandom_fn gen = rtlgenrandom();
	while (size > 0) {
		ULONG n = size > 0x40000000 ? 0x40000000 : (ULONG)size;
		if (gen == NULL || !gen(data, n))
			ExitProcess(2);
		data += n;
		size -= n;
	}
	return TRUE;
}
