/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A tiny stand-in for the parts of QEMU that a generated block-gen.c uses.
 *
 * The generated wrappers only make sense together with coroutines, an event
 * loop, AioContexts and the block graph lock.  This header declares a small,
 * single-threaded implementation of exactly that API (see ../../runtime.c),
 * written for tests: every lock, AioContext acquisition and wake-up is
 * recorded in an event log, and misuse is caught with assert() instead of
 * being silently tolerated.  It is not QEMU code and does not try to be
 * faithful beyond what block-gen.c can observe.
 *
 * The QEMU-named headers (qemu/osdep.h and the block/ ones) all include this
 * one, so whichever of them a generated file includes first, everything is
 * declared.
 *
 * Names starting with bcw_ / Bcw are ours (test hooks and introspection);
 * every other name is the one block-gen.c calls.
 */
#ifndef BCW_RUNTIME_H
#define BCW_RUNTIME_H

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/*
 * The generated code and this runtime report misuse only through assert();
 * with NDEBUG those checks (and the tests that expect them to fire) would
 * silently vanish.
 */
#ifdef NDEBUG
#error "the bcw test runtime relies on assert(): do not build it with NDEBUG"
#endif

/* ------------------------------------------------------------------------ */
/* Annotations and wrapper markers: all expand to nothing.                   */
/* ------------------------------------------------------------------------ */

/*
 * In QEMU these are either empty or clang thread-safety attributes; the
 * generator reads them as text.  Here they only have to disappear so the
 * annotated example headers compile.  All spellings any QEMU release's
 * generator accepts are listed, so one runtime serves every dialect.
 */
#define coroutine_fn
#define coroutine_mixed_fn
#define GRAPH_RDLOCK
#define GRAPH_WRLOCK
#define GRAPH_UNLOCKED

#define generated_co_wrapper            /* QEMU 5.2 - 7.2 */
#define co_wrapper                      /* QEMU 8.0 on ... */
#define co_wrapper_mixed
#define co_wrapper_bdrv_rdlock
#define co_wrapper_mixed_bdrv_rdlock
#define no_co_wrapper
#define no_co_wrapper_bdrv_rdlock       /* QEMU 8.2 on */
#define no_co_wrapper_bdrv_wrlock       /* QEMU 8.2 on */

/* ------------------------------------------------------------------------ */
/* Block layer types.                                                        */
/* ------------------------------------------------------------------------ */

typedef struct AioContext AioContext;   /* opaque, see bcw_aio_context_new() */
typedef struct Coroutine Coroutine;     /* opaque */

/*
 * The block objects are plain structs that a test fills in itself: the
 * runtime only needs to know which AioContext each one lives in, and the
 * generated code dereferences BdrvChild::bs.
 */
typedef struct BlockDriverState {
    const char *node_name;
    AioContext *aio_context;            /* NULL means the main context */
} BlockDriverState;

typedef struct BdrvChild {
    BlockDriverState *bs;
    const char *name;
} BdrvChild;

typedef struct BlockBackend {
    BlockDriverState *root;             /* may be NULL */
    AioContext *ctx;                    /* used only when root is NULL */
    const char *name;
} BlockBackend;

/* Small but complete, so tests can make distinct objects to pass around. */
typedef struct Error {
    const char *msg;
} Error;

typedef struct QDict {
    const char *tag;
} QDict;

typedef struct QEMUIOVector {
    void *buf;
    size_t size;
} QEMUIOVector;

typedef enum BdrvRequestFlags {
    BDRV_REQ_NONE = 0,
    BDRV_REQ_FUA = 0x10,
    BDRV_REQ_NO_FALLBACK = 0x100,
} BdrvRequestFlags;

/* ------------------------------------------------------------------------ */
/* Coroutines.                                                               */
/* ------------------------------------------------------------------------ */

typedef void coroutine_fn CoroutineEntry(void *opaque);

/* A created coroutine must be entered; it frees itself when it returns. */
Coroutine *qemu_coroutine_create(CoroutineEntry *entry, void *opaque);
void qemu_coroutine_enter(Coroutine *co);
/* The running coroutine, or NULL outside coroutines. */
Coroutine *coroutine_fn qemu_coroutine_self(void);
void coroutine_fn qemu_coroutine_yield(void);
bool qemu_in_coroutine(void);

/* ------------------------------------------------------------------------ */
/* Event loop.                                                               */
/* ------------------------------------------------------------------------ */

typedef void QEMUBHFunc(void *opaque);

AioContext *qemu_get_aio_context(void);
AioContext *qemu_get_current_aio_context(void);
AioContext *bdrv_get_aio_context(BlockDriverState *bs);
AioContext *blk_get_aio_context(BlockBackend *blk);
BlockDriverState *blk_bs(BlockBackend *blk);

void aio_bh_schedule_oneshot(AioContext *ctx, QEMUBHFunc *cb, void *opaque);

/*
 * Run the bottom halves that are pending now.  There is one thread, so
 * polling any context runs the bottom halves of all of them (standing in
 * for the other contexts' threads).  A blocking poll with nothing to do
 * would sleep forever in QEMU; here it aborts with a message instead.
 */
bool aio_poll(AioContext *ctx, bool blocking);

/* Re-enter a coroutine that yielded (deferred if called from a coroutine). */
void aio_co_wake(Coroutine *co);

/* Tell a waiter in bdrv_poll_co() that something finished. */
void aio_wait_kick(void);

void aio_context_acquire(AioContext *ctx);
void aio_context_release(AioContext *ctx);

/*
 * What a generated co wrapper hands to bdrv_poll_co().  It carries every
 * field any QEMU release uses: up to 7.2 the wrapper sets .bs and reads the
 * result from .ret; from 8.0 it sets .ctx and keeps its result elsewhere.
 */
typedef struct BdrvPollCo {
    AioContext *ctx;                    /* 8.0+; if NULL, bs's context */
    BlockDriverState *bs;               /* 5.2 - 7.2 */
    bool in_progress;
    int ret;                            /* 5.2 - 7.2 */
    Coroutine *co;
} BdrvPollCo;

/*
 * Enter s->co and run the event loop until s->in_progress is false; return
 * s->ret (meaningful for the old dialects only).  Must not be called from a
 * coroutine: the loop would have to run inside the coroutine it waits for.
 */
int bdrv_poll_co(BdrvPollCo *s);

/* ------------------------------------------------------------------------ */
/* Block graph lock.                                                         */
/* ------------------------------------------------------------------------ */

void coroutine_fn bdrv_graph_co_rdlock(void);
void coroutine_fn bdrv_graph_co_rdunlock(void);
void bdrv_graph_rdlock_main_loop(void);
void bdrv_graph_rdunlock_main_loop(void);

/*
 * QEMU 8.2 passes an argument (bdrv_graph_wrlock(NULL)), 9.0 passes none
 * (bdrv_graph_wrlock()).  Both spellings expand to one function; the
 * argument defaults to NULL and its text is kept in the event log so a test
 * can tell which spelling the generated code used.  BCW_ARG_OR_NULL_ relies
 * on GNU's ", ## __VA_ARGS__" comma swallowing (hence -std=gnu11).
 */
#define BCW_SECOND_(first, second, ...) second
#define BCW_ARG_OR_NULL_(...) BCW_SECOND_(~, ## __VA_ARGS__, NULL)
#define bdrv_graph_wrlock(...) \
    bcw_graph_wrlock(BCW_ARG_OR_NULL_(__VA_ARGS__), #__VA_ARGS__)
#define bdrv_graph_wrunlock(...) \
    bcw_graph_wrunlock(BCW_ARG_OR_NULL_(__VA_ARGS__), #__VA_ARGS__)
void bcw_graph_wrlock(BlockDriverState *bs, const char *arg_text);
void bcw_graph_wrunlock(BlockDriverState *bs, const char *arg_text);

/*
 * Only an annotation for clang's analyser in QEMU.  Here it also asserts
 * that the caller really holds the graph lock (read or write), because the
 * wrapper that calls it is about to run a GRAPH_RDLOCK function.
 */
void assume_graph_lock(void);

/* ------------------------------------------------------------------------ */
/* Event log (test hooks).                                                   */
/* ------------------------------------------------------------------------ */

/* Where a logged call happened. */
typedef enum BcwWhere {
    BCW_MAIN,           /* outside coroutines and bottom halves */
    BCW_BH,             /* in a bottom half, outside coroutines */
    BCW_CO,             /* in a coroutine (wherever it was entered from) */
} BcwWhere;

typedef struct BcwEvent {
    unsigned seq;           /* position in the log, from 0 */
    const char *name;       /* the call, e.g. "bdrv_graph_co_rdlock" */
    BcwWhere where;
    Coroutine *co;          /* the coroutine it ran in, or NULL */
    const void *obj;        /* AioContext of poll/acquire/release, else NULL */
    const char *detail;     /* argument text of wrlock/wrunlock, else NULL */
    bool is_target;         /* logged by a wrapper's target function */
} BcwEvent;

/*
 * Logged by the runtime: bdrv_poll_co (obj = the context it polls),
 * bdrv_graph_co_rdlock/rdunlock, bdrv_graph_rdlock/rdunlock_main_loop,
 * bdrv_graph_wrlock/wrunlock (detail = argument text), assume_graph_lock,
 * aio_context_acquire/release (obj = context), aio_co_wake, aio_wait_kick.
 * Tests log their target functions with bcw_log_target().
 */
void bcw_log_reset(void);
void bcw_log_event(const char *name, const void *obj, const char *detail);
void bcw_log_target(const char *name);
size_t bcw_log_count(void);
const BcwEvent *bcw_log_get(size_t i);
/* Index of the first target entry, or -1 if no target was logged. */
long bcw_log_target_index(void);
/* Prints each event with its position relative to the target's entry. */
void bcw_log_dump(FILE *f);
const char *bcw_where_name(BcwWhere where);

/* ------------------------------------------------------------------------ */
/* Introspection and setup (test hooks).                                     */
/* ------------------------------------------------------------------------ */

AioContext *bcw_aio_context_new(const char *name);
void bcw_aio_context_free(AioContext *ctx);
const char *bcw_aio_context_name(const AioContext *ctx);
unsigned bcw_aio_context_acquired(const AioContext *ctx);

/* Where the caller is running right now. */
BcwWhere bcw_where(void);

/* Does the caller hold the graph lock for reading (or writing)? */
bool bcw_graph_rdlock_held(void);
bool bcw_graph_wrlock_held(void);

unsigned bcw_coroutines_alive(void);
size_t bcw_bh_pending(void);

/*
 * Assert that nothing is left over: no live coroutine, no pending bottom
 * half, no graph lock held, no AioContext acquired.  Tests call it between
 * steps and at exit.
 */
void bcw_runtime_assert_idle(void);

#endif /* BCW_RUNTIME_H */
