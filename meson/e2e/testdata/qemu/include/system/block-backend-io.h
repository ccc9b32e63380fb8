/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Stands for QEMU's include/system/block-backend-io.h where the generator
 * is concerned: the BlockBackend I/O API, mixed wrappers keyed on the
 * BlockBackend.
 */
#ifndef BLOCK_BACKEND_IO_H
#define BLOCK_BACKEND_IO_H

#include "block/block-common.h"

int64_t co_wrapper_mixed exa_getlength(BlockBackend *blk);

BlockDriverState * co_wrapper_mixed exa_find_node(BlockBackend *blk, const char *name);

#endif /* BLOCK_BACKEND_IO_H */
