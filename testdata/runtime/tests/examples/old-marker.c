/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Runs the wrappers generated from old-marker.h (QEMU 5.2 - 7.2):
 *
 *   int generated_co_wrapper bdrv_exa_truncate(BdrvChild *child, ...);
 *   int generated_co_wrapper bdrv_exa_check(BlockDriverState *bs, int fix);
 *
 * Every wrapper of these releases is "mixed": outside coroutines it runs
 * the target in a new coroutine and polls the node's context until it is
 * done, returning what the entry stored in poll_state.ret; inside a
 * coroutine it calls the target directly, with no lock calls at all.
 */
#include "bcw-decls.h"
#include "examples/examples.h"

/* ------------------------------------------------------------------------ */
/* Targets: record what they were given, yield, return something checkable.  */
/* ------------------------------------------------------------------------ */

static struct {
    unsigned calls;
    BdrvChild *child;
    int64_t offset;
    bool exact;
    Error **errp;
    int ret;
} truncate_seen;

int coroutine_fn bdrv_co_exa_truncate(BdrvChild *child, int64_t offset,
                                      bool exact, Error **errp)
{
    bcw_log_target(__func__);
    truncate_seen.calls++;
    truncate_seen.child = child;
    truncate_seen.offset = offset;
    truncate_seen.exact = exact;
    truncate_seen.errp = errp;

    bcw_yield_via_bh(bdrv_get_aio_context(child->bs));

    /* A result that depends on the arguments, and an error path. */
    if (exact) {
        truncate_seen.ret = (int)(offset / 512) + 7;
    } else {
        *errp = &fx.error;
        truncate_seen.ret = -22;
    }
    return truncate_seen.ret;
}

static struct {
    unsigned calls;
    BlockDriverState *bs;
    int fix;
    int ret;
} check_seen;

int coroutine_fn bdrv_co_exa_check(BlockDriverState *bs, int fix)
{
    bcw_log_target(__func__);
    check_seen.calls++;
    check_seen.bs = bs;
    check_seen.fix = fix;

    bcw_yield_via_bh(bdrv_get_aio_context(bs));

    check_seen.ret = 1000 + fix * 3;
    return check_seen.ret;
}

/* ------------------------------------------------------------------------ */
/* Expected events.                                                          */
/* ------------------------------------------------------------------------ */

/* Called outside coroutines: poll ctx, target in a new coroutine. */
static void expect_polled(BcwExpectList *l, AioContext *ctx,
                          const char *target)
{
    bcw_expect_init(l);
    bcw_expect_ctx(l, BCW_MAIN, "bdrv_poll_co", ctx);
    bcw_expect_target(l, BCW_CO, target);
    bcw_expect(l, BCW_BH, "aio_co_wake");           /* the target yielded */
    bcw_expect(l, BCW_CO, "aio_wait_kick");         /* the entry finished */
}

/* Called in a coroutine: the target straight away, nothing else. */
static void expect_direct(BcwExpectList *l, const char *target)
{
    bcw_expect_init(l);
    bcw_expect_target(l, BCW_CO, target);
    bcw_expect(l, BCW_BH, "aio_co_wake");
}

/* ------------------------------------------------------------------------ */
/* Calls from inside a coroutine.                                            */
/* ------------------------------------------------------------------------ */

typedef struct TruncateCall {
    int64_t offset;
    bool exact;
    Error **errp;
    Coroutine *caller;
    int ret;
} TruncateCall;

static void coroutine_fn truncate_in_coroutine(void *opaque)
{
    TruncateCall *c = opaque;

    c->caller = qemu_coroutine_self();
    c->ret = bdrv_exa_truncate(&fx.child_a, c->offset, c->exact, c->errp);
    /* Still the same coroutine after the target yielded inside. */
    CHECK_PTR(qemu_coroutine_self(), c->caller);
}

typedef struct CheckCall {
    int fix;
    Coroutine *caller;
    int ret;
} CheckCall;

static void coroutine_fn check_in_coroutine(void *opaque)
{
    CheckCall *c = opaque;

    c->caller = qemu_coroutine_self();
    c->ret = bdrv_exa_check(&fx.disk_b, c->fix);
}

/* ------------------------------------------------------------------------ */
/* The example.                                                              */
/* ------------------------------------------------------------------------ */

void example_old_marker(const BcwDialect *d)
{
    BcwExpectList l;
    Error *err = NULL;
    int ret;

    bcw_step("%s: bdrv_exa_truncate() outside coroutines", d->name);
    ret = bdrv_exa_truncate(&fx.child_a, 1 << 20, true, &err);
    CHECK_INT(truncate_seen.calls, 1);
    CHECK_PTR(truncate_seen.child, &fx.child_a);
    CHECK_INT(truncate_seen.offset, 1 << 20);
    CHECK(truncate_seen.exact);
    CHECK_PTR(truncate_seen.errp, &err);
    CHECK_INT(ret, truncate_seen.ret);
    CHECK_INT(ret, (1 << 20) / 512 + 7);
    CHECK_PTR(err, NULL);
    /* .poll_state.bs = child->bs: the child's node's context is polled. */
    expect_polled(&l, fx.ctx_a, "bdrv_co_exa_truncate");
    CHECK_LOG(&l);

    bcw_step("%s: bdrv_exa_truncate() in a coroutine", d->name);
    {
        TruncateCall c = { .offset = 4096, .exact = false, .errp = &err };

        bcw_run_in_coroutine(truncate_in_coroutine, &c);
        CHECK_INT(truncate_seen.calls, 2);
        CHECK_INT(truncate_seen.offset, 4096);
        CHECK(!truncate_seen.exact);
        CHECK_INT(c.ret, -22);
        CHECK_PTR(err, &fx.error);
        expect_direct(&l, "bdrv_co_exa_truncate");
        CHECK_LOG(&l);
        /* Called directly: in the caller's coroutine, not a new one. */
        CHECK(bcw_target_event() && bcw_target_event()->co == c.caller);
    }

    bcw_step("%s: bdrv_exa_check() outside coroutines", d->name);
    ret = bdrv_exa_check(&fx.disk_b, 5);
    CHECK_INT(check_seen.calls, 1);
    CHECK_PTR(check_seen.bs, &fx.disk_b);
    CHECK_INT(check_seen.fix, 5);
    CHECK_INT(ret, check_seen.ret);
    CHECK_INT(ret, 1015);
    expect_polled(&l, fx.ctx_b, "bdrv_co_exa_check");
    CHECK_LOG(&l);

    bcw_step("%s: bdrv_exa_check() in a coroutine", d->name);
    {
        CheckCall c = { .fix = 2 };

        bcw_run_in_coroutine(check_in_coroutine, &c);
        CHECK_INT(check_seen.calls, 2);
        CHECK_INT(check_seen.fix, 2);
        CHECK_INT(c.ret, 1006);
        expect_direct(&l, "bdrv_co_exa_check");
        CHECK_LOG(&l);
        CHECK(bcw_target_event() && bcw_target_event()->co == c.caller);
    }
}
