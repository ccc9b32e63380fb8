/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Runs the wrapper generated from old-marker-blk.h (QEMU 6.2 - 7.2):
 *
 *   int generated_co_wrapper blk_exa_pwritev(BlockBackend *blk, ...);
 *
 * Mixed, like all wrappers of these releases; outside coroutines it sets
 * .poll_state.bs = blk_bs(blk), so the root node's context is polled, and
 * for a BlockBackend without a root node the main context.
 */
#include "bcw-decls.h"
#include "examples/examples.h"

static struct {
    unsigned calls;
    BlockBackend *blk;
    int64_t offset;
    QEMUIOVector *qiov;
    int flags;
    int ret;
} pwritev_seen;

int coroutine_fn blk_co_exa_pwritev(BlockBackend *blk, int64_t offset,
                                    QEMUIOVector *qiov, int flags)
{
    bcw_log_target(__func__);
    pwritev_seen.calls++;
    pwritev_seen.blk = blk;
    pwritev_seen.offset = offset;
    pwritev_seen.qiov = qiov;
    pwritev_seen.flags = flags;

    bcw_yield_via_bh(blk_get_aio_context(blk));

    /* No medium without a root node; else "bytes written" plus flags. */
    pwritev_seen.ret = blk_bs(blk) ? (int)qiov->size + flags : -123;
    return pwritev_seen.ret;
}

typedef struct PwritevCall {
    BlockBackend *blk;
    QEMUIOVector *qiov;
    Coroutine *caller;
    int ret;
} PwritevCall;

static void coroutine_fn pwritev_in_coroutine(void *opaque)
{
    PwritevCall *c = opaque;

    c->caller = qemu_coroutine_self();
    c->ret = blk_exa_pwritev(c->blk, 0, c->qiov, BDRV_REQ_NO_FALLBACK);
}

void example_old_marker_blk(const BcwDialect *d)
{
    BcwExpectList l;
    char data[300];
    QEMUIOVector qiov = { .buf = data, .size = sizeof(data) };
    int ret;

    bcw_step("%s: blk_exa_pwritev() outside coroutines", d->name);
    ret = blk_exa_pwritev(&fx.blk_b, 512, &qiov, BDRV_REQ_FUA);
    CHECK_INT(pwritev_seen.calls, 1);
    CHECK_PTR(pwritev_seen.blk, &fx.blk_b);
    CHECK_INT(pwritev_seen.offset, 512);
    CHECK_PTR(pwritev_seen.qiov, &qiov);
    CHECK_INT(pwritev_seen.flags, BDRV_REQ_FUA);
    CHECK_INT(ret, pwritev_seen.ret);
    CHECK_INT(ret, 300 + BDRV_REQ_FUA);
    bcw_expect_init(&l);
    bcw_expect_ctx(&l, BCW_MAIN, "bdrv_poll_co", fx.ctx_b);  /* disk-b's */
    bcw_expect_target(&l, BCW_CO, "blk_co_exa_pwritev");
    bcw_expect(&l, BCW_BH, "aio_co_wake");
    bcw_expect(&l, BCW_CO, "aio_wait_kick");
    CHECK_LOG(&l);

    bcw_step("%s: blk_exa_pwritev() on a BlockBackend without a node",
             d->name);
    ret = blk_exa_pwritev(&fx.blk_rootless, 0, &qiov, 0);
    CHECK_INT(pwritev_seen.calls, 2);
    CHECK_PTR(pwritev_seen.blk, &fx.blk_rootless);
    CHECK_INT(ret, -123);
    /* blk_bs() is NULL, and a NULL node lives in the main context. */
    bcw_expect_init(&l);
    bcw_expect_ctx(&l, BCW_MAIN, "bdrv_poll_co", qemu_get_aio_context());
    bcw_expect_target(&l, BCW_CO, "blk_co_exa_pwritev");
    bcw_expect(&l, BCW_BH, "aio_co_wake");
    bcw_expect(&l, BCW_CO, "aio_wait_kick");
    CHECK_LOG(&l);

    bcw_step("%s: blk_exa_pwritev() in a coroutine", d->name);
    {
        PwritevCall c = { .blk = &fx.blk_b, .qiov = &qiov };

        bcw_run_in_coroutine(pwritev_in_coroutine, &c);
        CHECK_INT(pwritev_seen.calls, 3);
        CHECK_INT(pwritev_seen.flags, BDRV_REQ_NO_FALLBACK);
        CHECK_INT(c.ret, 300 + BDRV_REQ_NO_FALLBACK);
        bcw_expect_init(&l);
        bcw_expect_target(&l, BCW_CO, "blk_co_exa_pwritev");
        bcw_expect(&l, BCW_BH, "aio_co_wake");
        CHECK_LOG(&l);
        CHECK(bcw_target_event() && bcw_target_event()->co == c.caller);
    }
}
