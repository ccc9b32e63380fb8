/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Stands for QEMU's include/sysemu/block-backend-global-state.h where the
 * generator is concerned: the BlockBackend Global State API.
 */
#ifndef BLOCK_BACKEND_GLOBAL_STATE_H
#define BLOCK_BACKEND_GLOBAL_STATE_H

#include "block/block-common.h"

void coroutine_fn no_co_wrapper exa_co_unref(BlockDriverState *bs);

#endif /* BLOCK_BACKEND_GLOBAL_STATE_H */
