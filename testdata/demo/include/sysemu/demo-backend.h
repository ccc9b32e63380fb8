/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * BlockBackend functions of the demo, as QEMU declares its own in
 * include/sysemu/block-backend-io.h: mixed coroutine wrappers, which call
 * the demo_co_blk_NAME declared next to them directly when called in a
 * coroutine, and through a new coroutine otherwise.
 */
#ifndef SYSEMU_DEMO_BACKEND_H
#define SYSEMU_DEMO_BACKEND_H

#include "block/demo-common.h"

/* The length of blk's medium, or -ENOMEDIUM without one. */
int64_t coroutine_fn demo_co_blk_getlength(BlockBackend *blk);
int64_t co_wrapper_mixed demo_blk_getlength(BlockBackend *blk);

/* The node called name, or NULL. */
BlockDriverState *coroutine_fn
demo_co_blk_find_node(BlockBackend *blk, const char *name);
BlockDriverState *co_wrapper_mixed
demo_blk_find_node(BlockBackend *blk, const char *name);

#endif /* SYSEMU_DEMO_BACKEND_H */
