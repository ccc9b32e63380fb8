/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Included by every generated block-gen.c, right after qemu/osdep.h.
 *
 * A generated file never includes the annotated headers it was generated
 * from, yet it needs their declarations (the wrappers it defines) and the
 * declarations of the functions those wrappers call (the coroutine targets
 * of co wrappers, the plain targets of no_co wrappers).  In QEMU this header
 * and the headers it includes provide them.  Here each test program provides
 * them in a header named bcw-decls.h, found on its include path: it should
 * include the annotated headers the generator read and declare every target.
 * See ../../README.md.
 */
#ifndef BLOCK_COROUTINES_H
#define BLOCK_COROUTINES_H

#include "bcw/runtime.h"

#include "bcw-decls.h"

#endif /* BLOCK_COROUTINES_H */
