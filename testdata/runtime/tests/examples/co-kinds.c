/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Runs the co wrappers generated from co-kinds.h (QEMU 8.0+), one of each
 * kind:
 *
 *   int co_wrapper_mixed_bdrv_rdlock exa_pread(BdrvChild *child, ...);
 *   int co_wrapper_bdrv_rdlock exa_flush(BlockDriverState *bs);
 *   int64_t co_wrapper_mixed exa_getlength(BlockBackend *blk);
 *   void co_wrapper exa_drain(AioContext *ctx, bool recursive);
 *   BlockDriverState * co_wrapper_mixed exa_find_node(BlockBackend *blk, ...);
 *
 * Outside coroutines every one runs its target in a new coroutine and polls
 * a context until done (rdlock kinds take the graph read lock around the
 * target in that coroutine).  Inside a coroutine the mixed kinds call the
 * target directly (rdlock kinds after assume_graph_lock()); the others
 * must abort.  Which context is polled is the dialect's business: the
 * first parameter's until 8.2, the current one from 9.0.
 */
#include "bcw-decls.h"
#include "examples/examples.h"

#include <string.h>

/* ------------------------------------------------------------------------ */
/* Targets.                                                                  */
/* ------------------------------------------------------------------------ */

static struct {
    unsigned calls;
    BdrvChild *child;
    int64_t offset;
    int64_t bytes;
    void *buf;
    BdrvRequestFlags flags;
    bool locked;        /* held the graph read lock, before and after yield */
    int ret;
} pread_seen;

int coroutine_fn exa_co_pread(BdrvChild *child, int64_t offset, int64_t bytes,
                              void *buf, BdrvRequestFlags flags)
{
    bcw_log_target(__func__);
    pread_seen.calls++;
    pread_seen.child = child;
    pread_seen.offset = offset;
    pread_seen.bytes = bytes;
    pread_seen.buf = buf;
    pread_seen.flags = flags;
    pread_seen.locked = bcw_graph_rdlock_held();

    bcw_yield_via_bh(bdrv_get_aio_context(child->bs));

    pread_seen.locked = pread_seen.locked && bcw_graph_rdlock_held();
    memset(buf, (int)(offset & 0x7f), (size_t)bytes);
    pread_seen.ret = (int)bytes * 2 + (int)flags;
    return pread_seen.ret;
}

static struct {
    unsigned calls;
    BlockDriverState *bs;
    bool locked;
    int ret;
} flush_seen;

int coroutine_fn exa_co_flush(BlockDriverState *bs)
{
    bcw_log_target(__func__);
    flush_seen.calls++;
    flush_seen.bs = bs;
    flush_seen.locked = bcw_graph_rdlock_held();

    bcw_yield_via_bh(bdrv_get_aio_context(bs));

    flush_seen.ret = bs == &fx.disk_b ? 77 : -5;
    return flush_seen.ret;
}

static struct {
    unsigned calls;
    BlockBackend *blk;
    int64_t ret;
} getlength_seen;

int64_t coroutine_fn exa_co_getlength(BlockBackend *blk)
{
    bcw_log_target(__func__);
    getlength_seen.calls++;
    getlength_seen.blk = blk;

    bcw_yield_via_bh(blk_get_aio_context(blk));

    /* Needs all 64 bits: a wrapper that truncates to int is caught. */
    getlength_seen.ret = ((int64_t)1 << 40) + (blk_bs(blk) ? 1 : 2);
    return getlength_seen.ret;
}

static struct {
    unsigned calls;
    AioContext *ctx;
    bool recursive;
    bool finished;
} drain_seen;

void coroutine_fn exa_co_drain(AioContext *ctx, bool recursive)
{
    bcw_log_target(__func__);
    drain_seen.calls++;
    drain_seen.ctx = ctx;
    drain_seen.recursive = recursive;
    drain_seen.finished = false;

    bcw_yield_via_bh(ctx);

    /* void: the only sign that it ran to the end. */
    drain_seen.finished = true;
}

static struct {
    unsigned calls;
    BlockBackend *blk;
    const char *name;
    BlockDriverState *ret;
} find_node_seen;

BlockDriverState *coroutine_fn exa_co_find_node(BlockBackend *blk,
                                                const char *name)
{
    bcw_log_target(__func__);
    find_node_seen.calls++;
    find_node_seen.blk = blk;
    find_node_seen.name = name;

    bcw_yield_via_bh(blk_get_aio_context(blk));

    find_node_seen.ret = bcw_fixture_node(name);
    return find_node_seen.ret;
}

/* ------------------------------------------------------------------------ */
/* Expected events.                                                          */
/* ------------------------------------------------------------------------ */

/* The context a co wrapper polls: its first parameter's, or from 9.0 on
 * the current one (the main context, since we call from the main loop). */
static AioContext *poll_ctx(const BcwDialect *d, AioContext *own)
{
    return d->co_ctx_is_current ? qemu_get_current_aio_context() : own;
}

/* ------------------------------------------------------------------------ */
/* Calls from inside a coroutine.                                            */
/* ------------------------------------------------------------------------ */

typedef struct Call {
    Coroutine *caller;
    void *buf;
    const char *name;
    int ret;
    int64_t ret64;
    BlockDriverState *ret_bs;
} Call;

static void coroutine_fn pread_in_coroutine(void *opaque)
{
    Call *c = opaque;

    c->caller = qemu_coroutine_self();
    /* A caller of a GRAPH_RDLOCK function holds the read lock. */
    bdrv_graph_co_rdlock();
    c->ret = exa_pread(&fx.child_a, 130, 8, c->buf, BDRV_REQ_NONE);
    bdrv_graph_co_rdunlock();
}

static void coroutine_fn getlength_in_coroutine(void *opaque)
{
    Call *c = opaque;

    c->caller = qemu_coroutine_self();
    c->ret64 = exa_getlength(&fx.blk_b);
}

static void coroutine_fn find_node_in_coroutine(void *opaque)
{
    Call *c = opaque;

    c->caller = qemu_coroutine_self();
    c->ret_bs = exa_find_node(&fx.blk_b, c->name);
}

/* These two are not mixed: called in a coroutine they must abort. */
static void coroutine_fn flush_in_coroutine(void *opaque)
{
    (void)opaque;
    bdrv_graph_co_rdlock();
    exa_flush(&fx.disk_b);
    bdrv_graph_co_rdunlock();
}

static void coroutine_fn drain_in_coroutine(void *opaque)
{
    (void)opaque;
    exa_drain(fx.ctx_a, false);
}

/* ------------------------------------------------------------------------ */
/* The example.                                                              */
/* ------------------------------------------------------------------------ */

void example_co_kinds(const BcwDialect *d)
{
    BcwExpectList l;
    char buf[32];
    int ret;
    int64_t ret64;
    BlockDriverState *bs;

    bcw_step("%s: exa_pread() (mixed, rdlock) outside coroutines", d->name);
    memset(buf, 0, sizeof(buf));
    ret = exa_pread(&fx.child_a, 4096 + 3, 16, buf, BDRV_REQ_FUA);
    CHECK_INT(pread_seen.calls, 1);
    CHECK_PTR(pread_seen.child, &fx.child_a);
    CHECK_INT(pread_seen.offset, 4096 + 3);
    CHECK_INT(pread_seen.bytes, 16);
    CHECK_PTR(pread_seen.buf, buf);
    CHECK_INT(pread_seen.flags, BDRV_REQ_FUA);
    CHECK(pread_seen.locked);
    CHECK_INT(ret, pread_seen.ret);
    CHECK_INT(ret, 16 * 2 + BDRV_REQ_FUA);
    CHECK_INT(buf[15], 3);
    CHECK_INT(buf[16], 0);
    bcw_expect_polled(&l, poll_ctx(d, fx.ctx_a), "exa_co_pread", true);
    CHECK_LOG(&l);

    bcw_step("%s: exa_pread() (mixed, rdlock) in a coroutine", d->name);
    {
        Call c = { .buf = buf };

        bcw_run_in_coroutine(pread_in_coroutine, &c);
        CHECK_INT(pread_seen.calls, 2);
        CHECK_INT(pread_seen.offset, 130);
        CHECK_INT(pread_seen.flags, BDRV_REQ_NONE);
        CHECK(pread_seen.locked);
        CHECK_INT(c.ret, 8 * 2);
        CHECK_INT(buf[7], 2);
        bcw_expect_direct(&l, "exa_co_pread", true);
        CHECK_LOG(&l);
        CHECK(bcw_target_event() && bcw_target_event()->co == c.caller);
    }

    bcw_step("%s: exa_flush() (rdlock) outside coroutines", d->name);
    ret = exa_flush(&fx.disk_b);
    CHECK_INT(flush_seen.calls, 1);
    CHECK_PTR(flush_seen.bs, &fx.disk_b);
    CHECK(flush_seen.locked);
    CHECK_INT(ret, flush_seen.ret);
    CHECK_INT(ret, 77);
    bcw_expect_polled(&l, poll_ctx(d, fx.ctx_b), "exa_co_flush", true);
    CHECK_LOG(&l);

    bcw_step("%s: exa_flush() (not mixed) aborts in a coroutine", d->name);
    CHECK_ABORTS_IN_COROUTINE(flush_in_coroutine, NULL,
                 "`!qemu_in_coroutine()'");
    CHECK_INT(flush_seen.calls, 1);

    bcw_step("%s: exa_getlength() (mixed) outside coroutines", d->name);
    ret64 = exa_getlength(&fx.blk_b);
    CHECK_INT(getlength_seen.calls, 1);
    CHECK_PTR(getlength_seen.blk, &fx.blk_b);
    CHECK_INT(ret64, getlength_seen.ret);
    CHECK_INT(ret64, ((int64_t)1 << 40) + 1);
    bcw_expect_polled(&l, poll_ctx(d, fx.ctx_b), "exa_co_getlength", false);
    CHECK_LOG(&l);

    bcw_step("%s: exa_getlength() on a BlockBackend without a node",
             d->name);
    ret64 = exa_getlength(&fx.blk_rootless);
    CHECK_INT(getlength_seen.calls, 2);
    CHECK_PTR(getlength_seen.blk, &fx.blk_rootless);
    CHECK_INT(ret64, ((int64_t)1 << 40) + 2);
    /* blk_get_aio_context(): the BlockBackend's own context, iothread-a. */
    bcw_expect_polled(&l, poll_ctx(d, fx.ctx_a), "exa_co_getlength", false);
    CHECK_LOG(&l);

    bcw_step("%s: exa_getlength() (mixed) in a coroutine", d->name);
    {
        Call c = { 0 };

        bcw_run_in_coroutine(getlength_in_coroutine, &c);
        CHECK_INT(getlength_seen.calls, 3);
        CHECK_INT(c.ret64, ((int64_t)1 << 40) + 1);
        bcw_expect_direct(&l, "exa_co_getlength", false);
        CHECK_LOG(&l);
        CHECK(bcw_target_event() && bcw_target_event()->co == c.caller);
    }

    bcw_step("%s: exa_drain() (void) outside coroutines", d->name);
    exa_drain(fx.ctx_a, true);
    CHECK_INT(drain_seen.calls, 1);
    CHECK_PTR(drain_seen.ctx, fx.ctx_a);
    CHECK(drain_seen.recursive);
    CHECK(drain_seen.finished);
    /* The first parameter is no node: the main context (current in 9.0). */
    bcw_expect_polled(&l, poll_ctx(d, qemu_get_aio_context()), "exa_co_drain",
                  false);
    CHECK_LOG(&l);

    bcw_step("%s: exa_drain() (not mixed) aborts in a coroutine", d->name);
    CHECK_ABORTS_IN_COROUTINE(drain_in_coroutine, NULL,
                 "`!qemu_in_coroutine()'");
    CHECK_INT(drain_seen.calls, 1);

    bcw_step("%s: exa_find_node() (pointer) outside coroutines", d->name);
    bs = exa_find_node(&fx.blk_b, "disk-a");
    CHECK_INT(find_node_seen.calls, 1);
    CHECK_PTR(find_node_seen.blk, &fx.blk_b);
    CHECK(find_node_seen.name && strcmp(find_node_seen.name, "disk-a") == 0);
    CHECK_PTR(bs, find_node_seen.ret);
    CHECK_PTR(bs, &fx.disk_a);
    bcw_expect_polled(&l, poll_ctx(d, fx.ctx_b), "exa_co_find_node", false);
    CHECK_LOG(&l);

    bcw_step("%s: exa_find_node() returning NULL", d->name);
    bs = exa_find_node(&fx.blk_b, "no-such-node");
    CHECK_INT(find_node_seen.calls, 2);
    CHECK_PTR(bs, NULL);

    bcw_step("%s: exa_find_node() (mixed) in a coroutine", d->name);
    {
        Call c = { .name = "disk-b" };

        bcw_run_in_coroutine(find_node_in_coroutine, &c);
        CHECK_INT(find_node_seen.calls, 3);
        CHECK_PTR(c.ret_bs, &fx.disk_b);
        bcw_expect_direct(&l, "exa_co_find_node", false);
        CHECK_LOG(&l);
        CHECK(bcw_target_event() && bcw_target_event()->co == c.caller);
    }
}
