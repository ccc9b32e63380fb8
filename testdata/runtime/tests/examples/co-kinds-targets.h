/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The coroutine functions that the co wrappers of co-kinds.h (QEMU 8.0+)
 * call: wrapper SUB_REST calls SUB_co_REST.  Defined in co-kinds.c.
 */
#ifndef BCW_CO_KINDS_TARGETS_H
#define BCW_CO_KINDS_TARGETS_H

#include "bcw/runtime.h"

int coroutine_fn GRAPH_RDLOCK
exa_co_pread(BdrvChild *child, int64_t offset, int64_t bytes, void *buf,
             BdrvRequestFlags flags);
int coroutine_fn GRAPH_RDLOCK exa_co_flush(BlockDriverState *bs);
int64_t coroutine_fn exa_co_getlength(BlockBackend *blk);
void coroutine_fn exa_co_drain(AioContext *ctx, bool recursive);
BlockDriverState *coroutine_fn exa_co_find_node(BlockBackend *blk,
                                                const char *name);

#endif /* BCW_CO_KINDS_TARGETS_H */
