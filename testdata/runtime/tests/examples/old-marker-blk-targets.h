/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The coroutine function that the wrapper of old-marker-blk.h (QEMU 6.2 -
 * 7.2, BlockBackend first parameter) calls.  Defined in old-marker-blk.c.
 */
#ifndef BCW_OLD_MARKER_BLK_TARGETS_H
#define BCW_OLD_MARKER_BLK_TARGETS_H

#include "bcw/runtime.h"

int coroutine_fn blk_co_exa_pwritev(BlockBackend *blk, int64_t offset,
                                    QEMUIOVector *qiov, int flags);

#endif /* BCW_OLD_MARKER_BLK_TARGETS_H */
