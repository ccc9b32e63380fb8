/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What block/coroutines.h pulls into the qemu-6.2 reference block-gen.c: the
 * annotated headers it was generated from (in testdata/reference/qemu-6.2/,
 * which is on the include path), and the functions their wrappers call.
 */
#ifndef BCW_DECLS_H
#define BCW_DECLS_H

#include "bcw/runtime.h"

#include "old-marker.h"
#include "old-marker-blk.h"

#include "examples/old-marker-targets.h"
#include "examples/old-marker-blk-targets.h"

#endif /* BCW_DECLS_H */
