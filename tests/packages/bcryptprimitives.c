/* Test-only stand-in for Windows' bcryptprimitives.dll, for Debian's Wine 8, which lacks
 * ProcessPrng (Windows 10 and 11 have it, and Rust's standard library asks for it). It is
 * placed beside ttq.exe in the smoke suite's Wine prefix only; it never goes into the
 * installer. ProcessPrng fills the buffer from RtlGenRandom (advapi32's SystemFunction036),
 * the generator Windows itself used before ProcessPrng. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
