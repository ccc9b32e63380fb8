/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Runs the qemu-8.2 reference block-gen.c.
 *
 * The 8.2 dialect: as 8.1, plus no_co wrappers with graph locks; the
 * write lock is spelled bdrv_graph_wrlock(NULL).
 *
 * One example per header in ARGS, in that order.
 */
#include "examples/examples.h"

static const BcwDialect dialect = {
    .name = "qemu-8.2",
    .bh_acquires_ctx = true,
    .wrlock_arg = "NULL",
};

int main(void)
{
    bcw_test_begin(dialect.name);
    example_co_kinds(&dialect);
    example_noco_kinds(&dialect);
    example_noco_locks(&dialect);
    return bcw_test_end();
}
