/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Runs the qemu-8.1 reference block-gen.c.
 *
 * The 8.1 dialect: as 8.0, and no_co bottom halves acquire the first
 * parameter's context around the target.
 *
 * One example per header in ARGS, in that order.
 */
#include "examples/examples.h"

static const BcwDialect dialect = {
    .name = "qemu-8.1",
    .bh_acquires_ctx = true,
};

int main(void)
{
    bcw_test_begin(dialect.name);
    example_co_kinds(&dialect);
    example_noco_kinds(&dialect);
    return bcw_test_end();
}
