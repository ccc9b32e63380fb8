/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The plain functions that the no_co wrappers of noco-kinds.h (QEMU 8.0+)
 * call from a bottom half: wrapper SUB_co_REST calls SUB_REST.  Defined in
 * noco-kinds.c.
 */
#ifndef BCW_NOCO_KINDS_TARGETS_H
#define BCW_NOCO_KINDS_TARGETS_H

#include "bcw/runtime.h"

BlockDriverState *exa_open(const char *filename, QDict *options, int flags,
                           Error **errp);
void exa_unref(BlockDriverState *bs);

#endif /* BCW_NOCO_KINDS_TARGETS_H */
