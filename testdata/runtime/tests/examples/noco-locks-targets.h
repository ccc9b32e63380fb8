/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The plain functions that the no_co wrappers of noco-locks.h (QEMU 8.2+,
 * with graph locks) call from a bottom half.  Defined in noco-locks.c.
 */
#ifndef BCW_NOCO_LOCKS_TARGETS_H
#define BCW_NOCO_LOCKS_TARGETS_H

#include "bcw/runtime.h"

void GRAPH_WRLOCK exa_unref_child(BlockDriverState *parent, BdrvChild *child);
int GRAPH_RDLOCK exa_refresh(BdrvChild *c, Error **errp);

#endif /* BCW_NOCO_LOCKS_TARGETS_H */
