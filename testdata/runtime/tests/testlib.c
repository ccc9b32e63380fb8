/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Shared helpers for the programs that run generated block-gen.c files.
 * See testlib.h.
 */
#include "testlib.h"

#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

BcwFixture fx;

static const char *program_name;
static unsigned checks_passed;
static unsigned checks_failed;

/* The step being run, and how many checks had failed when it started. */
static char step_name[200];
static unsigned step_failed_before;
static unsigned steps_passed;
static unsigned steps_failed;

/* ------------------------------------------------------------------------ */
/* Fixture.                                                                  */
/* ------------------------------------------------------------------------ */

static void fixture_setup(void)
{
    fx.ctx_a = bcw_aio_context_new("iothread-a");
    fx.ctx_b = bcw_aio_context_new("iothread-b");
    fx.disk_a = (BlockDriverState) { .node_name = "disk-a",
                                     .aio_context = fx.ctx_a };
    fx.disk_b = (BlockDriverState) { .node_name = "disk-b",
                                     .aio_context = fx.ctx_b };
    fx.child_a = (BdrvChild) { .bs = &fx.disk_a, .name = "file" };
    fx.blk_b = (BlockBackend) { .root = &fx.disk_b, .name = "blk-b" };
    fx.blk_rootless = (BlockBackend) { .ctx = fx.ctx_a, .name = "blk-empty" };
    fx.error = (Error) { .msg = "example error" };
}

static void fixture_teardown(void)
{
    bcw_aio_context_free(fx.ctx_a);
    bcw_aio_context_free(fx.ctx_b);
    memset(&fx, 0, sizeof(fx));
}

BlockDriverState *bcw_fixture_node(const char *name)
{
    if (strcmp(name, fx.disk_a.node_name) == 0) {
        return &fx.disk_a;
    }
    if (strcmp(name, fx.disk_b.node_name) == 0) {
        return &fx.disk_b;
    }
    return NULL;
}

/* ------------------------------------------------------------------------ */
/* Program structure.                                                        */
/* ------------------------------------------------------------------------ */

static void step_report(void)
{
    if (step_name[0] == '\0') {
        return;
    }
    if (checks_failed == step_failed_before) {
        steps_passed++;
        printf("ok   %s\n", step_name);
    } else {
        steps_failed++;
        printf("FAIL %s\n", step_name);
    }
    fflush(stdout);
    step_name[0] = '\0';
}

void bcw_test_begin(const char *program)
{
    program_name = program;
    /* Line-buffered, so failures on stderr land next to their step. */
    setvbuf(stdout, NULL, _IOLBF, 0);
    printf("# %s\n", program);
    fixture_setup();
}

void bcw_step(const char *fmt, ...)
{
    va_list ap;

    step_report();
    /* Leftovers would make this step's log and checks lie. */
    bcw_runtime_assert_idle();
    bcw_log_reset();

    va_start(ap, fmt);
    vsnprintf(step_name, sizeof(step_name), fmt, ap);
    va_end(ap);
    step_failed_before = checks_failed;
}

int bcw_test_end(void)
{
    step_report();
    bcw_runtime_assert_idle();
    fixture_teardown();
    printf("# %s: %u steps ok, %u steps failed\n", program_name,
           steps_passed, steps_failed);
    /* The closing line in the "N passed, N failed" form test runners read. */
    printf("%s: %u passed, %u failed\n", program_name, checks_passed,
           checks_failed);
    /* A program that checked nothing has not shown anything either. */
    if (checks_failed > 0 || checks_passed == 0) {
        return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
}

/* ------------------------------------------------------------------------ */
/* Checks.                                                                   */
/* ------------------------------------------------------------------------ */

bool bcw_check(bool ok, const char *file, int line, const char *fmt, ...)
{
    va_list ap;

    if (ok) {
        checks_passed++;
        return true;
    }
    checks_failed++;
    fprintf(stderr, "%s:%d: check failed in step \"%s\": ", file, line,
            step_name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return false;
}

bool bcw_check_int(long long got, long long want, const char *got_text,
                   const char *want_text, const char *file, int line)
{
    return bcw_check(got == want, file, line, "%s is %lld, want %s = %lld",
                     got_text, got, want_text, want);
}

bool bcw_check_ptr(const void *got, const void *want, const char *got_text,
                   const char *want_text, const char *file, int line)
{
    return bcw_check(got == want, file, line, "%s is %p, want %s = %p",
                     got_text, got, want_text, want);
}

/* ------------------------------------------------------------------------ */
/* Expected event logs.                                                      */
/* ------------------------------------------------------------------------ */

void bcw_expect_init(BcwExpectList *l)
{
    memset(l, 0, sizeof(*l));
}

static void expect_add(BcwExpectList *l, BcwWhere where, const char *name,
                       const void *obj, const char *detail, bool is_target)
{
    /* Too many entries is a bug in the test itself, not a failed check. */
    assert(l->n < BCW_EXPECT_MAX);
    l->ev[l->n++] = (BcwExpect) {
        .name = name, .where = where, .obj = obj, .detail = detail,
        .is_target = is_target,
    };
}

void bcw_expect(BcwExpectList *l, BcwWhere where, const char *name)
{
    expect_add(l, where, name, NULL, NULL, false);
}

void bcw_expect_ctx(BcwExpectList *l, BcwWhere where, const char *name,
                    const AioContext *ctx)
{
    expect_add(l, where, name, ctx, NULL, false);
}

void bcw_expect_arg(BcwExpectList *l, BcwWhere where, const char *name,
                    const char *arg)
{
    expect_add(l, where, name, NULL, arg, false);
}

void bcw_expect_target(BcwExpectList *l, BcwWhere where, const char *name)
{
    expect_add(l, where, name, NULL, NULL, true);
}

void bcw_expect_polled(BcwExpectList *l, const AioContext *ctx,
                       const char *target, bool rdlock)
{
    bcw_expect_init(l);
    bcw_expect_ctx(l, BCW_MAIN, "bdrv_poll_co", ctx);
    if (rdlock) {
        bcw_expect(l, BCW_CO, "bdrv_graph_co_rdlock");
    }
    bcw_expect_target(l, BCW_CO, target);
    bcw_expect(l, BCW_BH, "aio_co_wake");           /* the target yielded */
    if (rdlock) {
        bcw_expect(l, BCW_CO, "bdrv_graph_co_rdunlock");
    }
    bcw_expect(l, BCW_CO, "aio_wait_kick");
}

void bcw_expect_direct(BcwExpectList *l, const char *target, bool rdlock)
{
    bcw_expect_init(l);
    if (rdlock) {
        /* The caller's own lock, then the wrapper's assertion of it. */
        bcw_expect(l, BCW_CO, "bdrv_graph_co_rdlock");
        bcw_expect(l, BCW_CO, "assume_graph_lock");
    }
    bcw_expect_target(l, BCW_CO, target);
    bcw_expect(l, BCW_BH, "aio_co_wake");
    if (rdlock) {
        bcw_expect(l, BCW_CO, "bdrv_graph_co_rdunlock");
    }
}

static bool same_str(const char *a, const char *b)
{
    if (!a || !b) {
        return a == b;
    }
    return strcmp(a, b) == 0;
}

static bool event_matches(const BcwEvent *e, const BcwExpect *x)
{
    return same_str(e->name, x->name) && e->where == x->where &&
           e->obj == x->obj && same_str(e->detail, x->detail) &&
           e->is_target == x->is_target;
}

static long expect_target_index(const BcwExpectList *l)
{
    for (size_t i = 0; i < l->n; i++) {
        if (l->ev[i].is_target) {
            return (long)i;
        }
    }
    return -1;
}

static void expect_dump(const BcwExpectList *l, FILE *f)
{
    long target = expect_target_index(l);

    /* Same layout as bcw_log_dump(), so the two can be compared by eye. */
    for (size_t i = 0; i < l->n; i++) {
        const BcwExpect *x = &l->ev[i];

        fprintf(f, "    %+3ld %-4s %s", (long)i - target,
                bcw_where_name(x->where), x->name);
        if (x->obj) {
            fprintf(f, "  ctx=%s",
                    bcw_aio_context_name((const AioContext *)x->obj));
        }
        if (x->detail) {
            fprintf(f, "  arg=\"%s\"", x->detail);
        }
        fprintf(f, "%s\n", x->is_target ? "  <- target" : "");
    }
}

bool bcw_check_log(const BcwExpectList *l, const char *file, int line)
{
    size_t n = bcw_log_count();
    bool ok = n == l->n &&
              bcw_log_target_index() == expect_target_index(l);

    for (size_t i = 0; ok && i < n; i++) {
        ok = event_matches(bcw_log_get(i), &l->ev[i]);
    }
    if (!bcw_check(ok, file, line, "the event log is not as expected")) {
        fprintf(stderr, "  expected (position relative to the target):\n");
        expect_dump(l, stderr);
        fprintf(stderr, "  logged:\n");
        bcw_log_dump(stderr);
    }
    return ok;
}

const BcwEvent *bcw_target_event(void)
{
    long i = bcw_log_target_index();

    if (!bcw_check(i >= 0, __FILE__, __LINE__, "no target call was logged")) {
        return NULL;
    }
    return bcw_log_get((size_t)i);
}

/* ------------------------------------------------------------------------ */
/* Running things.                                                           */
/* ------------------------------------------------------------------------ */

typedef struct RunInCoroutine {
    void (*fn)(void *opaque);
    void *opaque;
    bool done;
} RunInCoroutine;

static void coroutine_fn run_in_coroutine_entry(void *opaque)
{
    RunInCoroutine *r = opaque;

    r->fn(r->opaque);
    r->done = true;
}

void bcw_run_in_coroutine(void (*fn)(void *opaque), void *opaque)
{
    RunInCoroutine r = { .fn = fn, .opaque = opaque };

    qemu_coroutine_enter(qemu_coroutine_create(run_in_coroutine_entry, &r));
    while (!r.done) {
        aio_poll(qemu_get_aio_context(), true);
    }
}

static void wake_bh(void *opaque)
{
    aio_co_wake(opaque);
}

void coroutine_fn bcw_yield_via_bh(AioContext *ctx)
{
    Coroutine *self = qemu_coroutine_self();

    aio_bh_schedule_oneshot(ctx, wake_bh, self);
    qemu_coroutine_yield();
    /* Woken by wake_bh: must be the same coroutine, and outside any BH. */
    assert(qemu_coroutine_self() == self);
}

bool bcw_check_aborts(void (*fn)(void *opaque), void *opaque,
                      bool in_coroutine, const char *message,
                      const char *fn_text, const char *file, int line)
{
    int fds[2];
    pid_t pid;
    int status;
    char out[4096];
    size_t len = 0;
    ssize_t got;

    /* Flush first, or the child would print our buffered output again. */
    fflush(stdout);
    fflush(stderr);
    if (pipe(fds) != 0) {
        return bcw_check(false, file, line, "pipe() failed");
    }
    pid = fork();
    if (pid < 0) {
        return bcw_check(false, file, line, "fork() failed");
    }
    if (pid == 0) {
        /* Child: its stderr goes to the parent, which looks for message. */
        close(fds[0]);
        dup2(fds[1], STDERR_FILENO);
        close(fds[1]);
        if (in_coroutine) {
            bcw_run_in_coroutine(fn, opaque);
        } else {
            fn(opaque);
        }
        _exit(0);       /* fn did not abort */
    }

    close(fds[1]);
    /* Read to the end (so the child never blocks), keep what fits. */
    for (;;) {
        char chunk[512];

        got = read(fds[0], chunk, sizeof(chunk));
        if (got <= 0) {
            break;
        }
        if ((size_t)got > sizeof(out) - 1 - len) {
            got = (ssize_t)(sizeof(out) - 1 - len);
        }
        memcpy(out + len, chunk, (size_t)got);
        len += (size_t)got;
    }
    out[len] = '\0';
    close(fds[0]);
    if (waitpid(pid, &status, 0) != pid) {
        return bcw_check(false, file, line, "waitpid() failed");
    }

    if (!(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT)) {
        return bcw_check(false, file, line,
                         "%s() should abort with \"%s\", but it %s %d; "
                         "stderr:\n%s", fn_text, message,
                         WIFSIGNALED(status) ? "died of signal" : "exited with",
                         WIFSIGNALED(status) ? WTERMSIG(status)
                                             : WEXITSTATUS(status),
                         out);
    }
    return bcw_check(strstr(out, message) != NULL, file, line,
                     "%s() aborted, but its message lacks \"%s\":\n%s",
                     fn_text, message, out);
}
