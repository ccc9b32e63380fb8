/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Shared helpers for the programs that run generated block-gen.c files:
 * checks that count and report failures instead of stopping at the first,
 * the objects every example passes to its wrappers, expected-event lists
 * compared against the runtime's event log, and helpers to run code in a
 * coroutine or to check that something aborts.
 *
 * This header and testlib.c use only the runtime's API (bcw/runtime.h),
 * never bcw-decls.h, so they compile the same for every dialect.
 */
#ifndef BCW_TESTLIB_H
#define BCW_TESTLIB_H

#include "bcw/runtime.h"

/*
 * What differs between the generator dialects in ways a running program
 * can observe.  Each per-dialect main.c fills one in; the examples consult
 * it instead of testing release numbers.
 */
typedef struct BcwDialect {
    const char *name;           /* "qemu-8.2" */
    /* 9.0+: co wrappers poll qemu_get_current_aio_context(). */
    bool co_ctx_is_current;
    /* 8.1, 8.2: no_co bottom halves acquire the node's context. */
    bool bh_acquires_ctx;
    /* 8.2+: text between the parentheses of bdrv_graph_wrlock(). */
    const char *wrlock_arg;
} BcwDialect;

/*
 * The objects the examples pass to wrappers.  Two nodes in two different
 * (non-main) contexts, so that a wrapper polling the wrong context, or
 * taking the context from the wrong parameter, shows in the event log.
 */
typedef struct BcwFixture {
    AioContext *ctx_a;          /* "iothread-a" */
    AioContext *ctx_b;          /* "iothread-b" */
    BlockDriverState disk_a;    /* "disk-a", in ctx_a */
    BlockDriverState disk_b;    /* "disk-b", in ctx_b */
    BdrvChild child_a;          /* points at disk_a */
    BlockBackend blk_b;         /* root disk_b */
    BlockBackend blk_rootless;  /* no root, in ctx_a */
    Error error;                /* what targets put into *errp */
} BcwFixture;

extern BcwFixture fx;

/* Find a fixture node by name (NULL if none), for the targets that look up. */
BlockDriverState *bcw_fixture_node(const char *name);

/* ------------------------------------------------------------------------ */
/* Test program structure.                                                   */
/* ------------------------------------------------------------------------ */

/* Set up the fixture and counters; print which dialect runs. */
void bcw_test_begin(const char *program);

/*
 * Start a named step: reports the previous one, asserts the runtime is
 * idle (nothing left over from the previous step), and empties the event
 * log so the step's expectations see only its own events.
 */
void bcw_step(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Report the last step, tear down, print "N passed, M failed"; exit code. */
int bcw_test_end(void);

/* ------------------------------------------------------------------------ */
/* Checks: each one counts as passed or failed; failures print a reason.     */
/* ------------------------------------------------------------------------ */

bool bcw_check(bool ok, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#define CHECK(cond) \
    bcw_check(!!(cond), __FILE__, __LINE__, "%s", #cond)
#define CHECK_INT(got, want)                                            \
    bcw_check_int((long long)(got), (long long)(want), #got, #want,     \
                  __FILE__, __LINE__)
#define CHECK_PTR(got, want)                                            \
    bcw_check_ptr((const void *)(got), (const void *)(want), #got, #want, \
                  __FILE__, __LINE__)

bool bcw_check_int(long long got, long long want, const char *got_text,
                   const char *want_text, const char *file, int line);
bool bcw_check_ptr(const void *got, const void *want, const char *got_text,
                   const char *want_text, const char *file, int line);

/* ------------------------------------------------------------------------ */
/* Expected event logs.                                                      */
/* ------------------------------------------------------------------------ */

#define BCW_EXPECT_MAX 32

typedef struct BcwExpect {
    const char *name;
    BcwWhere where;
    const void *obj;            /* expected context, or NULL */
    const char *detail;         /* expected wrlock argument text, or NULL */
    bool is_target;
} BcwExpect;

/*
 * The events one wrapper call should log, in order.  Built step by step so
 * dialect differences are plain if statements; exactly one entry should be
 * the target, and positions are reported relative to it.
 */
typedef struct BcwExpectList {
    BcwExpect ev[BCW_EXPECT_MAX];
    size_t n;
} BcwExpectList;

void bcw_expect_init(BcwExpectList *l);
void bcw_expect(BcwExpectList *l, BcwWhere where, const char *name);
void bcw_expect_ctx(BcwExpectList *l, BcwWhere where, const char *name,
                    const AioContext *ctx);
void bcw_expect_arg(BcwExpectList *l, BcwWhere where, const char *name,
                    const char *arg);
void bcw_expect_target(BcwExpectList *l, BcwWhere where, const char *name);

/*
 * The log of a co wrapper (8.0 and later) called outside coroutines: poll
 * ctx, the target in a new coroutine (between the entry's rdlock and
 * rdunlock if rdlock), its wake-up from a bottom half, the kick.
 */
void bcw_expect_polled(BcwExpectList *l, const AioContext *ctx,
                       const char *target, bool rdlock);

/*
 * The log of a mixed co wrapper called in a coroutine: the target straight
 * away (after the caller's rdlock and the wrapper's assume_graph_lock if
 * rdlock).
 */
void bcw_expect_direct(BcwExpectList *l, const char *target, bool rdlock);

/* Compare the whole event log with l; on mismatch print both. */
#define CHECK_LOG(l) bcw_check_log((l), __FILE__, __LINE__)
bool bcw_check_log(const BcwExpectList *l, const char *file, int line);

/* The target's own log entry (NULL, and a failed check, if none). */
const BcwEvent *bcw_target_event(void);

/* ------------------------------------------------------------------------ */
/* Running things.                                                           */
/* ------------------------------------------------------------------------ */

/*
 * Run fn(opaque) in a new coroutine and poll the event loop until it has
 * returned, as a caller that is itself a coroutine would be driven.
 */
void bcw_run_in_coroutine(void (*fn)(void *opaque), void *opaque);

/*
 * For a target function in a coroutine: yield, and be woken by a bottom
 * half in ctx.  So every wrapper call really waits and is finished from
 * the event loop, not straight through.
 */
void coroutine_fn bcw_yield_via_bh(AioContext *ctx);

/*
 * Run fn(opaque) in a child process, outside coroutines or in a coroutine
 * of its own, and check that it aborts (SIGABRT) with a message on stderr
 * that contains `message`.  For calls that the generated code or the
 * runtime must refuse.
 */
#define CHECK_ABORTS(fn, opaque, message) \
    bcw_check_aborts((fn), (opaque), false, (message), #fn, __FILE__, __LINE__)
#define CHECK_ABORTS_IN_COROUTINE(fn, opaque, message) \
    bcw_check_aborts((fn), (opaque), true, (message), #fn, __FILE__, __LINE__)
bool bcw_check_aborts(void (*fn)(void *opaque), void *opaque,
                      bool in_coroutine, const char *message,
                      const char *fn_text, const char *file, int line);

#endif /* BCW_TESTLIB_H */
