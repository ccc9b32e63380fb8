/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the demo's targets (targets.c) and its tests (demo-test.c) share:
 * the RAM disks behind the fixture's nodes, and what the last target saw.
 */
#ifndef DEMO_H
#define DEMO_H

#include "bcw-decls.h"
#include "testlib.h"

typedef struct DemoDisk {
    uint8_t data[DEMO_DISK_SIZE];
    int dirty;              /* bytes written since the last flush */
    bool open;              /* by demo_open(), until demo_close() */
    unsigned drained;       /* demo_co_drain() calls that finished */
} DemoDisk;

/* The disk of fx.disk_a or fx.disk_b. */
DemoDisk *demo_disk(BlockDriverState *bs);

typedef struct DemoCall {
    unsigned calls;         /* targets run */
    const void *first_arg;  /* the last target's first argument */
    /* It held the graph lock for reading (or writing) from entry to return,
     * across its yield. */
    bool rdlocked;
    bool wrlocked;          /* and for writing */
    BdrvRequestFlags flags; /* of the last demo_co_pread/pwrite */
} DemoCall;

extern DemoCall demo_last;

#endif /* DEMO_H */
