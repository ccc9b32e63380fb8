/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * BlockBackend functions of the demo, as QEMU declares its own in
 * include/sysemu/block-backend-io.h: mixed coroutine wrappers, which call
 * demo_co_blk_NAME (block/demo-targets.h) directly when called in a
 * coroutine and through a new coroutine otherwise.
 */
#ifndef SYSEMU_DEMO_BACKEND_H
#define SYSEMU_DEMO_BACKEND_H

#include "bcw/runtime.h"

/* The length of blk's medium, or -ENOMEDIUM without one. */
int64_t co_wrapper_mixed demo_blk_getlength(BlockBackend *blk);

/* The node called name, or NULL. */
BlockDriverState *co_wrapper_mixed
demo_blk_find_node(BlockBackend *blk, const char *name);

#endif /* SYSEMU_DEMO_BACKEND_H */
