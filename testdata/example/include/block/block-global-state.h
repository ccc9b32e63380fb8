/*
 * Example global state API, written in the style of QEMU's
 * include/block/block-global-state.h.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef EXAMPLE_BLOCK_GLOBAL_STATE_H
#define EXAMPLE_BLOCK_GLOBAL_STATE_H

#include "block/block-common.h"

/*
 * The functions below must run in the main loop, outside coroutines. A
 * coroutine calls the no_co_wrapper instead (the name with "_co"): it
 * schedules the function in a bottom half of the main loop and yields
 * until it is done.
 */

BlockDriverState * no_coroutine_fn
bdrv_open(const char *filename, QDict *options, int flags, Error **errp);
BlockDriverState * coroutine_fn no_co_wrapper
bdrv_co_open(const char *filename, QDict *options, int flags, Error **errp);

int bdrv_activate(BlockDriverState *bs, Error **errp);
int coroutine_fn no_co_wrapper_bdrv_rdlock
bdrv_co_activate(BlockDriverState *bs, Error **errp);

void bdrv_unref_child(BlockDriverState *parent, BdrvChild *child);
void coroutine_fn no_co_wrapper_bdrv_wrlock
bdrv_co_unref_child(BlockDriverState *parent, BdrvChild *child);

#endif /* EXAMPLE_BLOCK_GLOBAL_STATE_H */
