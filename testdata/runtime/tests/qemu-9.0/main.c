/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Runs the qemu-9.0 reference block-gen.c.
 *
 * The 9.0+ dialect: co wrappers poll the current context, no_co
 * bottom halves acquire no context, bdrv_graph_wrlock() has no argument.
 *
 * One example per header in ARGS, in that order.
 */
#include "examples/examples.h"

static const BcwDialect dialect = {
    .name = "qemu-9.0",
    .co_ctx_is_current = true,
    .wrlock_arg = "",
};

int main(void)
{
    bcw_test_begin(dialect.name);
    example_co_kinds(&dialect);
    example_noco_kinds(&dialect);
    example_noco_locks(&dialect);
    return bcw_test_end();
}
