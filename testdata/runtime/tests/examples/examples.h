/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One function per example header in testdata/reference/qemu-X.Y/: each
 * calls every wrapper declared in that header in every way the wrapper's
 * kind allows (and some it must refuse) and checks results and events.
 * A dialect's main.c calls the ones for the headers listed in its ARGS.
 *
 * Each example's .c file also defines the targets its wrappers call; their
 * prototypes are in examples/NAME-targets.h, which each bcw-decls.h that
 * uses the example includes.
 */
#ifndef BCW_EXAMPLES_H
#define BCW_EXAMPLES_H

#include "testlib.h"

void example_old_marker(const BcwDialect *d);       /* old-marker.h */
void example_old_marker_blk(const BcwDialect *d);   /* old-marker-blk.h */
void example_co_kinds(const BcwDialect *d);         /* co-kinds.h */
void example_noco_kinds(const BcwDialect *d);       /* noco-kinds.h */
void example_noco_locks(const BcwDialect *d);       /* noco-locks.h */

#endif /* BCW_EXAMPLES_H */
