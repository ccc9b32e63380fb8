/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Stands for QEMU's include/block/block_int-io.h where the generator is
 * concerned: the I/O API for block drivers.
 */
#ifndef BLOCK_INT_IO_H
#define BLOCK_INT_IO_H

#include "block/block-common.h"

/*
 * Reads @bytes bytes at @offset of the child into @buf. Callable in and
 * out of coroutine context.
 */
int co_wrapper_mixed_bdrv_rdlock
exa_pread(BdrvChild *child, int64_t offset, int64_t bytes, void *buf,
          BdrvRequestFlags flags);

#endif /* BLOCK_INT_IO_H */
