/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Runs the qemu-5.2 reference block-gen.c.
 *
 * The 5.2 - 6.0 dialect: generated_co_wrapper, int only, names start
 * with bdrv_, first parameter BlockDriverState * or BdrvChild *; every
 * wrapper is mixed and returns bdrv_poll_co(&s.poll_state).
 *
 * One example per header in ARGS, in that order.
 */
#include "examples/examples.h"

static const BcwDialect dialect = {
    .name = "qemu-5.2",
};

int main(void)
{
    bcw_test_begin(dialect.name);
    example_old_marker(&dialect);
    return bcw_test_end();
}
