/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Stands for QEMU's include/block/block-global-state.h where the
 * generator is concerned: the Global State API, run in the main loop, with
 * no_co wrappers that let coroutines call it.
 *
 * Global state (GS) API. These functions run under the BQL.
 */
#ifndef BLOCK_GLOBAL_STATE_H
#define BLOCK_GLOBAL_STATE_H

#include "block/block-common.h"

BlockDriverState * coroutine_fn no_co_wrapper
exa_co_open(const char *filename, QDict *options, int flags, Error **errp);

#endif /* BLOCK_GLOBAL_STATE_H */
