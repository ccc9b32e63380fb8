/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Tests of the runtime itself, without any generated code: coroutine
 * switching, the bottom-half queue, bdrv_poll_co() in both dialect
 * layouts, the wrlock spellings, and that every misuse the runtime claims
 * to catch really aborts with its message.  The dialect programs rely on
 * all of this, so a runtime bug shows here first, and plainly.
 */
#include "testlib.h"

#include <string.h>

/* ------------------------------------------------------------------------ */
/* Coroutine switching.                                                      */
/* ------------------------------------------------------------------------ */

static char trace[64];

static void note(char c)
{
    size_t n = strlen(trace);

    assert(n + 1 < sizeof(trace));
    trace[n] = c;
    trace[n + 1] = '\0';
}

static void coroutine_fn yield_twice(void *opaque)
{
    (void)opaque;
    note('a');
    qemu_coroutine_yield();
    note('b');
    qemu_coroutine_yield();
    note('c');
}

typedef struct Nest {
    Coroutine *inner;
    Coroutine *outer;
    Coroutine *inner_saw;
} Nest;

static void coroutine_fn nest_inner(void *opaque)
{
    Nest *n = opaque;

    n->inner_saw = qemu_coroutine_self();
    note('i');
    qemu_coroutine_yield();     /* back to whoever entered us: outer */
    note('j');                  /* entered again, this time from main */
}

static void coroutine_fn nest_outer(void *opaque)
{
    Nest *n = opaque;

    note('o');
    qemu_coroutine_enter(n->inner);
    CHECK_PTR(qemu_coroutine_self(), n->outer);
    note('p');
    qemu_coroutine_yield();
    note('q');
}

static void test_coroutines(void)
{
    Coroutine *co;
    Nest n = { 0 };

    bcw_step("enter, yield, re-enter; freed on return");
    trace[0] = '\0';
    CHECK(!qemu_in_coroutine());
    CHECK_PTR(qemu_coroutine_self(), NULL);
    co = qemu_coroutine_create(yield_twice, NULL);
    CHECK_INT(bcw_coroutines_alive(), 1);
    qemu_coroutine_enter(co);
    note('1');
    qemu_coroutine_enter(co);
    note('2');
    qemu_coroutine_enter(co);
    CHECK(strcmp(trace, "a1b2c") == 0);
    CHECK_INT(bcw_coroutines_alive(), 0);

    bcw_step("nested coroutines return to whoever entered them");
    trace[0] = '\0';
    n.inner = qemu_coroutine_create(nest_inner, &n);
    n.outer = qemu_coroutine_create(nest_outer, &n);
    qemu_coroutine_enter(n.outer);          /* o i p, outer yields */
    CHECK_PTR(n.inner_saw, n.inner);
    qemu_coroutine_enter(n.inner);          /* j, inner returns */
    CHECK_INT(bcw_coroutines_alive(), 1);
    qemu_coroutine_enter(n.outer);          /* q, outer returns */
    CHECK(strcmp(trace, "oipjq") == 0);
    CHECK_INT(bcw_coroutines_alive(), 0);
}

/* ------------------------------------------------------------------------ */
/* Bottom halves.                                                            */
/* ------------------------------------------------------------------------ */

typedef struct BhNote {
    char c;
    AioContext *ran_in;
} BhNote;

static void bh_note(void *opaque)
{
    BhNote *b = opaque;

    note(b->c);
    b->ran_in = qemu_get_current_aio_context();
    CHECK(bcw_where() == BCW_BH);
}

static BhNote later = { .c = 'z' };

static void bh_schedules_another(void *opaque)
{
    (void)opaque;
    note('y');
    aio_bh_schedule_oneshot(qemu_get_aio_context(), bh_note, &later);
}

static Coroutine *wake_target;

static void coroutine_fn wakes_another(void *opaque)
{
    (void)opaque;
    note('w');
    aio_co_wake(wake_target);   /* deferred: we are in a coroutine */
    note('x');
}

static void coroutine_fn waits_for_wake(void *opaque)
{
    (void)opaque;
    qemu_coroutine_yield();
    note('v');
}

static void test_bottom_halves(void)
{
    BhNote first = { .c = 'f' };
    BhNote second = { .c = 's' };

    bcw_step("bottom halves run in order, in their context");
    trace[0] = '\0';
    aio_bh_schedule_oneshot(fx.ctx_a, bh_note, &first);
    aio_bh_schedule_oneshot(qemu_get_aio_context(), bh_note, &second);
    CHECK_INT(bcw_bh_pending(), 2);
    CHECK(aio_poll(qemu_get_aio_context(), false));
    CHECK(strcmp(trace, "fs") == 0);
    CHECK_PTR(first.ran_in, fx.ctx_a);
    CHECK_PTR(second.ran_in, qemu_get_aio_context());
    CHECK_PTR(qemu_get_current_aio_context(), qemu_get_aio_context());
    CHECK(!aio_poll(qemu_get_aio_context(), false));

    bcw_step("a bottom half scheduled by one runs in the next poll");
    trace[0] = '\0';
    aio_bh_schedule_oneshot(fx.ctx_b, bh_schedules_another, NULL);
    CHECK(aio_poll(fx.ctx_b, true));
    CHECK(strcmp(trace, "y") == 0);
    CHECK(aio_poll(fx.ctx_b, true));
    CHECK(strcmp(trace, "yz") == 0);

    bcw_step("aio_co_wake() from a coroutine is deferred");
    trace[0] = '\0';
    wake_target = qemu_coroutine_create(waits_for_wake, NULL);
    qemu_coroutine_enter(wake_target);
    bcw_run_in_coroutine(wakes_another, NULL);
    CHECK(strcmp(trace, "wx") == 0);        /* not woken yet... */
    CHECK_INT(bcw_bh_pending(), 1);
    CHECK(aio_poll(qemu_get_aio_context(), true));
    CHECK(strcmp(trace, "wxv") == 0);       /* ...but from the loop */
}

/* ------------------------------------------------------------------------ */
/* bdrv_poll_co(), both layouts, and the event log.                          */
/* ------------------------------------------------------------------------ */

static void coroutine_fn poll_entry(void *opaque)
{
    BdrvPollCo *s = opaque;

    bcw_log_target("poll_entry");
    bcw_yield_via_bh(fx.ctx_b);
    s->ret = 99;
    s->in_progress = false;
    aio_wait_kick();
}

static void test_poll_co(void)
{
    BcwExpectList l;
    const BcwEvent *e;
    BdrvPollCo old = { .bs = &fx.disk_a, .in_progress = true };
    BdrvPollCo new = { .ctx = fx.ctx_b, .in_progress = true };

    bcw_step("bdrv_poll_co(), 5.2 - 7.2 layout: .bs, result in .ret");
    old.co = qemu_coroutine_create(poll_entry, &old);
    CHECK_INT(bdrv_poll_co(&old), 99);
    bcw_expect_init(&l);
    bcw_expect_ctx(&l, BCW_MAIN, "bdrv_poll_co", fx.ctx_a);
    bcw_expect_target(&l, BCW_CO, "poll_entry");
    bcw_expect(&l, BCW_BH, "aio_co_wake");
    bcw_expect(&l, BCW_CO, "aio_wait_kick");
    CHECK_LOG(&l);
    CHECK_INT(bcw_log_target_index(), 1);
    e = bcw_log_get(3);
    CHECK_INT(e->seq, 3);
    CHECK(e->co != NULL && e->co == bcw_log_get(1)->co);

    bcw_step("bdrv_poll_co(), 8.0+ layout: .ctx");
    new.co = qemu_coroutine_create(poll_entry, &new);
    bdrv_poll_co(&new);
    CHECK(!new.in_progress);
    CHECK_PTR(bcw_log_get(0)->obj, fx.ctx_b);
}

/* ------------------------------------------------------------------------ */
/* Graph lock.                                                               */
/* ------------------------------------------------------------------------ */

static void coroutine_fn rdlocked_coroutine(void *opaque)
{
    (void)opaque;
    CHECK(!bcw_graph_rdlock_held());
    bdrv_graph_co_rdlock();
    CHECK(bcw_graph_rdlock_held());
    assume_graph_lock();
    bdrv_graph_co_rdunlock();
    CHECK(!bcw_graph_rdlock_held());
}

static void test_graph_lock(void)
{
    BcwExpectList l;
    BlockDriverState *bs = &fx.disk_a;

    bcw_step("bdrv_graph_wrlock(NULL), (), (bs) all work and are told apart");
    bdrv_graph_wrlock(NULL);
    CHECK(bcw_graph_wrlock_held());
    CHECK(bcw_graph_rdlock_held());     /* a writer may read */
    bdrv_graph_wrunlock(NULL);
    bdrv_graph_wrlock();
    bdrv_graph_wrunlock();
    bdrv_graph_wrlock(bs);
    bdrv_graph_wrunlock(bs);
    CHECK(!bcw_graph_wrlock_held());
    bcw_expect_init(&l);
    bcw_expect_arg(&l, BCW_MAIN, "bdrv_graph_wrlock", "NULL");
    bcw_expect_arg(&l, BCW_MAIN, "bdrv_graph_wrunlock", "NULL");
    bcw_expect_arg(&l, BCW_MAIN, "bdrv_graph_wrlock", "");
    bcw_expect_arg(&l, BCW_MAIN, "bdrv_graph_wrunlock", "");
    bcw_expect_arg(&l, BCW_MAIN, "bdrv_graph_wrlock", "bs");
    bcw_expect_arg(&l, BCW_MAIN, "bdrv_graph_wrunlock", "bs");
    CHECK_LOG(&l);

    bcw_step("read locks in and outside coroutines");
    bdrv_graph_rdlock_main_loop();
    CHECK(bcw_graph_rdlock_held());
    assume_graph_lock();
    bdrv_graph_rdunlock_main_loop();
    bcw_run_in_coroutine(rdlocked_coroutine, NULL);
    bcw_expect_init(&l);
    bcw_expect(&l, BCW_MAIN, "bdrv_graph_rdlock_main_loop");
    bcw_expect(&l, BCW_MAIN, "assume_graph_lock");
    bcw_expect(&l, BCW_MAIN, "bdrv_graph_rdunlock_main_loop");
    bcw_expect(&l, BCW_CO, "bdrv_graph_co_rdlock");
    bcw_expect(&l, BCW_CO, "assume_graph_lock");
    bcw_expect(&l, BCW_CO, "bdrv_graph_co_rdunlock");
    CHECK_LOG(&l);

    bcw_step("aio_context_acquire() is recursive and logged");
    aio_context_acquire(fx.ctx_a);
    aio_context_acquire(fx.ctx_a);
    CHECK_INT(bcw_aio_context_acquired(fx.ctx_a), 2);
    aio_context_release(fx.ctx_a);
    aio_context_release(fx.ctx_a);
    CHECK_INT(bcw_aio_context_acquired(fx.ctx_a), 0);
    CHECK_INT(bcw_log_count(), 4);
    CHECK_PTR(bcw_log_get(3)->obj, fx.ctx_a);
}

/* ------------------------------------------------------------------------ */
/* Misuse: each must abort with the runtime's message.                       */
/* ------------------------------------------------------------------------ */

static void misuse_yield(void *opaque)
{
    (void)opaque;
    qemu_coroutine_yield();
}

static void misuse_poll_co_in_coroutine(void *opaque)
{
    BdrvPollCo s = { .ctx = qemu_get_aio_context(), .in_progress = true };

    (void)opaque;
    s.co = qemu_coroutine_create(poll_entry, &s);
    bdrv_poll_co(&s);
}

static void coroutine_fn never_woken(void *opaque)
{
    (void)opaque;
    qemu_coroutine_yield();
}

static void misuse_poll_co_never_woken(void *opaque)
{
    BdrvPollCo s = { .ctx = qemu_get_aio_context(), .in_progress = true };

    (void)opaque;
    s.co = qemu_coroutine_create(never_woken, &s);
    bdrv_poll_co(&s);
}

static void coroutine_fn finishes_without_kick(void *opaque)
{
    BdrvPollCo *s = opaque;

    s->in_progress = false;
}

static void misuse_no_kick(void *opaque)
{
    BdrvPollCo s = { .ctx = qemu_get_aio_context(), .in_progress = true };

    (void)opaque;
    s.co = qemu_coroutine_create(finishes_without_kick, &s);
    bdrv_poll_co(&s);
}

static void coroutine_fn locks_after_done(void *opaque)
{
    BdrvPollCo *s = opaque;

    bdrv_graph_co_rdlock();
    s->in_progress = false;
    bdrv_graph_co_rdunlock();   /* too late: the waiter may be gone */
    aio_wait_kick();
}

static void misuse_after_done(void *opaque)
{
    BdrvPollCo s = { .ctx = qemu_get_aio_context(), .in_progress = true };

    (void)opaque;
    s.co = qemu_coroutine_create(locks_after_done, &s);
    bdrv_poll_co(&s);
}

static void misuse_rdunlock(void *opaque)
{
    (void)opaque;
    bdrv_graph_co_rdunlock();
}

static void misuse_return_rdlocked(void *opaque)
{
    (void)opaque;
    bdrv_graph_co_rdlock();
}

static void misuse_rdlock_outside(void *opaque)
{
    (void)opaque;
    bdrv_graph_co_rdlock();
}

static void misuse_rdlock_main_loop_in_co(void *opaque)
{
    (void)opaque;
    bdrv_graph_rdlock_main_loop();
}

static void misuse_rdunlock_main_loop(void *opaque)
{
    (void)opaque;
    bdrv_graph_rdunlock_main_loop();
}

static void coroutine_fn hold_rdlock(void *opaque)
{
    (void)opaque;
    bdrv_graph_co_rdlock();
    qemu_coroutine_yield();
}

static void misuse_wrlock_while_read(void *opaque)
{
    (void)opaque;
    qemu_coroutine_enter(qemu_coroutine_create(hold_rdlock, NULL));
    bdrv_graph_wrlock(NULL);
}

static void misuse_wrlock_in_co(void *opaque)
{
    (void)opaque;
    bdrv_graph_wrlock();
}

static void misuse_wrunlock(void *opaque)
{
    (void)opaque;
    bdrv_graph_wrunlock();
}

static void misuse_release(void *opaque)
{
    (void)opaque;
    aio_context_release(fx.ctx_a);
}

static void misuse_assume_unlocked(void *opaque)
{
    (void)opaque;
    assume_graph_lock();
}

static void misuse_wake_running(void *opaque)
{
    (void)opaque;
    aio_co_wake(qemu_coroutine_self());
}

static void misuse_enter_self(void *opaque)
{
    (void)opaque;
    qemu_coroutine_enter(qemu_coroutine_self());
}

static void misuse_idle_with_bh(void *opaque)
{
    (void)opaque;
    aio_bh_schedule_oneshot(qemu_get_aio_context(), bh_note, &later);
    bcw_runtime_assert_idle();
}

static void test_misuse(void)
{
    bcw_step("misuse aborts with a message");
    CHECK_ABORTS(misuse_yield, NULL, "qemu_coroutine_yield() outside");
    CHECK_ABORTS_IN_COROUTINE(misuse_poll_co_in_coroutine, NULL,
                              "bdrv_poll_co() in a coroutine");
    CHECK_ABORTS(misuse_poll_co_never_woken, NULL,
                 "blocking aio_poll() with nothing pending");
    CHECK_ABORTS(misuse_no_kick, NULL, "without calling aio_wait_kick()");
    CHECK_ABORTS(misuse_after_done, NULL, "went on after in_progress = false");
    CHECK_ABORTS_IN_COROUTINE(misuse_rdunlock, NULL,
                              "bdrv_graph_co_rdunlock() without");
    CHECK_ABORTS_IN_COROUTINE(misuse_return_rdlocked, NULL,
                              "returned still holding the graph read lock");
    CHECK_ABORTS(misuse_rdlock_outside, NULL,
                 "bdrv_graph_co_rdlock() outside a coroutine");
    CHECK_ABORTS_IN_COROUTINE(misuse_rdlock_main_loop_in_co, NULL,
                              "bdrv_graph_rdlock_main_loop() in a coroutine");
    CHECK_ABORTS(misuse_rdunlock_main_loop, NULL,
                 "bdrv_graph_rdunlock_main_loop() without");
    CHECK_ABORTS(misuse_wrlock_while_read, NULL,
                 "while the graph is read-locked");
    CHECK_ABORTS_IN_COROUTINE(misuse_wrlock_in_co, NULL,
                              "bdrv_graph_wrlock() in a coroutine");
    CHECK_ABORTS(misuse_wrunlock, NULL, "bdrv_graph_wrunlock() without");
    CHECK_ABORTS(misuse_release, NULL, "not acquired");
    CHECK_ABORTS(misuse_assume_unlocked, NULL, "holds no graph lock");
    CHECK_ABORTS_IN_COROUTINE(misuse_wake_running, NULL,
                              "not waiting to be woken");
    CHECK_ABORTS_IN_COROUTINE(misuse_enter_self, NULL,
                              "running or has finished");
    CHECK_ABORTS(misuse_idle_with_bh, NULL, "a bottom half is still pending");
}

int main(void)
{
    bcw_test_begin("selftest");
    test_coroutines();
    test_bottom_halves();
    test_poll_co();
    test_graph_lock();
    test_misuse();
    return bcw_test_end();
}
