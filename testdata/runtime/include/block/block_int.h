/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Included by generated block-gen.c files (see the README for which QEMU
 * releases include which headers).  Everything they need is in the test
 * runtime's single header, so this one only forwards to it.
 */
#ifndef BLOCK_BLOCK_INT_H
#define BLOCK_BLOCK_INT_H

#include "bcw/runtime.h"

#endif /* BLOCK_BLOCK_INT_H */
