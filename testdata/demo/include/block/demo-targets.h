/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The functions the demo's wrappers call, defined in targets.c.  No
 * wrapper is declared here, so block-coroutine-wrapper --scan reads this
 * header and leaves it out of block-gen.c.
 */
#ifndef BLOCK_DEMO_TARGETS_H
#define BLOCK_DEMO_TARGETS_H

#include "bcw/runtime.h"

/* What the co wrappers of demo-io.h and demo-backend.h run in a coroutine. */
int coroutine_fn GRAPH_RDLOCK
demo_co_pread(BdrvChild *child, int64_t offset, int64_t bytes, void *buf,
              BdrvRequestFlags flags);
int coroutine_fn GRAPH_RDLOCK
demo_co_pwrite(BdrvChild *child, int64_t offset, int64_t bytes,
               const void *buf, BdrvRequestFlags flags);
int coroutine_fn GRAPH_RDLOCK demo_co_flush(BlockDriverState *bs);
void coroutine_fn demo_co_drain(BlockDriverState *bs);
int64_t coroutine_fn demo_co_blk_getlength(BlockBackend *blk);
BlockDriverState *coroutine_fn demo_co_blk_find_node(BlockBackend *blk,
                                                     const char *name);

/* What the no_co wrappers of demo-graph.h run in a bottom half. */
BlockDriverState *demo_open(const char *filename, Error **errp);
void demo_close(BlockDriverState *bs);
int GRAPH_RDLOCK demo_check(BdrvChild *c, Error **errp);
void GRAPH_WRLOCK demo_detach(BlockDriverState *parent, BdrvChild *child);

#endif /* BLOCK_DEMO_TARGETS_H */
