/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A header whose wrappers depend on the configuration. The generator must
 * put each wrapper inside the same groups, so that block-gen.c compiles and
 * links whether CONFIG_FEATURE is defined or not.
 */
#ifndef COND_H
#define COND_H

int co_wrapper bdrv_cond_always(BlockDriverState *bs, int n);

#ifdef CONFIG_FEATURE
int coroutine_fn bdrv_co_cond_feature(BlockDriverState *bs, int n);
int co_wrapper bdrv_cond_feature(BlockDriverState *bs, int n);
#else
int coroutine_fn bdrv_co_cond_fallback(BlockDriverState *bs);
int co_wrapper bdrv_cond_fallback(BlockDriverState *bs);
#endif

int coroutine_fn bdrv_co_cond_always(BlockDriverState *bs, int n);

#endif /* COND_H */
