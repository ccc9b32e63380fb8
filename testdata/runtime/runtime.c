/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The bcw test runtime: a small, single-threaded implementation of the API
 * that generated block-gen.c files call (see include/bcw/runtime.h).
 *
 * Design, in brief:
 * - Coroutines are ucontext stacks.  qemu_coroutine_enter() switches to one
 *   and comes back when it yields or returns; a returned coroutine is freed
 *   by the enter that saw it return.
 * - There is one thread and one FIFO of bottom halves.  Each bottom half
 *   remembers its AioContext (so qemu_get_current_aio_context() can answer
 *   while it runs), but aio_poll() on any context runs all of them: the
 *   other contexts have no thread of their own to run them.
 * - Every lock, acquire, wake and kick is appended to an event log that the
 *   tests inspect, and every misuse we can detect aborts with a message
 *   saying what was wrong, so a broken wrapper fails loudly and early.
 */
#include "bcw/runtime.h"

#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

/*
 * AddressSanitizer keeps shadow state per stack; when we switch stacks
 * behind its back it reports false positives (or misses real errors).  Its
 * fiber API tells it about each switch.  GCC defines __SANITIZE_ADDRESS__,
 * clang answers __has_feature(address_sanitizer).
 */
#if defined(__SANITIZE_ADDRESS__)
#define BCW_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BCW_ASAN 1
#endif
#endif

#ifdef BCW_ASAN
#include <sanitizer/common_interface_defs.h>
#endif

/*
 * Valgrind guesses stack switches from how far the stack pointer jumps; a
 * switch between two nearby heap stacks looks like a huge frame to it, and
 * it then reports the memory in between.  Registering each stack tells it
 * the truth.  The header is macros only and a no-op outside Valgrind, so use
 * it whenever it is installed.
 */
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define BCW_VALGRIND 1
#endif
#endif

/* Generous: ASan's redzones and fprintf() in a coroutine both want room. */
#define BCW_STACK_SIZE (256 * 1024)

/* Enough for any single wrapper call; tests reset the log between calls. */
#define BCW_LOG_MAX 256

/* ------------------------------------------------------------------------ */
/* Misuse reporting.                                                         */
/* ------------------------------------------------------------------------ */

/*
 * Like assert(), but says in words which rule was broken.  It aborts (the
 * tests' "this must crash" checks look for SIGABRT) and, unlike assert(),
 * cannot be compiled out.
 */
static void bcw_misuse(const char *func, const char *cond, const char *msg)
{
    fflush(stdout);
    fprintf(stderr, "bcw runtime: %s: %s (failed: %s)\n", func, msg, cond);
    abort();
}

#define bcw_require(cond, msg) \
    ((cond) ? (void)0 : bcw_misuse(__func__, #cond, (msg)))

/* ------------------------------------------------------------------------ */
/* AioContexts.                                                              */
/* ------------------------------------------------------------------------ */

struct AioContext {
    const char *name;
    unsigned acquire_depth;     /* aio_context_acquire() is recursive */
    AioContext *next;           /* all contexts, for the idle check */
};

static AioContext main_context = { .name = "main" };
static AioContext *all_contexts = &main_context;

AioContext *bcw_aio_context_new(const char *name)
{
    AioContext *ctx = calloc(1, sizeof(*ctx));

    bcw_require(ctx != NULL, "out of memory");
    ctx->name = name;
    ctx->next = all_contexts;
    all_contexts = ctx;
    return ctx;
}

const char *bcw_aio_context_name(const AioContext *ctx)
{
    return ctx ? ctx->name : "(null)";
}

unsigned bcw_aio_context_acquired(const AioContext *ctx)
{
    return ctx->acquire_depth;
}

AioContext *qemu_get_aio_context(void)
{
    return &main_context;
}

AioContext *bdrv_get_aio_context(BlockDriverState *bs)
{
    /* As in QEMU, a missing node is taken to live in the main context. */
    if (!bs || !bs->aio_context) {
        return &main_context;
    }
    return bs->aio_context;
}

BlockDriverState *blk_bs(BlockBackend *blk)
{
    bcw_require(blk != NULL, "blk_bs() of NULL");
    return blk->root;
}

AioContext *blk_get_aio_context(BlockBackend *blk)
{
    bcw_require(blk != NULL, "blk_get_aio_context() of NULL");
    if (blk->root) {
        return bdrv_get_aio_context(blk->root);
    }
    return blk->ctx ? blk->ctx : &main_context;
}

/* ------------------------------------------------------------------------ */
/* Event log.                                                                */
/* ------------------------------------------------------------------------ */

static BcwEvent event_log[BCW_LOG_MAX];
static size_t event_log_len;

/* Defined with the coroutines below; the log needs to know where it is. */
static Coroutine *current_co;
static unsigned bh_depth;

/*
 * The innermost bdrv_poll_co() call still waiting.  Once its coroutine has
 * set in_progress = false, a real waiter in another thread may return at
 * any moment, and the BdrvPollCo (on the waiter's stack) with it, so the
 * coroutine may only kick: anything else it logs after that is reported.
 */
static BdrvPollCo *poll_waiter;

static bool logged_after_done(const char *name)
{
    return poll_waiter && !poll_waiter->in_progress &&
           current_co == poll_waiter->co &&
           strcmp(name, "aio_wait_kick") != 0;
}

BcwWhere bcw_where(void)
{
    if (current_co) {
        return BCW_CO;
    }
    return bh_depth > 0 ? BCW_BH : BCW_MAIN;
}

const char *bcw_where_name(BcwWhere where)
{
    switch (where) {
    case BCW_MAIN:
        return "main";
    case BCW_BH:
        return "bh";
    case BCW_CO:
        return "co";
    }
    return "?";
}

void bcw_log_reset(void)
{
    event_log_len = 0;
}

static void log_append(const char *name, const void *obj, const char *detail,
                       bool is_target)
{
    BcwEvent *e;

    bcw_require(!logged_after_done(name),
                "a coroutine entry went on after in_progress = false (only "
                "aio_wait_kick() may follow it)");
    bcw_require(event_log_len < BCW_LOG_MAX,
                "event log full: call bcw_log_reset() between test steps");
    e = &event_log[event_log_len];
    e->seq = (unsigned)event_log_len;
    e->name = name;
    e->where = bcw_where();
    e->co = current_co;
    e->obj = obj;
    e->detail = detail;
    e->is_target = is_target;
    event_log_len++;
}

void bcw_log_event(const char *name, const void *obj, const char *detail)
{
    log_append(name, obj, detail, false);
}

void bcw_log_target(const char *name)
{
    log_append(name, NULL, NULL, true);
}

size_t bcw_log_count(void)
{
    return event_log_len;
}

const BcwEvent *bcw_log_get(size_t i)
{
    bcw_require(i < event_log_len, "event index out of range");
    return &event_log[i];
}

long bcw_log_target_index(void)
{
    for (size_t i = 0; i < event_log_len; i++) {
        if (event_log[i].is_target) {
            return (long)i;
        }
    }
    return -1;
}

void bcw_log_dump(FILE *f)
{
    long target = bcw_log_target_index();

    for (size_t i = 0; i < event_log_len; i++) {
        const BcwEvent *e = &event_log[i];

        /* Positions are relative to the target's entry when there is one. */
        if (target >= 0) {
            fprintf(f, "    %+3ld", (long)i - target);
        } else {
            fprintf(f, "    #%-2zu", i);
        }
        fprintf(f, " %-4s %s", bcw_where_name(e->where), e->name);
        if (e->obj) {
            fprintf(f, "  ctx=%s",
                    bcw_aio_context_name((const AioContext *)e->obj));
        }
        if (e->detail) {
            fprintf(f, "  arg=\"%s\"", e->detail);
        }
        fprintf(f, "%s\n", e->is_target ? "  <- target" : "");
    }
}

/* ------------------------------------------------------------------------ */
/* Coroutines.                                                               */
/* ------------------------------------------------------------------------ */

typedef enum CoState {
    CO_CREATED,         /* not entered yet */
    CO_RUNNING,         /* on the current chain of enters */
    CO_YIELDED,         /* waiting to be entered again */
    CO_TERMINATED,      /* entry returned; freed by the enter that saw it */
} CoState;

struct Coroutine {
    CoroutineEntry *entry;
    void *opaque;
    CoState state;
    bool wake_pending;          /* aio_co_wake() deferred, not yet run */
    unsigned rdlock_depth;      /* bdrv_graph_co_rdlock() held by this one */
    Coroutine *caller;          /* who entered us: a coroutine or NULL */
    ucontext_t uc;              /* our own context while we are away */
    ucontext_t caller_uc;       /* where yield and return go back to */
    void *stack;
    unsigned valgrind_stack_id;  /* VALGRIND_STACK_REGISTER handle */
    /* The caller's stack, which ASan needs to hear about when we leave. */
    const void *caller_stack_bottom;
    size_t caller_stack_size;
};

static unsigned live_coroutines;

/*
 * Tell ASan about a stack switch (no-ops without ASan).  start_switch()
 * goes right before swapcontext(), finish_switch() right after we land
 * on the new stack.  A NULL fake_stack_save in start means "this stack is
 * being left for good".
 */
static void asan_start_switch(void **fake_stack_save, const void *bottom,
                              size_t size)
{
#ifdef BCW_ASAN
    __sanitizer_start_switch_fiber(fake_stack_save, bottom, size);
#else
    (void)fake_stack_save;
    (void)bottom;
    (void)size;
#endif
}

static void asan_finish_switch(void *fake_stack_save, const void **bottom_old,
                               size_t *size_old)
{
#ifdef BCW_ASAN
    __sanitizer_finish_switch_fiber(fake_stack_save, bottom_old, size_old);
#else
    (void)fake_stack_save;
    (void)bottom_old;
    (void)size_old;
#endif
}

/*
 * First code on a new coroutine stack.  makecontext() cannot portably pass
 * a pointer, but qemu_coroutine_enter() has just made the coroutine
 * current, so that is where we find it.
 */
static void coroutine_trampoline(void)
{
    Coroutine *co = current_co;

    asan_finish_switch(NULL, &co->caller_stack_bottom,
                       &co->caller_stack_size);

    co->entry(co->opaque);

    /*
     * A coroutine that ends holding the read lock leaves the graph locked
     * forever: in the generated code that means an unbalanced entry.
     */
    bcw_require(co->rdlock_depth == 0,
                "coroutine returned still holding the graph read lock");
    co->state = CO_TERMINATED;
    asan_start_switch(NULL, co->caller_stack_bottom, co->caller_stack_size);
    setcontext(&co->caller_uc);
    bcw_misuse(__func__, "setcontext", "could not leave a finished coroutine");
}

Coroutine *qemu_coroutine_create(CoroutineEntry *entry, void *opaque)
{
    Coroutine *co;

    bcw_require(entry != NULL, "coroutine without an entry function");
    co = calloc(1, sizeof(*co));
    bcw_require(co != NULL, "out of memory");
    co->stack = malloc(BCW_STACK_SIZE);
    bcw_require(co->stack != NULL, "out of memory");
    co->entry = entry;
    co->opaque = opaque;
    co->state = CO_CREATED;

    bcw_require(getcontext(&co->uc) == 0, "getcontext() failed");
    co->uc.uc_stack.ss_sp = co->stack;
    co->uc.uc_stack.ss_size = BCW_STACK_SIZE;
    co->uc.uc_link = NULL;      /* the trampoline never returns */
    makecontext(&co->uc, coroutine_trampoline, 0);
#ifdef BCW_VALGRIND
    co->valgrind_stack_id =
        VALGRIND_STACK_REGISTER(co->stack, (char *)co->stack + BCW_STACK_SIZE);
#endif

    live_coroutines++;
    return co;
}

void qemu_coroutine_enter(Coroutine *co)
{
    void *fake_stack = NULL;

    bcw_require(co != NULL, "entering NULL");
    bcw_require(co->state == CO_CREATED || co->state == CO_YIELDED,
                "entering a coroutine that is running or has finished");

    co->caller = current_co;
    co->state = CO_RUNNING;
    current_co = co;

    asan_start_switch(&fake_stack, co->stack, BCW_STACK_SIZE);
    bcw_require(swapcontext(&co->caller_uc, &co->uc) == 0,
                "swapcontext() failed");
    asan_finish_switch(fake_stack, NULL, NULL);

    /* Back: co either yielded or returned. */
    current_co = co->caller;
    if (co->state == CO_TERMINATED) {
#ifdef BCW_VALGRIND
        VALGRIND_STACK_DEREGISTER(co->valgrind_stack_id);
#endif
        free(co->stack);
        free(co);
        live_coroutines--;
    }
}

Coroutine *coroutine_fn qemu_coroutine_self(void)
{
    /*
     * NULL outside coroutines (QEMU returns a per-thread stand-in).  Not an
     * abort: a no_co wrapper evaluates qemu_coroutine_self() before its own
     * assert(qemu_in_coroutine()), and that assert is the one tests expect.
     */
    return current_co;
}

void coroutine_fn qemu_coroutine_yield(void)
{
    Coroutine *co = current_co;
    void *fake_stack = NULL;

    bcw_require(co != NULL, "qemu_coroutine_yield() outside a coroutine");
    co->state = CO_YIELDED;

    asan_start_switch(&fake_stack, co->caller_stack_bottom,
                      co->caller_stack_size);
    bcw_require(swapcontext(&co->uc, &co->caller_uc) == 0,
                "swapcontext() failed");
    /* Re-entered, possibly from somewhere else: remember the new caller. */
    asan_finish_switch(fake_stack, &co->caller_stack_bottom,
                       &co->caller_stack_size);
}

bool qemu_in_coroutine(void)
{
    return current_co != NULL;
}

unsigned bcw_coroutines_alive(void)
{
    return live_coroutines;
}

/* ------------------------------------------------------------------------ */
/* Bottom halves and polling.                                                */
/* ------------------------------------------------------------------------ */

typedef struct BH {
    AioContext *ctx;
    QEMUBHFunc *cb;
    void *opaque;
    struct BH *next;
} BH;

static BH *bh_head;
static BH **bh_tail = &bh_head;
static size_t bh_count;
static AioContext *bh_ctx;      /* context of the bottom half running now */
static unsigned kick_count;     /* aio_wait_kick() calls so far */

void aio_bh_schedule_oneshot(AioContext *ctx, QEMUBHFunc *cb, void *opaque)
{
    BH *bh;

    bcw_require(ctx != NULL, "bottom half without a context");
    bcw_require(cb != NULL, "bottom half without a function");
    bh = calloc(1, sizeof(*bh));
    bcw_require(bh != NULL, "out of memory");
    bh->ctx = ctx;
    bh->cb = cb;
    bh->opaque = opaque;
    *bh_tail = bh;
    bh_tail = &bh->next;
    bh_count++;
}

size_t bcw_bh_pending(void)
{
    return bh_count;
}

AioContext *qemu_get_current_aio_context(void)
{
    /* A bottom half "runs in its context's thread"; all else is main. */
    return bh_ctx ? bh_ctx : &main_context;
}

bool aio_poll(AioContext *ctx, bool blocking)
{
    /*
     * Only the bottom halves pending now: the ones they schedule wait for
     * the next call, as in one iteration of a real event loop.  That also
     * keeps a bottom half that reschedules itself from looping forever.
     */
    size_t n = bh_count;

    bcw_require(ctx != NULL, "aio_poll() without a context");
    bcw_require(!qemu_in_coroutine(), "aio_poll() in a coroutine");
    if (n == 0) {
        bcw_require(!blocking,
                    "blocking aio_poll() with nothing pending: a real event "
                    "loop would wait forever (did a coroutine yield without "
                    "arranging to be woken?)");
        return false;
    }

    while (n-- > 0) {
        BH *bh = bh_head;
        AioContext *saved_ctx = bh_ctx;
        QEMUBHFunc *cb = bh->cb;
        void *opaque = bh->opaque;

        bh_head = bh->next;
        if (!bh_head) {
            bh_tail = &bh_head;
        }
        bh_count--;
        bh_ctx = bh->ctx;
        free(bh);

        bh_depth++;
        cb(opaque);
        bh_depth--;
        bh_ctx = saved_ctx;
    }
    return true;
}

/* A wake-up asked for inside a coroutine runs once that coroutine is away. */
static void deferred_wake_bh(void *opaque)
{
    Coroutine *co = opaque;

    co->wake_pending = false;
    qemu_coroutine_enter(co);
}

void aio_co_wake(Coroutine *co)
{
    bcw_require(co != NULL, "aio_co_wake(NULL)");
    bcw_require(co->state == CO_YIELDED && !co->wake_pending,
                "aio_co_wake() of a coroutine that is not waiting to be woken");
    bcw_log_event("aio_co_wake", NULL, NULL);

    if (qemu_in_coroutine()) {
        /*
         * Entering it now would nest it inside the caller; QEMU queues the
         * wake-up for when the caller yields, we use a bottom half.
         */
        co->wake_pending = true;
        aio_bh_schedule_oneshot(&main_context, deferred_wake_bh, co);
    } else {
        qemu_coroutine_enter(co);
    }
}

void aio_wait_kick(void)
{
    bcw_log_event("aio_wait_kick", NULL, NULL);
    kick_count++;
}

int bdrv_poll_co(BdrvPollCo *s)
{
    AioContext *ctx;
    BdrvPollCo *saved_waiter;
    unsigned kicks_before = kick_count;

    bcw_require(!qemu_in_coroutine(),
                "bdrv_poll_co() in a coroutine: it would wait for itself");
    bcw_require(s != NULL && s->co != NULL,
                "bdrv_poll_co() without a coroutine");
    bcw_require(s->in_progress,
                "bdrv_poll_co() with in_progress already false");

    /* 8.0+ wrappers set the context; older ones set the node. */
    ctx = s->ctx ? s->ctx : bdrv_get_aio_context(s->bs);
    bcw_log_event("bdrv_poll_co", ctx, NULL);

    saved_waiter = poll_waiter;
    poll_waiter = s;
    qemu_coroutine_enter(s->co);
    while (s->in_progress) {
        aio_poll(ctx, true);
    }
    poll_waiter = saved_waiter;

    /* QEMU's waiter sleeps until kicked; finishing silently would hang it. */
    bcw_require(kick_count != kicks_before,
                "the coroutine finished without calling aio_wait_kick()");
    return s->ret;
}

void aio_context_acquire(AioContext *ctx)
{
    bcw_require(ctx != NULL, "aio_context_acquire(NULL)");
    ctx->acquire_depth++;
    bcw_log_event("aio_context_acquire", ctx, NULL);
}

void aio_context_release(AioContext *ctx)
{
    bcw_require(ctx != NULL, "aio_context_release(NULL)");
    bcw_require(ctx->acquire_depth > 0,
                "aio_context_release() of a context that is not acquired");
    ctx->acquire_depth--;
    bcw_log_event("aio_context_release", ctx, NULL);
}

void bcw_aio_context_free(AioContext *ctx)
{
    AioContext **p;

    bcw_require(ctx != NULL && ctx != &main_context,
                "only contexts from bcw_aio_context_new() can be freed");
    bcw_require(ctx->acquire_depth == 0, "freeing an acquired context");
    for (BH *bh = bh_head; bh; bh = bh->next) {
        bcw_require(bh->ctx != ctx,
                    "freeing a context with a pending bottom half");
    }
    for (p = &all_contexts; *p != ctx; p = &(*p)->next) {
        bcw_require(*p != NULL, "freeing an unknown context");
    }
    *p = ctx->next;
    free(ctx);
}

/* ------------------------------------------------------------------------ */
/* Graph lock.                                                               */
/* ------------------------------------------------------------------------ */

/*
 * Readers in coroutines are counted per coroutine (so one that returns with
 * the lock held is caught) and in total (so a writer can check for them).
 * The main-loop read lock is a plain counter, as it is a no-op in QEMU
 * except for its assertions.  With a single thread nobody can wait for a
 * lock, so taking one that is unavailable is reported, not waited for.
 */
static unsigned co_readers;
static unsigned main_loop_readers;
static bool writer;

void coroutine_fn bdrv_graph_co_rdlock(void)
{
    bcw_require(qemu_in_coroutine(),
                "bdrv_graph_co_rdlock() outside a coroutine");
    bcw_require(!writer,
                "bdrv_graph_co_rdlock() while the graph is write-locked");
    current_co->rdlock_depth++;
    co_readers++;
    bcw_log_event("bdrv_graph_co_rdlock", NULL, NULL);
}

void coroutine_fn bdrv_graph_co_rdunlock(void)
{
    bcw_require(qemu_in_coroutine(),
                "bdrv_graph_co_rdunlock() outside a coroutine");
    bcw_require(current_co->rdlock_depth > 0,
                "bdrv_graph_co_rdunlock() without bdrv_graph_co_rdlock()");
    current_co->rdlock_depth--;
    co_readers--;
    bcw_log_event("bdrv_graph_co_rdunlock", NULL, NULL);
}

void bdrv_graph_rdlock_main_loop(void)
{
    bcw_require(!qemu_in_coroutine(),
                "bdrv_graph_rdlock_main_loop() in a coroutine");
    main_loop_readers++;
    bcw_log_event("bdrv_graph_rdlock_main_loop", NULL, NULL);
}

void bdrv_graph_rdunlock_main_loop(void)
{
    bcw_require(!qemu_in_coroutine(),
                "bdrv_graph_rdunlock_main_loop() in a coroutine");
    bcw_require(main_loop_readers > 0,
                "bdrv_graph_rdunlock_main_loop() without "
                "bdrv_graph_rdlock_main_loop()");
    main_loop_readers--;
    bcw_log_event("bdrv_graph_rdunlock_main_loop", NULL, NULL);
}

void bcw_graph_wrlock(BlockDriverState *bs, const char *arg_text)
{
    (void)bs;   /* QEMU 8.2 used it to pick a context to poll; we poll all */
    bcw_require(!qemu_in_coroutine(), "bdrv_graph_wrlock() in a coroutine");
    bcw_require(!writer, "bdrv_graph_wrlock() while already write-locked");
    bcw_require(co_readers == 0 && main_loop_readers == 0,
                "bdrv_graph_wrlock() while the graph is read-locked: it "
                "would wait forever");
    writer = true;
    bcw_log_event("bdrv_graph_wrlock", NULL, arg_text);
}

void bcw_graph_wrunlock(BlockDriverState *bs, const char *arg_text)
{
    (void)bs;
    bcw_require(!qemu_in_coroutine(), "bdrv_graph_wrunlock() in a coroutine");
    bcw_require(writer, "bdrv_graph_wrunlock() without bdrv_graph_wrlock()");
    writer = false;
    bcw_log_event("bdrv_graph_wrunlock", NULL, arg_text);
}

bool bcw_graph_wrlock_held(void)
{
    return writer;
}

bool bcw_graph_rdlock_held(void)
{
    if (writer) {
        return true;
    }
    if (qemu_in_coroutine()) {
        return current_co->rdlock_depth > 0;
    }
    return main_loop_readers > 0;
}

void assume_graph_lock(void)
{
    bcw_log_event("assume_graph_lock", NULL, NULL);
    bcw_require(bcw_graph_rdlock_held(),
                "assume_graph_lock() but the caller holds no graph lock");
}

/* ------------------------------------------------------------------------ */
/* Idle check.                                                               */
/* ------------------------------------------------------------------------ */

void bcw_runtime_assert_idle(void)
{
    bcw_require(!qemu_in_coroutine() && bh_depth == 0,
                "idle check from inside a coroutine or bottom half");
    bcw_require(live_coroutines == 0, "a coroutine is still alive");
    bcw_require(bh_count == 0, "a bottom half is still pending");
    bcw_require(co_readers == 0 && main_loop_readers == 0,
                "the graph is still read-locked");
    bcw_require(!writer, "the graph is still write-locked");
    for (AioContext *ctx = all_contexts; ctx; ctx = ctx->next) {
        bcw_require(ctx->acquire_depth == 0, "an AioContext is still acquired");
    }
}
