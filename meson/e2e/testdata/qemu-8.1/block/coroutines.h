/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Stands for QEMU 8.1's block/coroutines.h where the generator is
 * concerned: the block layer's private coroutine functions. None of the
 * wrappers of this tree is declared here; it is on the input list all
 * the same, as in QEMU.
 */
#ifndef BLOCK_COROUTINES_H
#define BLOCK_COROUTINES_H

#include "block/block-common.h"

#endif /* BLOCK_COROUTINES_H */
