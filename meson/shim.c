/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The block-coroutine-wrapper that Meson hands to find_program(): it runs
 * the Go binary built beside it, with the same arguments.
 *
 * It exists because meson.override_find_program() accepts an executable()
 * but not the custom_target that builds the Go binary.  The Go binary's
 * path (BCW_GO_BINARY, in bcw-shim.h) is fixed at configure time; the shim
 * is relinked whenever that binary changes (link_depends), so targets that
 * run it are re-run exactly when the tool changed.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bcw-shim.h"

int main(int argc, char **argv)
{
    (void)argc;
    /* argv[0] too: the Go program names itself, whatever it is called. */
    execv(BCW_GO_BINARY, argv);
    fprintf(stderr, "block-coroutine-wrapper: cannot run %s: %s\n",
            BCW_GO_BINARY, strerror(errno));
    return 127;     /* as a shell does for a command it cannot run */
}
