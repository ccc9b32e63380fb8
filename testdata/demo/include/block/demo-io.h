/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Node I/O of the demo block layer, declared as QEMU declares its own in
 * include/block/block-io.h: each function is a coroutine wrapper, generated
 * into block-gen.c by block-coroutine-wrapper, which finds this header with
 * --scan.  Wrapper demo_NAME runs the coroutine function demo_co_NAME
 * (block/demo-targets.h).
 *
 * The nodes are RAM disks: DEMO_DISK_LENGTH bytes long, of which only the
 * first DEMO_DISK_SIZE are kept and can be read or written.
 */
#ifndef BLOCK_DEMO_IO_H
#define BLOCK_DEMO_IO_H

#include "bcw/runtime.h"

#define DEMO_DISK_LENGTH ((int64_t)1 << 40)    /* needs more than 32 bits */
#define DEMO_DISK_SIZE 4096

/*
 * Read or write bytes at offset of child's node.  Return bytes, or -EINVAL
 * for a range outside the kept part.  A write with BDRV_REQ_FUA is on stable
 * storage when it returns; others leave the bytes dirty until demo_flush().
 */
int co_wrapper_mixed_bdrv_rdlock
demo_pread(BdrvChild *child, int64_t offset, int64_t bytes, void *buf,
           BdrvRequestFlags flags);
int co_wrapper_mixed_bdrv_rdlock
demo_pwrite(BdrvChild *child, int64_t offset, int64_t bytes, const void *buf,
            BdrvRequestFlags flags);

/* Write back the dirty bytes of bs; returns how many there were. */
int co_wrapper_bdrv_rdlock demo_flush(BlockDriverState *bs);

/* Wait until bs has no request in flight. */
void co_wrapper demo_drain(BlockDriverState *bs);

#endif /* BLOCK_DEMO_IO_H */
