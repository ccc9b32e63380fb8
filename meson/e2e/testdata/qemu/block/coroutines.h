/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Stands for QEMU's block/coroutines.h where the generator is concerned:
 * the block layer's private coroutine functions and their wrappers.
 */
#ifndef BLOCK_COROUTINES_H
#define BLOCK_COROUTINES_H

#include "block/block-common.h"

/* Refreshes the child's limits; takes the graph read lock. */
int coroutine_fn no_co_wrapper_bdrv_rdlock exa_co_refresh(BdrvChild *c, Error **errp);

#endif /* BLOCK_COROUTINES_H */
