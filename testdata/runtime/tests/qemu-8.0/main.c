/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Runs the qemu-8.0 reference block-gen.c.
 *
 * The 8.0 dialect: the co_wrapper family and no_co_wrapper; co
 * wrappers poll their first parameter's context.
 *
 * One example per header in ARGS, in that order.
 */
#include "examples/examples.h"

static const BcwDialect dialect = {
    .name = "qemu-8.0",
};

int main(void)
{
    bcw_test_begin(dialect.name);
    example_co_kinds(&dialect);
    example_noco_kinds(&dialect);
    return bcw_test_end();
}
