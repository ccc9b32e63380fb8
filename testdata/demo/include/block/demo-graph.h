/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Graph changes of the demo block layer: functions that must run in the
 * main loop, outside coroutines, so a coroutine calls them through a
 * no_co_wrapper.  Wrapper demo_co_NAME schedules the demo_NAME declared
 * next to it (defined in targets.c) in a bottom half and yields until it
 * has run, holding the graph lock the marker names.
 */
#ifndef BLOCK_DEMO_GRAPH_H
#define BLOCK_DEMO_GRAPH_H

#include "block/demo-common.h"

/* The node called filename, or NULL and *errp set. */
BlockDriverState *demo_open(const char *filename, Error **errp);
BlockDriverState * coroutine_fn no_co_wrapper
demo_co_open(const char *filename, Error **errp);

void demo_close(BlockDriverState *bs);
void coroutine_fn no_co_wrapper demo_co_close(BlockDriverState *bs);

/* Dirty bytes of c's node, or -ENOMEDIUM and *errp set if it has none. */
int GRAPH_RDLOCK demo_check(BdrvChild *c, Error **errp);
int coroutine_fn no_co_wrapper_bdrv_rdlock
demo_co_check(BdrvChild *c, Error **errp);

/* Take child's node away from parent: child->bs becomes NULL. */
void GRAPH_WRLOCK demo_detach(BlockDriverState *parent, BdrvChild *child);
void coroutine_fn no_co_wrapper_bdrv_wrlock
demo_co_detach(BlockDriverState *parent, BdrvChild *child);

#endif /* BLOCK_DEMO_GRAPH_H */
