/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * First include of every generated block-gen.c.  In QEMU it pulls in the
 * system headers and the basic types; here it does the same by including the
 * test runtime's single header (assert, bool, int64_t, NULL and all of the
 * block-layer API).
 */
#ifndef QEMU_OSDEP_H
#define QEMU_OSDEP_H

#include "bcw/runtime.h"

#endif /* QEMU_OSDEP_H */
