/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Runs the no_co wrappers generated from noco-kinds.h (QEMU 8.0+):
 *
 *   BlockDriverState * coroutine_fn no_co_wrapper exa_co_open(...);
 *   void coroutine_fn no_co_wrapper exa_co_unref(BlockDriverState *bs);
 *
 * A no_co wrapper is called from a coroutine and runs its target outside
 * coroutines, in a bottom half of the main context, while the caller
 * yields; the bottom half wakes the caller when the target returns.  In
 * 8.1 and 8.2 the bottom half also acquires the first parameter's context
 * around the target.  Called outside coroutines, the wrapper must abort.
 */
#include "bcw-decls.h"
#include "examples/examples.h"

#include <string.h>

/* ------------------------------------------------------------------------ */
/* Targets: plain functions, so no yielding; they record where they ran.     */
/* ------------------------------------------------------------------------ */

static struct {
    unsigned calls;
    const char *filename;
    QDict *options;
    int flags;
    Error **errp;
    BlockDriverState *ret;
} open_seen;

BlockDriverState *exa_open(const char *filename, QDict *options, int flags,
                           Error **errp)
{
    bcw_log_target(__func__);
    open_seen.calls++;
    open_seen.filename = filename;
    open_seen.options = options;
    open_seen.flags = flags;
    open_seen.errp = errp;

    open_seen.ret = bcw_fixture_node(filename);
    if (!open_seen.ret) {
        *errp = &fx.error;
    }
    return open_seen.ret;
}

static struct {
    unsigned calls;
    BlockDriverState *bs;
} unref_seen;

void exa_unref(BlockDriverState *bs)
{
    bcw_log_target(__func__);
    unref_seen.calls++;
    unref_seen.bs = bs;
}

/* ------------------------------------------------------------------------ */
/* Expected events.                                                          */
/* ------------------------------------------------------------------------ */

/* The bottom half, with acquire/release of ctx in the dialects that do. */
static void expect_bh(BcwExpectList *l, const BcwDialect *d,
                      const char *target, AioContext *ctx)
{
    bcw_expect_init(l);
    if (d->bh_acquires_ctx) {
        bcw_expect_ctx(l, BCW_BH, "aio_context_acquire", ctx);
    }
    bcw_expect_target(l, BCW_BH, target);
    if (d->bh_acquires_ctx) {
        bcw_expect_ctx(l, BCW_BH, "aio_context_release", ctx);
    }
    bcw_expect(l, BCW_BH, "aio_co_wake");   /* and the caller goes on */
}

/* ------------------------------------------------------------------------ */
/* Calls, from inside a coroutine as they should be.                         */
/* ------------------------------------------------------------------------ */

typedef struct Call {
    const char *filename;
    QDict *options;
    Error **errp;
    Coroutine *caller;
    bool resumed;
    BlockDriverState *ret_bs;
} Call;

static void coroutine_fn open_in_coroutine(void *opaque)
{
    Call *c = opaque;

    c->caller = qemu_coroutine_self();
    c->ret_bs = exa_co_open(c->filename, c->options, 0x42, c->errp);
    /* Woken by the bottom half, in the same coroutine. */
    c->resumed = qemu_coroutine_self() == c->caller;
}

static void coroutine_fn unref_in_coroutine(void *opaque)
{
    Call *c = opaque;

    c->caller = qemu_coroutine_self();
    exa_co_unref(&fx.disk_a);
    c->resumed = qemu_coroutine_self() == c->caller;
}

/* Outside coroutines a no_co wrapper must refuse to run. */
static void open_outside_coroutines(void *opaque)
{
    (void)opaque;
    exa_co_open("disk-a", NULL, 0, NULL);
}

static void unref_outside_coroutines(void *opaque)
{
    (void)opaque;
    exa_co_unref(&fx.disk_a);
}

/* ------------------------------------------------------------------------ */
/* The example.                                                              */
/* ------------------------------------------------------------------------ */

void example_noco_kinds(const BcwDialect *d)
{
    BcwExpectList l;
    QDict options = { .tag = "options" };
    Error *err = NULL;
    const BcwEvent *t;

    bcw_step("%s: exa_co_open() (pointer) in a coroutine", d->name);
    {
        Call c = { .filename = "disk-b", .options = &options, .errp = &err };

        bcw_run_in_coroutine(open_in_coroutine, &c);
        CHECK_INT(open_seen.calls, 1);
        CHECK(open_seen.filename && strcmp(open_seen.filename, "disk-b") == 0);
        CHECK_PTR(open_seen.options, &options);
        CHECK_INT(open_seen.flags, 0x42);
        CHECK_PTR(open_seen.errp, &err);
        CHECK_PTR(c.ret_bs, open_seen.ret);
        CHECK_PTR(c.ret_bs, &fx.disk_b);
        CHECK_PTR(err, NULL);
        CHECK(c.resumed);
        /* The bottom half's context: qemu_get_aio_context(), hard-coded. */
        expect_bh(&l, d, "exa_open", qemu_get_aio_context());
        CHECK_LOG(&l);
        /* The target ran outside any coroutine. */
        t = bcw_target_event();
        CHECK(t && t->co == NULL);
    }

    bcw_step("%s: exa_co_open() returning NULL and an error", d->name);
    {
        Call c = { .filename = "missing", .errp = &err };

        bcw_run_in_coroutine(open_in_coroutine, &c);
        CHECK_INT(open_seen.calls, 2);
        CHECK_PTR(open_seen.options, NULL);
        CHECK_PTR(c.ret_bs, NULL);
        CHECK_PTR(err, &fx.error);
        CHECK(c.resumed);
    }

    bcw_step("%s: exa_co_open() aborts outside coroutines", d->name);
    CHECK_ABORTS(open_outside_coroutines, NULL, "`qemu_in_coroutine()'");
    CHECK_INT(open_seen.calls, 2);

    bcw_step("%s: exa_co_unref() (void) in a coroutine", d->name);
    {
        Call c = { 0 };

        bcw_run_in_coroutine(unref_in_coroutine, &c);
        CHECK_INT(unref_seen.calls, 1);
        CHECK_PTR(unref_seen.bs, &fx.disk_a);
        CHECK(c.resumed);
        /* 8.1/8.2 acquire bdrv_get_aio_context(s->bs): disk-a's. */
        expect_bh(&l, d, "exa_unref", fx.ctx_a);
        CHECK_LOG(&l);
        t = bcw_target_event();
        CHECK(t && t->co == NULL);
    }

    bcw_step("%s: exa_co_unref() aborts outside coroutines", d->name);
    CHECK_ABORTS(unref_outside_coroutines, NULL, "`qemu_in_coroutine()'");
    CHECK_INT(unref_seen.calls, 1);
}
