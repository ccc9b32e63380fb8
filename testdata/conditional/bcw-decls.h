/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What block/coroutines.h pulls into block-gen.c for the conditional test. */
#ifndef BCW_DECLS_H
#define BCW_DECLS_H

#include "bcw/runtime.h"
#include "cond.h"

#endif /* BCW_DECLS_H */
