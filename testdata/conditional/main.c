/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Runs the wrappers of cond.h. Only the targets of the configuration
 * compiled in exist, so the program links only if block-gen.c defines
 * exactly the wrappers of that configuration.
 */
#include "testlib.h"
#include "cond.h"

int coroutine_fn bdrv_co_cond_always(BlockDriverState *bs, int n)
{
    CHECK(qemu_in_coroutine());
    bcw_yield_via_bh(bdrv_get_aio_context(bs));
    return n + 1;
}

#ifdef CONFIG_FEATURE
int coroutine_fn bdrv_co_cond_feature(BlockDriverState *bs, int n)
{
    CHECK(qemu_in_coroutine());
    bcw_yield_via_bh(bdrv_get_aio_context(bs));
    return n * 2;
}
#else
int coroutine_fn bdrv_co_cond_fallback(BlockDriverState *bs)
{
    CHECK(qemu_in_coroutine());
    bcw_yield_via_bh(bdrv_get_aio_context(bs));
    return -1;
}
#endif

int main(void)
{
    bcw_test_begin("conditional");
    bcw_step("the unconditional wrapper");
    CHECK_INT(bdrv_cond_always(&fx.disk_a, 41), 42);
#ifdef CONFIG_FEATURE
    bcw_step("the CONFIG_FEATURE wrapper");
    CHECK_INT(bdrv_cond_feature(&fx.disk_a, 21), 42);
#else
    bcw_step("the fallback wrapper");
    CHECK_INT(bdrv_cond_fallback(&fx.disk_a), -1);
#endif
    return bcw_test_end();
}
