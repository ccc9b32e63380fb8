/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The coroutine functions that the wrappers of old-marker.h (QEMU 5.2 - 7.2
 * "generated_co_wrapper") call: wrapper SUB_REST calls SUB_co_REST.
 * Defined in old-marker.c.
 */
#ifndef BCW_OLD_MARKER_TARGETS_H
#define BCW_OLD_MARKER_TARGETS_H

#include "bcw/runtime.h"

int coroutine_fn bdrv_co_exa_truncate(BdrvChild *child, int64_t offset,
                                      bool exact, Error **errp);
int coroutine_fn bdrv_co_exa_check(BlockDriverState *bs, int fix);

#endif /* BCW_OLD_MARKER_TARGETS_H */
