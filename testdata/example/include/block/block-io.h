/*
 * Example block layer I/O API, written in the style of QEMU's
 * include/block/block-io.h to show block-coroutine-wrapper at work.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef EXAMPLE_BLOCK_IO_H
#define EXAMPLE_BLOCK_IO_H

#include "block/block-common.h"

/*
 * Each coroutine_fn function below is called from coroutine context. The
 * co_wrapper declaration next to it asks for a function of the same name
 * without "_co" that can be called from anywhere: it runs the coroutine
 * function in a new coroutine and polls until it is done.
 */

int coroutine_fn GRAPH_RDLOCK
bdrv_co_pread(BdrvChild *child, int64_t offset, int64_t bytes, void *buf,
              BdrvRequestFlags flags);
int co_wrapper_mixed_bdrv_rdlock
bdrv_pread(BdrvChild *child, int64_t offset, int64_t bytes, void *buf,
           BdrvRequestFlags flags);

int coroutine_fn GRAPH_RDLOCK
bdrv_co_pwrite(BdrvChild *child, int64_t offset, int64_t bytes,
               const void *buf, BdrvRequestFlags flags);
int co_wrapper_mixed_bdrv_rdlock
bdrv_pwrite(BdrvChild *child, int64_t offset, int64_t bytes,
            const void *buf, BdrvRequestFlags flags);

int64_t coroutine_fn GRAPH_RDLOCK bdrv_co_getlength(BlockDriverState *bs);
int64_t co_wrapper_mixed_bdrv_rdlock bdrv_getlength(BlockDriverState *bs);

/* Ensure contents are flushed to disk. */
int coroutine_fn GRAPH_RDLOCK bdrv_co_flush(BlockDriverState *bs);
int co_wrapper_bdrv_rdlock bdrv_flush(BlockDriverState *bs);

bool coroutine_fn GRAPH_RDLOCK bdrv_co_is_inserted(BlockDriverState *bs);
bool co_wrapper_bdrv_rdlock bdrv_is_inserted(BlockDriverState *bs);

void coroutine_fn bdrv_co_drain_all(AioContext *ctx, bool recursive);
void co_wrapper bdrv_drain_all(AioContext *ctx, bool recursive);

const char * coroutine_fn bdrv_co_get_format_name(BlockBackend *blk);
const char * co_wrapper_mixed bdrv_get_format_name(BlockBackend *blk);

#ifdef CONFIG_LINUX
/* Only Linux hosts have zoned block devices here. */
int coroutine_fn GRAPH_RDLOCK
bdrv_co_zone_report(BlockDriverState *bs, int64_t offset,
                    unsigned int *nr_zones, BlockZoneDescriptor *zones);
int co_wrapper_bdrv_rdlock
bdrv_zone_report(BlockDriverState *bs, int64_t offset,
                 unsigned int *nr_zones, BlockZoneDescriptor *zones);
#endif

#endif /* EXAMPLE_BLOCK_IO_H */
