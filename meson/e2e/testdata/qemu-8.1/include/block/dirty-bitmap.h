/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Stands for QEMU's include/block/dirty-bitmap.h where the generator is
 * concerned: block dirty bitmaps, with a plain co_wrapper.
 */
#ifndef BLOCK_DIRTY_BITMAP_H
#define BLOCK_DIRTY_BITMAP_H

#include "block/block-common.h"

/* Drains the requests of @ctx; called outside coroutine context only. */
void co_wrapper exa_drain(AioContext *ctx, bool recursive);

#endif /* BLOCK_DIRTY_BITMAP_H */
