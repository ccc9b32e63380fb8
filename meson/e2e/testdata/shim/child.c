/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The program meson/e2e/shim_test.go puts where the shim expects the Go
 * binary, built for Windows with MinGW and run under wine.  It prints its
 * arguments after the program name to stdout, one a line as the hex of
 * their UTF-16 code units (so that nothing in them can be garbled on the
 * way back), writes a line to stderr, and then, as the environment says:
 * sleeps CHILD_SLEEP_MS milliseconds, creates the file CHILD_DONE and
 * exits with status CHILD_EXIT.
 *
 * Its arguments come from the C runtime's wmain(), which splits the
 * command line by the same rules as Go does for the real binary.
 */
#include <windows.h>

#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

int wmain(int argc, wchar_t **argv)
{
    const char *sleep_ms = getenv("CHILD_SLEEP_MS");
    const char *done = getenv("CHILD_DONE");
    const char *status = getenv("CHILD_EXIT");

    /* "\n", as the Go binary writes it, not the C runtime's "\r\n". */
    _setmode(_fileno(stdout), _O_BINARY);
    _setmode(_fileno(stderr), _O_BINARY);
    for (int i = 1; i < argc; i++) {
        printf("arg");
        for (const wchar_t *c = argv[i]; *c; c++)
            printf(" %04x", (unsigned)*c);
        printf("\n");
    }
    fflush(stdout);
    fprintf(stderr, "child: this is stderr\n");
    fflush(stderr);
    if (sleep_ms)
        Sleep((DWORD)atoi(sleep_ms));
    if (done) {
        FILE *f = fopen(done, "w");
        if (!f || fclose(f) != 0) {
            fprintf(stderr, "child: cannot create %s\n", done);
            return 125;
        }
    }
    return status ? atoi(status) : 0;
}
