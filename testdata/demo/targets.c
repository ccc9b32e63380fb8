/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The functions the demo's wrappers call, declared next to the wrappers in
 * include/.
 *
 * The coroutine functions yield and are woken by a bottom half in their
 * node's AioContext before they finish, as real I/O would, so every call
 * from outside a coroutine goes through the wrapper's polling loop.  The
 * no_co targets are plain functions and run in the wrapper's bottom half.
 * Each one logs itself (bcw_log_target) and fills in demo_last.
 */
#include "demo.h"

#include <errno.h>
#include <string.h>

DemoCall demo_last;

static DemoDisk disks[2];

DemoDisk *demo_disk(BlockDriverState *bs)
{
    if (bs == &fx.disk_a) {
        return &disks[0];
    }
    assert(bs == &fx.disk_b);
    return &disks[1];
}

static void record(const char *target, const void *first_arg)
{
    bcw_log_target(target);
    demo_last.calls++;
    demo_last.first_arg = first_arg;
    demo_last.rdlocked = bcw_graph_rdlock_held();
    demo_last.wrlocked = bcw_graph_wrlock_held();
}

/*
 * Wait for "the hardware": yield until a bottom half in ctx wakes us, and
 * note whether the graph lock was held all along.
 */
static void coroutine_fn wait_for_completion(AioContext *ctx)
{
    bcw_yield_via_bh(ctx);
    demo_last.rdlocked = demo_last.rdlocked && bcw_graph_rdlock_held();
    demo_last.wrlocked = demo_last.wrlocked && bcw_graph_wrlock_held();
}

static bool in_kept_part(int64_t offset, int64_t bytes)
{
    return offset >= 0 && bytes >= 0 && offset <= DEMO_DISK_SIZE &&
           bytes <= DEMO_DISK_SIZE - offset;
}

int coroutine_fn demo_co_pread(BdrvChild *child, int64_t offset,
                               int64_t bytes, void *buf,
                               BdrvRequestFlags flags)
{
    DemoDisk *d = demo_disk(child->bs);

    record(__func__, child);
    demo_last.flags = flags;
    wait_for_completion(bdrv_get_aio_context(child->bs));

    if (!in_kept_part(offset, bytes)) {
        return -EINVAL;
    }
    memcpy(buf, d->data + offset, (size_t)bytes);
    return (int)bytes;
}

int coroutine_fn demo_co_pwrite(BdrvChild *child, int64_t offset,
                                int64_t bytes, const void *buf,
                                BdrvRequestFlags flags)
{
    DemoDisk *d = demo_disk(child->bs);

    record(__func__, child);
    demo_last.flags = flags;
    wait_for_completion(bdrv_get_aio_context(child->bs));

    if (!in_kept_part(offset, bytes)) {
        return -EINVAL;
    }
    memcpy(d->data + offset, buf, (size_t)bytes);
    if (!(flags & BDRV_REQ_FUA)) {
        d->dirty += (int)bytes;
    }
    return (int)bytes;
}

int coroutine_fn demo_co_flush(BlockDriverState *bs)
{
    DemoDisk *d = demo_disk(bs);
    int flushed;

    record(__func__, bs);
    wait_for_completion(bdrv_get_aio_context(bs));

    flushed = d->dirty;
    d->dirty = 0;
    return flushed;
}

void coroutine_fn demo_co_drain(BlockDriverState *bs)
{
    record(__func__, bs);
    wait_for_completion(bdrv_get_aio_context(bs));
    /* void: counting finished calls is how a test sees it ran through. */
    demo_disk(bs)->drained++;
}

int64_t coroutine_fn demo_co_blk_getlength(BlockBackend *blk)
{
    record(__func__, blk);
    wait_for_completion(blk_get_aio_context(blk));
    return blk_bs(blk) ? DEMO_DISK_LENGTH : -ENOMEDIUM;
}

BlockDriverState *coroutine_fn demo_co_blk_find_node(BlockBackend *blk,
                                                     const char *name)
{
    record(__func__, blk);
    wait_for_completion(blk_get_aio_context(blk));
    return bcw_fixture_node(name);
}

BlockDriverState *demo_open(const char *filename, Error **errp)
{
    BlockDriverState *bs = bcw_fixture_node(filename);

    record(__func__, filename);
    if (!bs) {
        *errp = &fx.error;
        return NULL;
    }
    demo_disk(bs)->open = true;
    return bs;
}

void demo_close(BlockDriverState *bs)
{
    record(__func__, bs);
    demo_disk(bs)->open = false;
}

int demo_check(BdrvChild *c, Error **errp)
{
    record(__func__, c);
    if (!c->bs) {
        *errp = &fx.error;
        return -ENOMEDIUM;
    }
    return demo_disk(c->bs)->dirty;
}

void demo_detach(BlockDriverState *parent, BdrvChild *child)
{
    record(__func__, parent);
    child->bs = NULL;
}
