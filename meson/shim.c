/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The block-coroutine-wrapper that Meson hands to find_program(): it runs
 * the Go binary built beside it, with the same arguments, and exits as it
 * did, with its output on the same stdout and stderr.
 *
 * It exists because meson.override_find_program() accepts an executable()
 * but not the custom_target that builds the Go binary.  The Go binary's
 * path (BCW_GO_BINARY, in bcw-shim.h, UTF-8) is fixed at configure time;
 * the shim is relinked whenever that binary changes (link_depends), so
 * targets that run it are re-run exactly when the tool changed.
 *
 * On POSIX hosts it execv()s the binary, which takes its place.  Windows
 * has no exec: its execv() starts the program and exits at once with
 * status 0, so ninja would go on before block-gen.c is written and never
 * see a failure.  There the shim starts the binary with CreateProcessW,
 * waits for it and exits with its exit code (meson/e2e/shim_test.go runs
 * this under wine).
 */
#include "bcw-shim.h"

#ifdef _WIN32

#include <windows.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* Reports a failed Win32 call and returns 127, as a shell does for a
 * command it cannot run. */
static int fail(const char *what)
{
    DWORD err = GetLastError();
    char msg[512] = "";

    FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
                   NULL, err, 0, msg, sizeof(msg), NULL);
    fprintf(stderr, "block-coroutine-wrapper: %s %s: error %lu: %s\n",
            what, BCW_GO_BINARY, (unsigned long)err, msg);
    return 127;
}

/*
 * The arguments after the program name in the command line the shim was
 * started with, untouched.  The program name ends, as the C runtime reads
 * it, at the first space or tab outside double quotes, and quotes in it
 * only toggle; no backslash escapes there.  Passing the rest on as it came
 * means the Go binary splits it exactly as it would if it had been started
 * directly: nothing is split and quoted again, so no argument can change
 * on the way (quotes, trailing backslashes, spaces, empty arguments, any
 * Unicode).
 */
static const wchar_t *arguments(const wchar_t *cmdline)
{
    int quoted = 0;

    for (; *cmdline; cmdline++) {
        if (*cmdline == L'"')
            quoted = !quoted;
        else if ((*cmdline == L' ' || *cmdline == L'\t') && !quoted)
            break;
    }
    while (*cmdline == L' ' || *cmdline == L'\t')
        cmdline++;
    return cmdline;
}

/* A copy of a standard handle that the child can inherit: whatever the
 * shim's stdout and stderr are (ninja's pipe, a console, a file), the
 * generator writes to the same place. */
static HANDLE inheritable(DWORD which)
{
    HANDLE h = GetStdHandle(which), dup;

    if (h == NULL || h == INVALID_HANDLE_VALUE)
        return h;
    if (!DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), &dup,
                         0, TRUE, DUPLICATE_SAME_ACCESS))
        return h;
    return dup;
}

int main(void)
{
    const char *binary = BCW_GO_BINARY;
    const wchar_t *args = arguments(GetCommandLineW());
    wchar_t *wbinary, *cmdline, *p;
    int n;
    size_t nbinary, nargs;
    STARTUPINFOW si;
    PROCESS_INFORMATION pi;
    DWORD status;

    n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, binary, -1, NULL, 0);
    if (n <= 0)
        return fail("cannot convert the path of");
    wbinary = malloc(n * sizeof(wchar_t));
    if (!wbinary || !MultiByteToWideChar(CP_UTF8, 0, binary, -1, wbinary, n))
        return fail("cannot convert the path of");

    /* "BINARY" ARGS: a path holds no '"' on Windows, so quoting it is
     * enough. */
    nbinary = wcslen(wbinary);
    nargs = wcslen(args);
    cmdline = p = malloc((nbinary + nargs + 4) * sizeof(wchar_t));
    if (!cmdline)
        return fail("out of memory for the command line of");
    *p++ = L'"';
    memcpy(p, wbinary, nbinary * sizeof(wchar_t));
    p += nbinary;
    *p++ = L'"';
    if (nargs) {
        *p++ = L' ';
        memcpy(p, args, nargs * sizeof(wchar_t));
        p += nargs;
    }
    *p = L'\0';

    memset(&si, 0, sizeof(si));
    si.cb = sizeof(si);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = inheritable(STD_INPUT_HANDLE);
    si.hStdOutput = inheritable(STD_OUTPUT_HANDLE);
    si.hStdError = inheritable(STD_ERROR_HANDLE);

    /* A Ctrl-C reaches every process on the console: let the generator
     * handle it, and exit with its status once it has, rather than leave
     * it running behind the shim's back. */
    SetConsoleCtrlHandler(NULL, TRUE);

    if (!CreateProcessW(wbinary, cmdline, NULL, NULL, TRUE, 0, NULL, NULL,
                        &si, &pi))
        return fail("cannot run");
    CloseHandle(pi.hThread);
    if (WaitForSingleObject(pi.hProcess, INFINITE) != WAIT_OBJECT_0)
        return fail("cannot wait for");
    if (!GetExitCodeProcess(pi.hProcess, &status))
        return fail("cannot get the exit status of");
    CloseHandle(pi.hProcess);
    return (int)status;
}

#else /* POSIX */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    (void)argc;
    /* argv[0] too: the Go program names itself, whatever it is called. */
    execv(BCW_GO_BINARY, argv);
    fprintf(stderr, "block-coroutine-wrapper: cannot run %s: %s\n",
            BCW_GO_BINARY, strerror(errno));
    return 127;     /* as a shell does for a command it cannot run */
}

#endif
