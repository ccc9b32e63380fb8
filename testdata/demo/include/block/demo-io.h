/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Node I/O of the demo block layer, declared as QEMU declares its own in
 * include/block/block-io.h: each wrapper demo_NAME is generated into
 * block-gen.c by block-coroutine-wrapper, which finds this header with
 * --scan, and runs the coroutine function demo_co_NAME declared next to it
 * (defined in targets.c).
 */
#ifndef BLOCK_DEMO_IO_H
#define BLOCK_DEMO_IO_H

#include "block/demo-common.h"

/*
 * Read or write bytes at offset of child's node.  Return bytes, or -EINVAL
 * for a range outside the kept part.  A write with BDRV_REQ_FUA is on
 * stable storage when it returns; others leave the bytes dirty until
 * demo_flush().
 */
int coroutine_fn GRAPH_RDLOCK
demo_co_pread(BdrvChild *child, int64_t offset, int64_t bytes, void *buf,
              BdrvRequestFlags flags);
int co_wrapper_mixed_bdrv_rdlock
demo_pread(BdrvChild *child, int64_t offset, int64_t bytes, void *buf,
           BdrvRequestFlags flags);

int coroutine_fn GRAPH_RDLOCK
demo_co_pwrite(BdrvChild *child, int64_t offset, int64_t bytes,
               const void *buf, BdrvRequestFlags flags);
int co_wrapper_mixed_bdrv_rdlock
demo_pwrite(BdrvChild *child, int64_t offset, int64_t bytes, const void *buf,
            BdrvRequestFlags flags);

/* Write back the dirty bytes of bs; returns how many there were. */
int coroutine_fn GRAPH_RDLOCK demo_co_flush(BlockDriverState *bs);
int co_wrapper_bdrv_rdlock demo_flush(BlockDriverState *bs);

/* Wait until bs has no request in flight. */
void coroutine_fn demo_co_drain(BlockDriverState *bs);
void co_wrapper demo_drain(BlockDriverState *bs);

#endif /* BLOCK_DEMO_IO_H */
