/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Runs the qemu-6.2 reference block-gen.c.
 *
 * The 6.2 - 7.2 dialect: as 6.1, plus BlockBackend * as the first
 * parameter, polled through .poll_state.bs = blk_bs(blk).
 *
 * One example per header in ARGS, in that order.
 */
#include "examples/examples.h"

static const BcwDialect dialect = {
    .name = "qemu-6.2",
};

int main(void)
{
    bcw_test_begin(dialect.name);
    example_old_marker(&dialect);
    example_old_marker_blk(&dialect);
    return bcw_test_end();
}
