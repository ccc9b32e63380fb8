/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Runs the no_co wrappers with graph locks generated from noco-locks.h
 * (QEMU 8.2+):
 *
 *   void coroutine_fn no_co_wrapper_bdrv_wrlock
 *   exa_co_unref_child(BlockDriverState *parent, BdrvChild *child);
 *   int coroutine_fn no_co_wrapper_bdrv_rdlock
 *   exa_co_refresh(BdrvChild *c, Error **errp);
 *
 * Like the plain no_co wrappers, plus a graph lock around the target in
 * the bottom half, taken outside the context acquisition (8.2): the write
 * lock as bdrv_graph_wrlock(NULL) in 8.2 and bdrv_graph_wrlock() in 9.0,
 * the read lock as bdrv_graph_rdlock_main_loop().
 */
#include "bcw-decls.h"
#include "examples/examples.h"

static struct {
    unsigned calls;
    BlockDriverState *parent;
    BdrvChild *child;
    bool wrlocked;
} unref_child_seen;

void exa_unref_child(BlockDriverState *parent, BdrvChild *child)
{
    bcw_log_target(__func__);
    unref_child_seen.calls++;
    unref_child_seen.parent = parent;
    unref_child_seen.child = child;
    unref_child_seen.wrlocked = bcw_graph_wrlock_held();
}

static struct {
    unsigned calls;
    BdrvChild *c;
    Error **errp;
    bool rdlocked;
    int ret;
} refresh_seen;

int exa_refresh(BdrvChild *c, Error **errp)
{
    bcw_log_target(__func__);
    refresh_seen.calls++;
    refresh_seen.c = c;
    refresh_seen.errp = errp;
    refresh_seen.rdlocked = bcw_graph_rdlock_held();

    refresh_seen.ret = c->bs == &fx.disk_a ? 11 : -1;
    return refresh_seen.ret;
}

/* lock, [acquire ctx], target, [release ctx], unlock, wake the caller. */
static void expect_locked_bh(BcwExpectList *l, const BcwDialect *d,
                             const char *lock, const char *unlock,
                             const char *arg, const char *target,
                             AioContext *ctx)
{
    bcw_expect_init(l);
    bcw_expect_arg(l, BCW_BH, lock, arg);
    if (d->bh_acquires_ctx) {
        bcw_expect_ctx(l, BCW_BH, "aio_context_acquire", ctx);
    }
    bcw_expect_target(l, BCW_BH, target);
    if (d->bh_acquires_ctx) {
        bcw_expect_ctx(l, BCW_BH, "aio_context_release", ctx);
    }
    bcw_expect_arg(l, BCW_BH, unlock, arg);
    bcw_expect(l, BCW_BH, "aio_co_wake");
}

typedef struct Call {
    Coroutine *caller;
    bool resumed;
    Error **errp;
    int ret;
} Call;

static void coroutine_fn unref_child_in_coroutine(void *opaque)
{
    Call *c = opaque;

    c->caller = qemu_coroutine_self();
    exa_co_unref_child(&fx.disk_b, &fx.child_a);
    c->resumed = qemu_coroutine_self() == c->caller;
}

static void coroutine_fn refresh_in_coroutine(void *opaque)
{
    Call *c = opaque;

    c->caller = qemu_coroutine_self();
    c->ret = exa_co_refresh(&fx.child_a, c->errp);
    c->resumed = qemu_coroutine_self() == c->caller;
}

/* Outside coroutines a no_co wrapper must refuse to run. */
static void unref_child_outside_coroutines(void *opaque)
{
    (void)opaque;
    exa_co_unref_child(&fx.disk_b, &fx.child_a);
}

static void refresh_outside_coroutines(void *opaque)
{
    (void)opaque;
    exa_co_refresh(&fx.child_a, NULL);
}

void example_noco_locks(const BcwDialect *d)
{
    BcwExpectList l;
    Error *err = NULL;
    const BcwEvent *t;

    bcw_step("%s: exa_co_unref_child() (wrlock) in a coroutine", d->name);
    {
        Call c = { 0 };

        bcw_run_in_coroutine(unref_child_in_coroutine, &c);
        CHECK_INT(unref_child_seen.calls, 1);
        CHECK_PTR(unref_child_seen.parent, &fx.disk_b);
        CHECK_PTR(unref_child_seen.child, &fx.child_a);
        CHECK(unref_child_seen.wrlocked);
        CHECK(c.resumed);
        /* 8.2 acquires the context of the first parameter, `parent`. */
        expect_locked_bh(&l, d, "bdrv_graph_wrlock", "bdrv_graph_wrunlock",
                         d->wrlock_arg, "exa_unref_child", fx.ctx_b);
        CHECK_LOG(&l);
        t = bcw_target_event();
        CHECK(t && t->co == NULL);
    }

    bcw_step("%s: exa_co_unref_child() aborts outside coroutines", d->name);
    CHECK_ABORTS(unref_child_outside_coroutines, NULL,
                 "`qemu_in_coroutine()'");
    CHECK_INT(unref_child_seen.calls, 1);

    bcw_step("%s: exa_co_refresh() (rdlock) in a coroutine", d->name);
    {
        Call c = { .errp = &err };

        bcw_run_in_coroutine(refresh_in_coroutine, &c);
        CHECK_INT(refresh_seen.calls, 1);
        CHECK_PTR(refresh_seen.c, &fx.child_a);
        CHECK_PTR(refresh_seen.errp, &err);
        CHECK(refresh_seen.rdlocked);
        CHECK_INT(c.ret, refresh_seen.ret);
        CHECK_INT(c.ret, 11);
        CHECK(c.resumed);
        /* 8.2 acquires bdrv_get_aio_context(s->c->bs): disk-a's. */
        expect_locked_bh(&l, d, "bdrv_graph_rdlock_main_loop",
                         "bdrv_graph_rdunlock_main_loop", NULL, "exa_refresh",
                         fx.ctx_a);
        CHECK_LOG(&l);
        t = bcw_target_event();
        CHECK(t && t->co == NULL);
    }

    bcw_step("%s: exa_co_refresh() aborts outside coroutines", d->name);
    CHECK_ABORTS(refresh_outside_coroutines, NULL, "`qemu_in_coroutine()'");
    CHECK_INT(refresh_seen.calls, 1);
}
