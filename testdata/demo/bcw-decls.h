/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the runtime's block/coroutines.h pulls into the demo's block-gen.c
 * (testdata/runtime/README.md): the annotated headers the generator read,
 * which declare the wrappers it defines and the functions they call.  The
 * demo's own C files include it too.
 */
#ifndef BCW_DECLS_H
#define BCW_DECLS_H

#include "bcw/runtime.h"

#include "block/demo-graph.h"
#include "block/demo-io.h"
#include "sysemu/demo-backend.h"

#endif /* BCW_DECLS_H */
