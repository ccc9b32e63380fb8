/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the demo's block headers share, as QEMU's block-common.h.  The
 * co_wrapper markers are mentioned here but nothing is declared with one,
 * so block-coroutine-wrapper --scan reads this header and generates
 * nothing from it.
 */
#ifndef BLOCK_DEMO_COMMON_H
#define BLOCK_DEMO_COMMON_H

#include "bcw/runtime.h"

/*
 * The nodes are RAM disks: DEMO_DISK_LENGTH bytes long, of which only the
 * first DEMO_DISK_SIZE are kept and can be read or written.
 */
#define DEMO_DISK_LENGTH ((int64_t)1 << 40)    /* needs more than 32 bits */
#define DEMO_DISK_SIZE 4096

#endif /* BLOCK_DEMO_COMMON_H */
