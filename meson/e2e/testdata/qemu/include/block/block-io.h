/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Stands for QEMU's include/block/block-io.h where the generator is
 * concerned: the I/O API of the block layer, whose wrappers take the
 * graph read lock.
 *
 * I/O API functions. These functions are thread-safe, and therefore
 * can run in any thread.
 */
#ifndef BLOCK_IO_H
#define BLOCK_IO_H

#include "block/block-common.h"

/*
 * Flushes the node's cache to its storage. Called outside coroutine
 * context only; the wrapper runs exa_co_flush() in a new coroutine.
 */
int co_wrapper_bdrv_rdlock exa_flush(BlockDriverState *bs);

#endif /* BLOCK_IO_H */
