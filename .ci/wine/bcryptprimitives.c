/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bcryptprimitives.dll for wine 8.0 (Debian 12), which does not ship it.
 *
 * Windows binaries of Go 1.22 and later take their random bytes from
 * ProcessPrng in this DLL and stop at start without it ("fatal error:
 * bcryptprimitives.dll not found").  This one fills the buffer from
 * advapi32's RtlGenRandom (SystemFunction036), which wine has.  Built with
 * MinGW and copied into the prefix's system32 by .ci/wine-prefix; for tests
 * only.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG n = length > 0x40000000 ? 0x40000000 : (ULONG)length;

        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        length -= n;
    }
    return TRUE;
}
