/*
 * Example of QEMU's block/coroutines.h: coroutine functions that are
 * private to the block layer, and their wrappers.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef EXAMPLE_BLOCK_COROUTINES_H
#define EXAMPLE_BLOCK_COROUTINES_H

int coroutine_fn GRAPH_RDLOCK
bdrv_co_check(BlockDriverState *bs, BdrvCheckResult *res, BdrvCheckMode fix);
int co_wrapper_mixed_bdrv_rdlock
bdrv_check(BlockDriverState *bs, BdrvCheckResult *res, BdrvCheckMode fix);

int coroutine_fn
nbd_co_do_establish_connection(BlockDriverState *bs, bool blocking,
                               Error **errp);
int co_wrapper_mixed
nbd_do_establish_connection(BlockDriverState *bs, bool blocking, Error **errp);

#endif /* EXAMPLE_BLOCK_COROUTINES_H */
