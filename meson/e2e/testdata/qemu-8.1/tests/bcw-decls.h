/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the test runtime's block/coroutines.h pulls into block-gen.c
 * (testdata/runtime/README.md): the annotated headers, and the targets
 * their wrappers call (defined by the runtime's examples).
 */
#ifndef BCW_DECLS_H
#define BCW_DECLS_H

#include "bcw/runtime.h"

#include "block/block-common.h"
#include "block/block-io.h"
/* By its path: the runtime has a block/dirty-bitmap.h of its own, for the
 * #include of block-gen.c, and it comes first on the include path. */
#include "../include/block/dirty-bitmap.h"
#include "block/block_int-io.h"
#include "block/block-global-state.h"
#include "sysemu/block-backend-global-state.h"
#include "sysemu/block-backend-io.h"
#include "../block/coroutines.h"

#include "examples/co-kinds-targets.h"
#include "examples/noco-kinds-targets.h"

#endif /* BCW_DECLS_H */
